import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireRecommendation } from '~/auth/access.server'
import { canInRecommendation } from '~/auth/recommendation-permissions'
import { RecommendationAnnexForm } from '~/components/recommendation-annex-form'
import { RecommendationCycle } from '~/components/recommendation-cycle'
import { RecommendationReader } from '~/components/recommendation-reader'
import { useT } from '~/i18n/use-t'
import { consultationRecipients } from '~/models/recommendation-cycle.server'
import { meetingsForAdoption } from '~/models/recommendation-list.server'
import { maxUploadBytes } from '~/models/presentation.server'
import { removeAnnex } from '~/models/recommendation.server'
import { cycleSchemas, type CycleStep } from '~/schemas/recommendation-cycle'
import { actorOf, redirectWithNotice } from '~/utils/http.server'
import {
  handleAnnexUpload,
  handleCycleStep,
  readerRecommendation,
  type AnnexReply,
  type CycleReply,
} from '~/utils/recommendation-page.server'
import { toWarsawLocalInput } from '~/utils/time'

const TWO_WEEKS_MS = 14 * 24 * 3_600_000

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, recommendation: live } = await requireRecommendation(request, params, 'recommendation.read')
  const { rec, insider } = readerRecommendation(live, access)
  const manage = canInRecommendation(access, live, 'recommendation.manage')
  return json({
    rec,
    insider,
    manage,
    editable: manage && (live.state === 'drafting' || live.state === 'consultation'),
    drafting: manage && live.state === 'drafting',
    maxMb: Math.round(maxUploadBytes() / 1024 / 1024),
    cycle: manage
      ? {
          revision: live.revision,
          defaults: { commentsDueAt: toWarsawLocalInput(new Date(Date.now() + TWO_WEEKS_MS)) },
          recipients: live.state === 'drafting' ? consultationRecipients({ id: live.id }) : null,
          meetings: live.state === 'drafting' || live.state === 'consultation' ? meetingsForAdoption({ bodyId: live.bodyId }) : [],
        }
      : null,
  })
}

const isCycleStep = (intent: unknown): intent is CycleStep => typeof intent === 'string' && intent in cycleSchemas

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, recommendation } = await requireRecommendation(request, params, 'recommendation.manage', { signIn: true })
  const id = recommendation.id
  const actor = actorOf(user, context)
  if (/^multipart\/form-data\b/i.test(request.headers.get('Content-Type') ?? '')) return handleAnnexUpload({ id, request, actor })
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'remove-annex') {
    const removed = removeAnnex({ id, fileId: Number(formData.get('fileId')), actor })
    if (!removed.ok) throw new Response('Not Found', { status: 404 })
    return redirectWithNotice(`/recommendations/${id}`, 'recommendations.annex.removed')
  }
  if (isCycleStep(intent)) return handleCycleStep({ id, step: intent, formData, actor, request })
  throw new Response('Bad Request', { status: 400 })
}

export default function RecommendationText() {
  const t = useT()
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as CycleReply | AnnexReply | undefined
  const pdfLabel =
    data.rec.state === 'published' || data.rec.state === 'withdrawn' ? 'recommendations.pdfLink' : 'recommendations.pdfDraftLink'
  return (
    <>
      <p className="actions">
        {data.editable ? (
          <Link to={`/recommendations/${data.rec.documentId}/edit`} className="button">
            {t('recommendations.edit')}
          </Link>
        ) : null}
        <a href={`/recommendations/${data.rec.documentId}/publication.pdf`}>{t(pdfLabel)}</a>
      </p>
      <RecommendationReader rec={data.rec} removableAnnexes={data.drafting} />
      {data.drafting ? (
        <RecommendationAnnexForm
          lastResult={actionData?.form === 'annex' ? actionData.result : undefined}
          fileError={actionData?.form === 'annex' ? actionData.fileError : null}
          maxMb={data.maxMb}
        />
      ) : null}
      {data.cycle ? (
        <RecommendationCycle
          state={data.rec.state}
          revision={data.cycle.revision}
          recipients={data.cycle.recipients}
          meetings={data.cycle.meetings}
          defaults={data.cycle.defaults}
          results={actionData && actionData.form !== 'annex' ? { [actionData.form]: actionData.result } : {}}
        />
      ) : null}
    </>
  )
}
