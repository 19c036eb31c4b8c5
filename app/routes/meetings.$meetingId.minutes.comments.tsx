import { parseWithZod } from '@conform-to/zod/v4'
import type { SubmissionResult } from '@conform-to/react'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { notFound } from '~/auth/require.server'
import { AddCommentForm, CommentParts, RefusedComment } from '~/components/document-comments'
import { meetingPageTitle } from '~/i18n/page-title'
import { useLang, useT } from '~/i18n/use-t'
import { addMinutesComment, listMinutesComments, resolveMinutesComment, type MinutesCommentError } from '~/models/minutes-comment.server'
import { MinutesCommentSchema, ResolveCommentSchema, WHOLE_MINUTES } from '~/schemas/minutes-comment'
import { formatDateTime } from '~/utils/format'
import { actorOf, redirectWithNotice } from '~/utils/http.server'
import { requireMinutesInsider } from '~/utils/minutes-review.server'
import { commentParts } from '~/models/document/comments.server'

export const meta: MetaFunction = ({ matches }) => meetingPageTitle(matches, 'title.part.comments')

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meetingId, access, minutes } = await requireMinutesInsider(request, params)
  const comments = listMinutesComments({ minutesId: minutes.id })
  const sections = minutes.snapshot.sections
  const { parts, counts } = commentParts(comments, sections)
  const asked = new URL(request.url).searchParams.get('section')
  const preselected = sections.some((s) => String(s.id) === asked) ? asked! : WHOLE_MINUTES
  const deadlinePassed = minutes.state === 'circulated' && !!minutes.commentsDueAt && new Date(minutes.commentsDueAt) <= new Date()
  return json({
    meetingId,
    state: minutes.state,
    commentsDueAt: minutes.commentsDueAt,
    deadlinePassed,
    canComment: access.comment,
    canResolve: access.manage && (minutes.state === 'draft' || minutes.state === 'circulated'),
    parts,
    sectionOptions: sections.map((s) => ({ value: String(s.id), label: s.title })),
    preselected,
    counts,
  })
}

type ActionData =
  | { form: 'comment'; result: SubmissionResult<string[]>; refused?: undefined }
  | { form: 'comment'; refused: MinutesCommentError; body: string; result?: undefined }
  | { form: `resolve-${number}`; result: SubmissionResult<string[]>; refused?: undefined }

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, meetingId, access, minutes } = await requireMinutesInsider(request, params)
  const actor = actorOf(user, context)
  const here = `/meetings/${meetingId}/minutes/comments`
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'comment') {
    // A comment after the deadline is refused before anything else, the text handed back.
    const closed: MinutesCommentError =
      minutes.state === 'circulated' ? 'minutesReview.error.deadlinePassed' : 'minutesReview.error.notCirculated'
    const typed = String(formData.get('body') ?? '')
    if (!access.comment) return json<ActionData>({ form: 'comment', refused: closed, body: typed }, { status: 403 })
    const submission = parseWithZod(formData, { schema: MinutesCommentSchema })
    if (submission.status !== 'success') return json<ActionData>({ form: 'comment', result: submission.reply() }, { status: 400 })
    const saved = addMinutesComment({
      meetingId,
      sectionId: submission.value.section,
      body: submission.value.body,
      actor: { ...actor, userId: user.id },
    })
    if (saved.ok) return redirectWithNotice(`${here}#comment-${saved.id}`, 'minutesReview.added')
    if (saved.error === 'minutesReview.error.section')
      return json<ActionData>({ form: 'comment', result: submission.reply({ fieldErrors: { section: [saved.error] } }) }, { status: 400 })
    return json<ActionData>({ form: 'comment', refused: saved.error, body: typed }, { status: 403 })
  }
  if (intent === 'resolve') {
    if (!access.manage) throw notFound()
    const form = `resolve-${Number(formData.get('commentId')) || 0}` as const
    const submission = parseWithZod(formData, { schema: ResolveCommentSchema })
    if (submission.status !== 'success') return json<ActionData>({ form, result: submission.reply() }, { status: 400 })
    const { commentId, resolution, note } = submission.value
    const resolved = resolveMinutesComment({ meetingId, commentId, resolution, note: note || null, actor })
    if (!resolved.ok) {
      if (resolved.error === 'minutesReview.error.commentNotFound') throw notFound()
      return json<ActionData>({ form, result: submission.reply({ formErrors: [resolved.error] }) }, { status: 400 })
    }
    return redirectWithNotice(`${here}#comment-${commentId}`, 'minutesReview.resolved')
  }
  throw new Response('Bad Request', { status: 400 })
}

export default function MinutesComments() {
  const t = useT()
  const lang = useLang()
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as ActionData | undefined
  const resultFor = (form: string) => (actionData?.form === form ? actionData.result : undefined)
  const parts = data.parts.map((part) => (part.key === 'whole' ? { ...part, title: t('minutesReview.wholeMinutes') } : part))
  const due = data.commentsDueAt ? formatDateTime(data.commentsDueAt, lang) : null
  return (
    <>
      <h2>{t('minutesReview.comments.title')}</h2>
      <p className="actions">
        <Link to={`/meetings/${data.meetingId}/minutes`}>{t('minutesReview.backToMinutes')}</Link>
        <Link to={`/meetings/${data.meetingId}/minutes/versions`}>{t('minutesReview.versionsLink')}</Link>
      </p>
      <p className="notice notice--info">
        {data.state === 'draft'
          ? t('minutesReview.notCirculatedYet')
          : data.state !== 'circulated'
            ? t('minutesReview.reviewClosed')
            : data.deadlinePassed
              ? t('minutesReview.deadlinePassed', { when: due ?? '' })
              : due
                ? t('minutesReview.deadline', { when: due })
                : t('minutesReview.deadlineOpen')}
      </p>
      <p>{t('minutesReview.comments.summary', { count: data.counts.all, open: data.counts.open })}</p>
      <CommentParts
        parts={parts}
        canResolve={data.canResolve}
        canComment={data.canComment}
        resultFor={resultFor}
        removedTitle={(title) => t('minutesReview.removedSection', { title })}
        resolve={{ schema: ResolveCommentSchema, acceptLabel: t('minutesReview.resolve.accept') }}
      />
      {actionData?.refused ? (
        <RefusedComment error={actionData.refused} body={actionData.body} />
      ) : data.canComment ? (
        <AddCommentForm
          // A fresh, empty form after each comment added, and on following a part's link.
          key={`${data.counts.all}-${data.preselected}`}
          id="minutes-comment"
          schema={MinutesCommentSchema}
          labels={{ section: t('minutesReview.add.section'), whole: t('minutesReview.wholeMinutes') }}
          sections={data.sectionOptions}
          preselected={data.preselected}
          lastResult={resultFor('comment')}
        />
      ) : null}
    </>
  )
}
