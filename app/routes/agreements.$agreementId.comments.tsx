import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { requireAgreement } from '~/auth/access.server'
import { canInAgreement } from '~/auth/agreement-permissions'
import { notFound } from '~/auth/require.server'
import { AddCommentForm, CommentParts, RefusedComment, WHOLE_TEXT } from '~/components/document-comments'
import { pageTitle } from '~/i18n/page-title'
import { useLang, useT } from '~/i18n/use-t'
import { addComment, commentParts, listComments, resolveComment } from '~/models/document/comments.server'
import { isEditable } from '~/models/document/kinds'
import { isInsider } from '~/utils/agreement-page.server'
import { RecommendationCommentSchema, ResolveRecommendationCommentSchema } from '~/schemas/recommendation-editor'
import { formatDateTime } from '~/utils/format'
import { actorOf, redirectWithNotice } from '~/utils/http.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'agreements.comments.title')

/**
 * The parties' remarks on each paragraph (§) and on the whole text while they negotiate. The
 * parties' people and the team's officers only: anyone else gets 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, agreement } = await requireAgreement(request, params, 'agreement.read')
  if (!isInsider(access)) throw notFound()
  const comments = listComments({ documentId: agreement.id })
  const items = agreement.snapshot.paragraphs.map((p) => ({ id: p.id, title: `${p.number} ${p.title}` }))
  const { parts, counts } = commentParts(comments, items)
  const asked = new URL(request.url).searchParams.get('section')
  const negotiating = agreement.state === 'negotiation'
  return json({
    negotiating,
    commentsDueAt: agreement.commentsDueAt,
    deadlinePassed: negotiating && !!agreement.commentsDueAt && new Date(agreement.commentsDueAt) <= new Date(),
    canComment: canInAgreement(access, agreement, 'agreement.comment'),
    canResolve: canInAgreement(access, agreement, 'agreement.manage') && isEditable('agreement', agreement.state),
    parts,
    sectionOptions: items.map((item) => ({ value: String(item.id), label: item.title })),
    preselected: items.some((item) => String(item.id) === asked) ? asked! : WHOLE_TEXT,
    counts,
  })
}

type ActionData =
  | { form: 'comment'; result: SubmissionResult<string[]>; refused?: undefined }
  | { form: 'comment'; refused: string; body: string; result?: undefined }
  | { form: `resolve-${number}`; result: SubmissionResult<string[]>; refused?: undefined }

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, access, agreement } = await requireAgreement(request, params, 'agreement.read', { signIn: true })
  if (!user || !isInsider(access)) throw notFound()
  const actor = actorOf(user, context)
  const here = `/agreements/${agreement.id}/comments`
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'comment') {
    const typed = String(formData.get('body') ?? '')
    // A comment after the deadline is refused before anything else, the text handed back.
    if (!canInAgreement(access, agreement, 'agreement.comment')) {
      const refused = agreement.state === 'negotiation' ? 'deadlinePassed' : 'notOpen'
      return json<ActionData>({ form: 'comment', refused: `agreement.error.comment.${refused}`, body: typed }, { status: 403 })
    }
    const submission = parseWithZod(formData, { schema: RecommendationCommentSchema })
    if (submission.status !== 'success') return json<ActionData>({ form: 'comment', result: submission.reply() }, { status: 400 })
    const saved = addComment({
      documentId: agreement.id,
      sectionId: submission.value.section,
      body: submission.value.body,
      actor: { ...actor, userId: user.id },
    })
    if (saved.ok) return redirectWithNotice(`${here}#comment-${saved.id}`, 'recommendationEditor.comments.added')
    const error = `agreement.error.comment.${saved.reason}`
    if (saved.reason === 'section')
      return json<ActionData>({ form: 'comment', result: submission.reply({ fieldErrors: { section: [error] } }) }, { status: 400 })
    return json<ActionData>({ form: 'comment', refused: error, body: typed }, { status: 403 })
  }
  if (intent === 'resolve') {
    if (!canInAgreement(access, agreement, 'agreement.manage')) throw notFound()
    const form = `resolve-${Number(formData.get('commentId')) || 0}` as const
    const submission = parseWithZod(formData, { schema: ResolveRecommendationCommentSchema })
    if (submission.status !== 'success') return json<ActionData>({ form, result: submission.reply() }, { status: 400 })
    const { commentId, resolution, note } = submission.value
    const resolved = resolveComment({ documentId: agreement.id, commentId, resolution, note: note || null, actor })
    if (!resolved.ok) {
      if (resolved.reason === 'commentNotFound') throw notFound()
      return json<ActionData>(
        { form, result: submission.reply({ formErrors: [`agreement.error.comment.${resolved.reason}`] }) },
        { status: 400 },
      )
    }
    return redirectWithNotice(`${here}#comment-${commentId}`, 'recommendationEditor.comments.resolved')
  }
  throw new Response('Bad Request', { status: 400 })
}

export default function AgreementComments() {
  const t = useT()
  const lang = useLang()
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as ActionData | undefined
  const resultFor = (form: string) => (actionData?.form === form ? actionData.result : undefined)
  const parts = data.parts.map((part) => (part.key === 'whole' ? { ...part, title: t('recommendationEditor.comments.whole') } : part))
  const due = data.commentsDueAt ? formatDateTime(data.commentsDueAt, lang) : null
  return (
    <>
      <h2>{t('agreements.comments.title')}</h2>
      <p className="notice notice--info">
        {!data.negotiating
          ? t('agreements.comments.notNegotiating')
          : data.deadlinePassed
            ? t('recommendationEditor.comments.deadlinePassed', { when: due ?? '' })
            : due
              ? t('recommendationEditor.comments.deadline', { when: due })
              : t('recommendationEditor.comments.deadlineOpen')}
      </p>
      <p>
        {t('recommendationEditor.comments.summary', { count: data.counts.all, open: data.counts.open })}{' '}
        {data.counts.open
          ? t('recommendationEditor.comments.unresolvedBlocks')
          : data.counts.all
            ? t('recommendationEditor.comments.allResolved')
            : null}
      </p>
      <CommentParts
        parts={parts}
        canResolve={data.canResolve}
        canComment={data.canComment}
        resultFor={resultFor}
        removedTitle={(title) => t('recommendationEditor.comments.removed', { title })}
        resolve={{ schema: ResolveRecommendationCommentSchema, acceptLabel: t('recommendationEditor.comments.accept') }}
      />
      {actionData?.refused ? (
        <RefusedComment error={actionData.refused} body={actionData.body} />
      ) : data.canComment ? (
        <AddCommentForm
          // A fresh, empty form after each comment added, and on following a part's link.
          key={`${data.counts.all}-${data.preselected}`}
          id="agreement-comment"
          schema={RecommendationCommentSchema}
          labels={{ section: t('recommendationEditor.comments.part'), whole: t('recommendationEditor.comments.whole') }}
          sections={data.sectionOptions}
          preselected={data.preselected}
          lastResult={resultFor('comment')}
        />
      ) : null}
    </>
  )
}
