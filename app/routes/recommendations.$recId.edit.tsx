import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { isRouteErrorResponse, useActionData, useLoaderData, useParams, useRouteError } from '@remix-run/react'
import { requireRecommendation } from '~/auth/access.server'
import { getUser } from '~/auth/require.server'
import { DocumentSessionExpired, isExpiredSubmission } from '~/components/document-expired'
import { RecommendationEditor } from '~/components/recommendation-editor'
import { getLang } from '~/i18n/lang.server'
import { translator, type Translate } from '~/i18n/messages'
import { pageTitle } from '~/i18n/page-title'
import { useT } from '~/i18n/use-t'
import { saveRecommendation } from '~/models/recommendation.server'
import { isEditable } from '~/models/document/kinds'
import { recommendationContent, RecommendationEditorSchema } from '~/schemas/recommendation-editor'
import { expiredSaveResponse } from '~/utils/expired-save.server'
import { actorOf, redirectWithNotice } from '~/utils/http.server'
import {
  applyStructureChange,
  mergeStale,
  parseStructureChange,
  recommendationDraftKey,
  valuesFromPayload,
  valuesFromSnapshot,
  type EditorValues,
  type StaleInfo,
} from '~/utils/recommendation-editor'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'recommendationEditor.title')

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { recommendation } = await requireRecommendation(request, params, 'recommendation.manage')
  return json({
    recId: recommendation.id,
    editable: isEditable('recommendation', recommendation.state),
    revision: recommendation.revision,
    values: valuesFromSnapshot(recommendation.snapshot),
    savedKey: recommendationDraftKey(valuesFromSnapshot(recommendation.snapshot)),
  })
}

type ActionData = {
  values: EditorValues
  revision: number
  result?: SubmissionResult<string[]>
  stale?: StaleInfo
  /** The structure changed in the form; nothing was saved. */
  restructured?: boolean
  /** A fresh form for every answer: its fields start from `values`. */
  formKey: string
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const formData = await request.formData()
  // Never a redirect to /login here: that would throw away what the officer wrote.
  if (!(await getUser(request))) throw expiredSaveResponse(context, formData)
  const { user, recommendation } = await requireRecommendation(request, params, 'recommendation.manage')
  const submittedRevision = Number(formData.get('revision')) || 0
  const intent = String(formData.get('intent') ?? '')
  const change = parseStructureChange(intent)
  if (change) {
    const { payload } = parseWithZod(formData, { schema: RecommendationEditorSchema })
    const values = applyStructureChange(valuesFromPayload(payload), change)
    return json<ActionData>({ values, revision: submittedRevision, restructured: true, formKey: crypto.randomUUID() })
  }
  if (intent !== 'save') throw new Response('Bad Request', { status: 400 })
  const submission = parseWithZod(formData, { schema: RecommendationEditorSchema })
  if (submission.status !== 'success')
    return json<ActionData>(
      {
        values: valuesFromPayload(submission.payload),
        revision: submittedRevision,
        result: submission.reply(),
        formKey: crypto.randomUUID(),
      },
      { status: 400 },
    )
  const saved = saveRecommendation({
    id: recommendation.id,
    baseRevision: submission.value.revision,
    input: recommendationContent(submission.value),
    actor: actorOf(user, context),
  })
  if (saved.ok) return redirectWithNotice(`/recommendations/${recommendation.id}/edit`, 'recommendationEditor.saved')
  const values = valuesFromPayload(submission.payload)
  if (saved.reason === 'locked')
    return json<ActionData>(
      {
        values,
        revision: submittedRevision,
        result: submission.reply({ formErrors: ['recommendationEditor.error.locked'] }),
        formKey: crypto.randomUUID(),
      },
      { status: 409 },
    )
  // Someone saved since this text was loaded: nothing is written, the writer gets their own
  // text back with what is saved now beside it, and the current revision to save the merge.
  const t: Translate = translator(await getLang(request))
  const merged = mergeStale(values, saved.current.snapshot, (kind) => t(`kind.${kind}`))
  return json<ActionData>(
    {
      values: merged.values,
      revision: saved.current.revision,
      stale: {
        savedBy: saved.current.updatedByUserName,
        savedAt: saved.current.updatedAt,
        fields: merged.fields,
        removed: merged.removed,
        added: merged.added,
      },
      formKey: crypto.randomUUID(),
    },
    { status: 409 },
  )
}

export default function RecommendationEdit() {
  const t = useT()
  const data = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>() as ActionData | undefined
  if (!data.editable && !reply) return <p className="notice notice--info">{t('recommendationEditor.notEditable')}</p>
  return (
    <>
      {reply?.restructured ? (
        <p className="notice notice--info" role="status">
          {t('recommendationEditor.changedNotSaved')}
        </p>
      ) : null}
      <RecommendationEditor
        key={reply?.formKey ?? data.revision}
        recId={data.recId}
        revision={reply?.revision ?? data.revision}
        defaultValue={reply?.values ?? data.values}
        lastResult={reply?.result}
        stale={reply?.stale}
        savedKey={data.savedKey}
      />
    </>
  )
}

export function ErrorBoundary() {
  const t = useT()
  const error = useRouteError()
  const { recId } = useParams()
  if (isRouteErrorResponse(error) && error.status === 401 && isExpiredSubmission(error.data)) {
    return (
      <DocumentSessionExpired
        action={`/recommendations/${Number(recId)}/edit`}
        submission={error.data}
        fieldLabel={(name) => expiredFieldLabel(t, name)}
        resubmitStep={t('recommendationEditor.expired.step2')}
      />
    )
  }
  const notFoundError = isRouteErrorResponse(error) && error.status === 404
  return (
    <section>
      <h2>{notFoundError ? t('error.notFoundTitle') : t('error.genericTitle')}</h2>
      <p>{notFoundError ? t('error.notFound') : t('error.generic')}</p>
    </section>
  )
}

const PART = /^chapters\[(\d+)\]\.(?:items\[(\d+)\]\.)?(title|body|timeFrame)$/

/** A submitted field as the writer knows it („Treść rekomendacji 1.2.”); null for technical ones. */
function expiredFieldLabel(t: Translate, name: string): string | null {
  if (name === 'title') return t('recommendationEditor.field.title')
  if (name === 'summary') return t('recommendationEditor.field.summary')
  const part = PART.exec(name)
  if (!part) return null
  const chapter = Number(part[1]) + 1
  if (part[2] === undefined)
    return part[3] === 'title'
      ? t('recommendationEditor.field.chapterTitle', { n: `${chapter}.` })
      : part[3] === 'body'
        ? t('recommendationEditor.field.chapterBody', { n: `${chapter}.` })
        : null
  const n = `${chapter}.${Number(part[2]) + 1}.`
  if (part[3] === 'title') return t('recommendationEditor.field.itemTitle', { n })
  if (part[3] === 'body') return t('recommendationEditor.field.itemBody', { n })
  return t('recommendationEditor.field.timeFrame', { n })
}
