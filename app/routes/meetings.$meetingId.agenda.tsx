import { parseWithZod } from '@conform-to/zod/v4'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireMeeting } from '~/auth/access.server'
import { canInMeeting } from '~/auth/meeting-permissions'
import { ActionItemCarryOver } from '~/components/action-item-carry-over'
import { AgendaItemForm, type AgendaFormValues, type DayOption } from '~/components/agenda-form'
import { AgendaList, type AgendaListItem } from '~/components/agenda-list'
import { countKey } from '~/i18n/plural'
import { useLang, useT } from '~/i18n/use-t'
import type { Lang } from '~/i18n/messages'
import { translator } from '~/i18n/messages'
import { addCarryOverAgendaItem, getCarryOver } from '~/models/action-item.server'
import { addAgendaItem, listAgenda, moveAgendaItem, removeAgendaItem, updateAgendaItem } from '~/models/agenda.server'
import { agendaItemSchema, MoveAgendaItemSchema } from '~/schemas/agenda'
import { formatLongDay } from '~/utils/format'
import { actorOf, parseId, redirectWithNotice } from '~/utils/http.server'
import type { PickerState } from '~/utils/picker'
import { keptInput, readPickers, type PickerFields } from '~/utils/picker.server'
import { daysBetween } from '~/utils/time'

/** „Dzień 1 — 14 maja 2012 r.” for each of the meeting's days. */
function dayOptions(days: string[], lang: Lang): DayOption[] {
  const t = translator(lang)
  return days.map((day, index) => {
    const date = formatLongDay(day, lang)
    return { value: day, date, label: t('agenda.dayN', { n: index + 1, date }) }
  })
}

// A team that meets for years gathers many open tasks: the agenda names the oldest, the team's list has them all.
const carryOverShown = 10

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, meeting } = await requireMeeting(request, params, 'meeting.read')
  const days = daysBetween(meeting.startsAt, meeting.endsAt)
  const items = listAgenda({ meetingId: meeting.id })
  const manage = canInMeeting(access, 'meeting.manage')
  const editParam = new URL(request.url).searchParams.get('edit')
  const editingId = manage && editParam ? (items.find((item) => String(item.id) === editParam)?.id ?? null) : null
  // The edit form names the people already on its item; the rest is searched for.
  const labels: Record<string, string> = {}
  const editing = items.find((item) => item.id === editingId)
  for (const person of editing ? [...editing.speakers, ...(editing.moderator ? [editing.moderator] : [])] : [])
    labels[String(person.personId)] = `${person.name} — ${person.organisation}`
  const carryOver = manage ? getCarryOver({ meetingId: meeting.id }) : null
  return json({
    meetingId: meeting.id,
    days,
    items,
    manage,
    editingId,
    labels,
    carryOver: carryOver && {
      agendaItemId: carryOver.agendaItemId,
      more: Math.max(0, carryOver.items.length - carryOverShown),
      bodyId: meeting.bodyId,
      items: carryOver.items.slice(0, carryOverShown).map(({ id, text, owners, dueText, dueDate, overdue, meetingNumber }) => ({
        id,
        text,
        owners: owners.map((owner) => owner.name),
        dueText,
        dueDate,
        overdue,
        meetingNumber,
      })),
    },
  })
}

const agendaPickers: PickerFields = { speakerIds: 'people', moderatorPersonId: 'people' }

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, meeting } = await requireMeeting(request, params, 'meeting.manage')
  const days = daysBetween(meeting.startsAt, meeting.endsAt)
  const actor = actorOf(user, context)
  const base = `/meetings/${meeting.id}/agenda`
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'add' || intent === 'update') {
    const itemId = intent === 'update' ? parseId(String(formData.get('itemId') ?? '')) : null
    const form = itemId ? `edit-${itemId}` : 'add'
    const submission = parseWithZod(formData, { schema: agendaItemSchema(days) })
    const picker = readPickers(formData, agendaPickers)
    if (picker.search) return json({ form, result: keptInput(submission), picker })
    if (submission.status !== 'success') return json({ form, result: submission.reply(), picker }, { status: 400 })
    const saved = itemId
      ? updateAgendaItem({ meetingId: meeting.id, itemId, input: submission.value, actor })
      : addAgendaItem({ meetingId: meeting.id, input: submission.value, actor })
    if (!saved.ok) return json({ form, result: submission.reply({ fieldErrors: saved.fieldErrors }), picker }, { status: 400 })
    return redirectWithNotice(`${base}#item-${saved.id}`, itemId ? 'agenda.saved' : 'agenda.added')
  }
  if (intent === 'move-up' || intent === 'move-down') {
    const move = MoveAgendaItemSchema.safeParse({ itemId: formData.get('itemId'), direction: intent.slice('move-'.length) })
    if (!move.success) throw new Response('Bad Request', { status: 400 })
    moveAgendaItem({ meetingId: meeting.id, itemId: move.data.itemId, direction: move.data.direction, actor })
    return redirectWithNotice(`${base}?edit=${move.data.itemId}#move-${move.data.direction}-${move.data.itemId}`, 'agenda.moved')
  }
  if (intent === 'carryOver') {
    const added = addCarryOverAgendaItem({ meetingId: meeting.id, actor })
    if (!added) return redirectWithNotice(base, 'actionItems.carryOver.nothing')
    return redirectWithNotice(`${base}#item-${added.id}`, added.created ? 'actionItems.carryOver.added' : 'actionItems.carryOver.exists')
  }
  if (intent === 'remove') {
    removeAgendaItem({ meetingId: meeting.id, itemId: parseId(String(formData.get('itemId') ?? '')), actor })
    return redirectWithNotice(base, 'agenda.removed')
  }
  throw new Response('Bad Request', { status: 400 })
}

function formValues(item: AgendaListItem): AgendaFormValues {
  return {
    day: item.day,
    startTime: item.startTime ?? undefined,
    endTime: item.endTime ?? undefined,
    kind: item.kind,
    title: item.title,
    description: item.description ?? undefined,
    speakerIds: item.speakers.map((speaker) => String(speaker.personId)),
    moderatorPersonId: item.moderator ? String(item.moderator.personId) : undefined,
    track: item.track ?? undefined,
  }
}

export default function MeetingAgenda() {
  const t = useT()
  const lang = useLang()
  const { meetingId, days: dayList, items, manage, editingId, labels, carryOver } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const days = dayOptions(dayList, lang)
  const resultFor = (form: string) => (actionData?.form === form ? actionData.result : undefined)
  const pickerFor = (form: string): PickerState => {
    const sent = actionData?.form === form ? actionData.picker : null
    return { search: sent?.search ?? null, labels: { ...labels, ...sent?.labels } }
  }
  return (
    <>
      <h2>{t('agenda.heading')}</h2>
      {carryOver ? <ActionItemCarryOver items={carryOver.items} agendaItemId={carryOver.agendaItemId} /> : null}
      {carryOver?.more ? (
        <p>
          <Link to={`/bodies/${carryOver.bodyId}/action-items`}>
            {t(countKey(lang, 'agenda.carryOverMore', carryOver.more), { count: carryOver.more })}
          </Link>
        </p>
      ) : null}
      {items.length === 0 ? <p>{manage ? t('agenda.emptyManage') : t('agenda.empty')}</p> : null}
      {items.length ? (
        <AgendaList
          days={days}
          items={items}
          manage={manage}
          editingId={editingId}
          renderEditForm={(item) => (
            <AgendaItemForm
              formId={`edit-${item.id}`}
              intent="update"
              itemId={item.id}
              meetingId={meetingId}
              days={days}
              picker={pickerFor(`edit-${item.id}`)}
              lastResult={resultFor(`edit-${item.id}`)}
              defaultValue={formValues(item)}
              submitLabel={t('common.save')}
              cancelTo={`/meetings/${meetingId}/agenda#item-${item.id}`}
            />
          )}
        />
      ) : null}
      {manage ? (
        <section aria-labelledby="agenda-add-title" className="agenda-add">
          <h3 id="agenda-add-title">{t('agenda.addTitle')}</h3>
          <AgendaItemForm
            // A fresh, empty form after each item added.
            key={items.length}
            formId="add"
            intent="add"
            meetingId={meetingId}
            days={days}
            picker={pickerFor('add')}
            lastResult={resultFor('add')}
            defaultValue={{ day: dayList[0], kind: 'presentation' }}
            submitLabel={t('agenda.add')}
          />
        </section>
      ) : null}
    </>
  )
}
