import { parseWithZod } from '@conform-to/zod/v4'
import { Breadcrumbs } from '~/components/breadcrumbs'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { requireBody } from '~/auth/access.server'
import { notFound } from '~/auth/require.server'
import { MeetingForm, type MeetingFormValues } from '~/components/meeting-form'
import { getLang } from '~/i18n/lang.server'
import type { Lang } from '~/i18n/messages'
import { pageTitle } from '~/i18n/page-title'
import { countKey, type CountedKey } from '~/i18n/plural'
import { useT } from '~/i18n/use-t'
import { createMeeting, getNextMeetingDefaults } from '~/models/meeting.server'
import { createNextMeeting, getNextMeetingSource } from '~/models/next-meeting.server'
import { MeetingSchema } from '~/schemas/meeting'
import type { NoticePart } from '~/utils/flash.server'
import { actorOf, redirectWithNotice } from '~/utils/http.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, 'title.newMeeting', { body: data?.body.name ?? '' })

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
  return json({
    body: { id: body.id, name: body.name, isPublic: body.isPublic, closed: !!body.closedAt },
    defaultValue,
    fromLast: !!last,
    copyFrom: copySource(new URL(request.url).searchParams.get('from'), body.id),
  })
}

/** `?from=<meeting>`: scheduled as the next of that meeting, if it is one of this body's. */
function copySource(from: FormDataEntryValue | null, bodyId: number) {
  const meetingId = Number(from)
  if (!from || !Number.isSafeInteger(meetingId)) return null
  const source = getNextMeetingSource({ bodyId, meetingId })
  return source && (source.agendaItems > 0 || source.guests > 0) ? source : null
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, body } = await requireBody(request, params, 'body.manage', { signIn: true })
  if (body.closedAt) throw notFound()
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: MeetingSchema })
  if (submission.status !== 'success') return json({ result: submission.reply() }, { status: 400 })
  const actor = actorOf(user, context)
  const source = copySource(formData.get('from'), body.id)
  if (!source) {
    const { id } = createMeeting({ bodyId: body.id, input: submission.value, actor })
    return redirectWithNotice(`/meetings/${id}`, 'meetings.created')
  }
  const copy = { agenda: formData.get('copyAgenda') === 'on', guests: formData.get('copyGuests') === 'on' }
  const created = createNextMeeting({ bodyId: body.id, input: submission.value, fromMeetingId: source.id, copy, actor })
  if (!created.ok) return json({ result: submission.reply({ fieldErrors: created.fieldErrors }) }, { status: 400 })
  return redirectWithNotice(`/meetings/${created.id}`, [
    { key: 'meetings.created' },
    ...copiedNotice(await getLang(request), created.copied),
  ])
}

/** „Skopiowano 10 punktów programu i 9 gości (zaproszenia nie zostały wysłane).”, from the parts each count asks for. */
function copiedNotice(lang: Lang, { items, guests }: { items: number | null; guests: number | null }): NoticePart[] {
  const part = (prefix: CountedKey, count: number): NoticePart => ({ key: countKey(lang, prefix, count), params: { count } })
  if (items !== null && guests !== null) return [part('meetings.copied.itemsAnd', items), part('meetings.copied.andGuests', guests)]
  if (items !== null) return [part('meetings.copied.items', items)]
  if (guests !== null) return [part('meetings.copied.guests', guests)]
  return []
}

export default function NewMeeting() {
  const t = useT()
  const { body, defaultValue, fromLast, copyFrom } = useLoaderData<typeof loader>()
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
            copyFrom={copyFrom}
          />
        </>
      )}
    </>
  )
}
