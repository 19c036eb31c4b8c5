import { parseWithZod } from '@conform-to/zod/v4'
import { Breadcrumbs } from '~/components/breadcrumbs'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { requireBody } from '~/auth/access.server'
import { notFound } from '~/auth/require.server'
import { MeetingForm, type MeetingFormValues } from '~/components/meeting-form'
import { useT } from '~/i18n/use-t'
import { createMeeting, getNextMeetingDefaults } from '~/models/meeting.server'
import { MeetingSchema } from '~/schemas/meeting'
import { actorOf, redirectWithNotice } from '~/utils/http.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Nowe spotkanie — ${data?.body.name ?? ''} — Narada` }]

// Only the body's officers (and administrators) schedule its meetings; a closed body has none.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { body } = await requireBody(request, params, 'body.manage', { signIn: true })
  const last = getNextMeetingDefaults({ bodyId: body.id })
  const defaultValue: MeetingFormValues = last
    ? {
        venueName: last.venueName ?? undefined,
        venueAddress: last.venueAddress ?? undefined,
        venueRoom: last.venueRoom ?? undefined,
        seriesTitle: last.seriesTitle ?? undefined,
        seriesPlannedCount: last.seriesPlannedCount ? String(last.seriesPlannedCount) : undefined,
        isPublic: last.isPublic,
      }
    : { isPublic: body.isPublic }
  return json({ body: { id: body.id, name: body.name, isPublic: body.isPublic, closed: !!body.closedAt }, defaultValue, fromLast: !!last })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, body } = await requireBody(request, params, 'body.manage', { signIn: true })
  if (body.closedAt) throw notFound()
  const submission = parseWithZod(await request.formData(), { schema: MeetingSchema })
  if (submission.status !== 'success') return json({ result: submission.reply() }, { status: 400 })
  const { id } = createMeeting({ bodyId: body.id, input: submission.value, actor: actorOf(user, context) })
  return redirectWithNotice(`/meetings/${id}`, 'meetings.created')
}

export default function NewMeeting() {
  const t = useT()
  const { body, defaultValue, fromLast } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <Breadcrumbs
        label={t('meetings.breadcrumbs')}
        items={[
          { to: '/bodies', label: t('meetings.breadcrumbBodies') },
          { to: `/bodies/${body.id}`, label: body.name },
        ]}
      />
      <h1>{fromLast ? t('meetings.nextTitle') : t('meetings.newTitle')}</h1>
      <p className="muted">{body.name}</p>
      {body.closed ? (
        <p className="notice notice--info">{t('meetings.bodyClosed')}</p>
      ) : (
        <>
          {fromLast ? <p className="notice notice--info">{t('meetings.prefilledFromLast')}</p> : null}
          <MeetingForm
            lastResult={actionData?.result}
            defaultValue={defaultValue}
            cancelTo={`/bodies/${body.id}`}
            submitLabel={t('meetings.schedule')}
            bodyIsPublic={body.isPublic}
          />
        </>
      )}
    </>
  )
}
