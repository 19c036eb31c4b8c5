import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, isRouteErrorResponse, Link, useActionData, useLoaderData, useParams, useRouteError } from '@remix-run/react'
import { meetingAccessOf, requireMeeting } from '~/auth/access.server'
import { getUser, notFound } from '~/auth/require.server'
import { MinutesCycle } from '~/components/minutes-cycle'
import { MinutesEditor } from '~/components/minutes-editor'
import { isExpiredSubmission } from '~/components/document-expired'
import { MinutesSessionExpired } from '~/components/minutes-expired'
import { MinutesReader } from '~/components/minutes-reader'
import { RecommendationsAdopted } from '~/components/recommendations-adopted'
import { meetingPageTitle } from '~/i18n/page-title'
import { useT } from '~/i18n/use-t'
import { circulationRecipients } from '~/models/minutes-cycle.server'
import { getMinutes, getMinutesAccess, getMinutesId, startMinutes } from '~/models/minutes.server'
import { getBodyAccess } from '~/models/body-access.server'
import { recommendationsAdoptedAt } from '~/models/recommendation-list.server'
import { expiredSaveResponse } from '~/utils/expired-save.server'
import { actorOf, parseId, redirectWithNotice } from '~/utils/http.server'
import {
  editorValues,
  handleCycleAction,
  handleSave,
  minutesCommentCounts,
  readerMinutes,
  savedDraftKey,
} from '~/utils/minutes-page.server'
import { toWarsawLocalInput, warsawDay } from '~/utils/time'

export const meta: MetaFunction = ({ matches }) => meetingPageTitle(matches, 'title.part.minutes')

const WEEK_MS = 7 * 24 * 3_600_000

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, access: meetingAccess, meeting } = await requireMeeting(request, params, 'meeting.read')
  const meetingId = meeting.id
  const access = getMinutesAccess({ meetingId, meeting: meetingAccess })
  if (!access.read) {
    // Nobody reads minutes not yet started; their officers may start them.
    if (access.manage && getMinutesId({ meetingId }) === undefined) return json({ started: false as const, meetingId })
    throw notFound()
  }
  const live = getMinutes({ meetingId })!
  const insider = access.meeting === 'manage' || access.meeting === 'member'
  const minutes = readerMinutes(live, insider)
  if (!minutes) throw notFound()
  const editable = access.manage && (live.state === 'draft' || live.state === 'circulated')
  return json({
    started: true as const,
    meetingId,
    minutes,
    insider,
    manage: access.manage,
    canComment: access.comment,
    commentCounts: insider ? minutesCommentCounts(live.id) : {},
    adoptedRecommendations: recommendationsAdoptedAt({ meetingId, access: getBodyAccess({ bodyId: meeting.bodyId, user }) }),
    revision: access.manage ? live.revision : 0,
    editing: editable && new URL(request.url).searchParams.has('edit'),
    editor: editable ? { values: editorValues(live.snapshot), savedKey: savedDraftKey(live.snapshot) } : null,
    cycle: access.manage
      ? {
          defaults: { commentsDueAt: toWarsawLocalInput(new Date(Date.now() + WEEK_MS)), approvedOn: warsawDay(new Date()) },
          publicAllowed: meeting.isPublic && meeting.bodyIsPublic,
          recipients: live.state === 'draft' ? circulationRecipients({ meetingId }) : null,
        }
      : null,
  })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const meetingId = parseId(params.meetingId)
  const formData = await request.formData()
  const user = await getUser(request)
  // Never a redirect to /login here: that would throw away what the officer wrote.
  if (!user) throw expiredSaveResponse(context, formData)
  if (!getMinutesAccess({ meetingId, meeting: await meetingAccessOf(request, meetingId) }).manage) throw notFound()
  const actor = actorOf(user, context)
  const intent = formData.get('intent')
  if (intent === 'start') {
    startMinutes({ meetingId, actor })
    return redirectWithNotice(`/meetings/${meetingId}/minutes?edit`, 'minutes.started')
  }
  if (intent === 'save') return handleSave({ meetingId, formData, actor })
  if (intent === 'circulate' || intent === 'approve' || intent === 'publish' || intent === 'reopen') {
    return handleCycleAction({ meetingId, intent, formData, actor, request })
  }
  throw new Response('Bad Request', { status: 400 })
}

export default function MeetingMinutes() {
  const t = useT()
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  if (!data.started) return <StartMinutes />
  const editorResult = actionData?.form === 'save' ? actionData : undefined
  // A refused save shows its text again even if the minutes can no longer be edited.
  if (editorResult || (data.editor && data.editing)) {
    return (
      <MinutesEditor
        // A fresh form once the saved text changes (after a save, or with a stale save's merge).
        key={editorResult?.revision ?? data.revision}
        meetingId={data.meetingId}
        revision={editorResult?.revision ?? data.revision}
        defaultValue={editorResult?.values ?? data.editor?.values ?? { participants: [], sections: [] }}
        lastResult={editorResult?.result}
        stale={editorResult?.stale}
        savedKey={data.editor?.savedKey ?? ''}
      />
    )
  }
  return (
    <>
      {data.editor ? (
        <p>
          <Link to={`/meetings/${data.meetingId}/minutes?edit`} className="button">
            {t('minutes.edit')}
          </Link>
        </p>
      ) : null}
      <MinutesReader
        meetingId={data.meetingId}
        minutes={data.minutes}
        insider={data.insider}
        canComment={data.canComment}
        commentCounts={data.commentCounts}
      />
      <RecommendationsAdopted rows={data.adoptedRecommendations} />
      {data.cycle ? (
        <MinutesCycle
          state={data.minutes.state}
          recipients={data.cycle.recipients}
          revision={data.revision}
          defaults={data.cycle.defaults}
          publicAllowed={data.cycle.publicAllowed}
          results={actionData && actionData.form !== 'save' ? { [actionData.form]: actionData.result } : {}}
        />
      ) : null}
    </>
  )
}

function StartMinutes() {
  const t = useT()
  return (
    <section aria-labelledby="minutes-start-title">
      <h2 id="minutes-start-title">{t('minutes.tab')}</h2>
      <p>{t('minutes.none')}</p>
      <p>{t('minutes.startExplained')}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="start" />
        <button type="submit">{t('minutes.start')}</button>
      </Form>
    </section>
  )
}

export function ErrorBoundary() {
  const t = useT()
  const error = useRouteError()
  const { meetingId } = useParams()
  if (isRouteErrorResponse(error) && error.status === 401 && isExpiredSubmission(error.data)) {
    return <MinutesSessionExpired meetingId={Number(meetingId)} submission={error.data} />
  }
  const notFoundError = isRouteErrorResponse(error) && error.status === 404
  return (
    <section>
      <h2>{notFoundError ? t('error.notFoundTitle') : t('error.genericTitle')}</h2>
      <p>{notFoundError ? t('error.notFound') : t('error.generic')}</p>
    </section>
  )
}
