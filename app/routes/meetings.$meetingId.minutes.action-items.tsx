import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireMeeting } from '~/auth/access.server'
import { canInMeeting } from '~/auth/meeting-permissions'
import { ActionItemForm } from '~/components/action-item-form'
import { ActionItemMeetingTable } from '~/components/action-item-meeting-table'
import { useFormatDay } from '~/components/action-item-parts'
import { meetingPageTitle } from '~/i18n/page-title'
import { useT } from '~/i18n/use-t'
import {
  actionItemsLocked,
  addActionItem,
  listActionItems,
  moveActionItem,
  removeActionItem,
  setActionItemState,
  updateActionItem,
  type ActionItemResult,
} from '~/models/action-item.server'
import { actionItemSchema, ActionItemStateSchema, MoveActionItemSchema } from '~/schemas/action-item'
import { actorOf, parseId, redirectWithNotice } from '~/utils/http.server'
import type { PickerState } from '~/utils/picker'
import { keptInput, readPickers } from '~/utils/picker.server'
import { warsawDay } from '~/utils/time'

export const meta: MetaFunction = ({ matches }) => meetingPageTitle(matches, 'title.part.actionItems')

/** Due dates without a year fall in the year of the meeting. */
function yearOf(meeting: { startsAt: string }): number {
  return Number(warsawDay(meeting.startsAt).slice(0, 4))
}

// The team's insiders read the items; its officers manage them. Anyone else: 404.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, meeting } = await requireMeeting(request, params, 'meeting.readInternal')
  const manage = canInMeeting(access, 'meeting.manage')
  const currentYear = yearOf(meeting)
  const items = listActionItems({ meetingId: meeting.id })
  const locked = actionItemsLocked({ meetingId: meeting.id })
  const editParam = new URL(request.url).searchParams.get('edit')
  const editingId = manage && !locked && editParam ? (items.find((item) => String(item.id) === editParam)?.id ?? null) : null
  // The edit forms name the owners already chosen; the rest is searched for.
  const labels = Object.fromEntries(
    (manage && !locked ? items : []).flatMap((item) => item.owners.map((owner) => [owner.value, owner.name])),
  )
  return json({
    meeting: { id: meeting.id, bodyId: meeting.bodyId, number: meeting.number },
    currentYear,
    manage,
    locked,
    editingId,
    labels,
    items: items.map((item) => ({
      id: item.id,
      text: item.text,
      owners: item.owners.map((owner) => owner.name),
      ownerValues: item.owners.map((owner) => owner.value),
      dueText: item.dueText,
      dueDate: item.dueDate,
      dueDateDerived: item.dueDateDerived,
      overdue: item.overdue,
      state: item.state,
      stateNote: item.stateNote,
      closedAt: item.closedAt,
    })),
  })
}

type ActionData = { form: string; result?: SubmissionResult<string[]>; picker?: PickerState }

function refused(
  form: string,
  result: ActionItemResult,
  reply: (options: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => SubmissionResult<string[]>,
  picker?: PickerState,
) {
  if (result.ok) throw new Error('unreachable: refused() with a saved result')
  return json<ActionData>(
    { form, result: reply({ formErrors: result.formErrors, fieldErrors: result.fieldErrors }), picker },
    { status: 400 },
  )
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, meeting } = await requireMeeting(request, params, 'meeting.manage')
  const currentYear = yearOf(meeting)
  const actor = actorOf(user, context)
  const base = `/meetings/${meeting.id}/minutes/action-items`
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'add' || intent === 'update') {
    const itemId = intent === 'update' ? parseId(String(formData.get('itemId') ?? '')) : null
    const form = itemId ? `edit-${itemId}` : 'add'
    const submission = parseWithZod(formData, { schema: actionItemSchema({ currentYear }) })
    const picker = readPickers(formData, { owners: 'owners' })
    if (picker.search) return json<ActionData>({ form, result: keptInput(submission), picker })
    if (submission.status !== 'success') return json<ActionData>({ form, result: submission.reply(), picker }, { status: 400 })
    const saved = itemId
      ? updateActionItem({ meetingId: meeting.id, itemId, input: submission.value, actor })
      : addActionItem({ meetingId: meeting.id, input: submission.value, actor })
    if (!saved.ok) return refused(form, saved, (options) => submission.reply(options), picker)
    return redirectWithNotice(`${base}#item-${saved.id}`, itemId ? 'actionItems.saved' : 'actionItems.added')
  }
  if (intent === 'state') {
    const form = `state-${parseId(String(formData.get('itemId') ?? ''))}`
    const submission = parseWithZod(formData, { schema: ActionItemStateSchema })
    if (submission.status !== 'success') return json<ActionData>({ form, result: submission.reply() }, { status: 400 })
    const { itemId, state, note } = submission.value
    const saved = setActionItemState({ bodyId: meeting.bodyId, itemId, state, note, actor })
    if (!saved.ok) return refused(form, saved, (options) => submission.reply(options))
    return redirectWithNotice(`${base}#item-${itemId}`, 'actionItems.stateChanged')
  }
  if (intent === 'move' || intent === 'remove') {
    const itemId = parseId(String(formData.get('itemId') ?? ''))
    const move = intent === 'move' ? MoveActionItemSchema.safeParse(Object.fromEntries(formData)) : null
    if (move && !move.success) throw new Response('Bad Request', { status: 400 })
    const done = move?.success
      ? moveActionItem({ meetingId: meeting.id, itemId, direction: move.data.direction, actor })
      : removeActionItem({ meetingId: meeting.id, itemId, actor })
    if (!done.ok) return json<ActionData>({ form: 'locked' }, { status: 409 })
    return redirectWithNotice(move?.success ? `${base}#item-${itemId}` : base, move ? 'actionItems.moved' : 'actionItems.removed')
  }
  throw new Response('Bad Request', { status: 400 })
}

export default function MeetingActionItems() {
  const t = useT()
  const formatDay = useFormatDay()
  const { meeting, currentYear, manage, locked, editingId, labels, items } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const resultFor = (form: string) => (actionData?.form === form ? actionData.result : undefined)
  const pickerFor = (form: string): PickerState => {
    const sent = actionData?.form === form ? actionData.picker : undefined
    return { search: sent?.search ?? null, labels: { ...labels, ...sent?.labels } }
  }
  return (
    <>
      <div className="page-head">
        <h2>{t('actionItems.meetingHeading')}</h2>
        <Link to={`/bodies/${meeting.bodyId}/action-items`}>{t('actionItems.bodyLink')}</Link>
      </div>
      <p>{t('actionItems.meetingIntro')}</p>
      {locked ? <p className="notice notice--info">{t('actionItems.locked')}</p> : null}
      {actionData?.form === 'locked' ? (
        <p className="notice notice--error" role="alert">
          {t('actionItems.error.locked')}
        </p>
      ) : null}
      {items.length === 0 ? (
        <p>{t('actionItems.none')}</p>
      ) : (
        <ActionItemMeetingTable
          meetingNumber={meeting.number}
          items={items}
          manage={manage}
          locked={locked}
          editingId={editingId}
          stateResult={(itemId) => resultFor(`state-${itemId}`)}
          renderEditForm={(item) => {
            const full = items.find((i) => i.id === item.id)!
            return (
              <ActionItemForm
                formId={`edit-${item.id}`}
                intent="update"
                itemId={item.id}
                meetingId={meeting.id}
                picker={pickerFor(`edit-${item.id}`)}
                currentYear={currentYear}
                lastResult={resultFor(`edit-${item.id}`)}
                defaultValue={{
                  text: full.text,
                  owners: full.ownerValues,
                  dueText: full.dueText ?? undefined,
                  dueDate: full.dueDateDerived ? undefined : (full.dueDate ?? undefined),
                }}
                derivedDate={full.dueDateDerived && full.dueDate ? formatDay(full.dueDate) : null}
                submitLabel={t('common.save')}
                cancelTo={`/meetings/${meeting.id}/minutes/action-items#item-${item.id}`}
              />
            )
          }}
        />
      )}
      {manage && !locked ? (
        <section aria-labelledby="action-item-add-title" className="agenda-add">
          <h3 id="action-item-add-title">{t('actionItems.addTitle')}</h3>
          <ActionItemForm
            // A fresh, empty form after each item added.
            key={items.length}
            formId="add"
            intent="add"
            meetingId={meeting.id}
            picker={pickerFor('add')}
            currentYear={currentYear}
            lastResult={resultFor('add')}
            submitLabel={t('actionItems.add')}
          />
        </section>
      ) : null}
    </>
  )
}
