import type { ActionItemState, MinutesState, MinutesVisibility } from '#db/schema/enums'
import { schema } from '~/db.server'
import type { MinutesActionItem, MinutesSnapshot } from '~/models/minutes.server'
import { parseDuePeriod } from '~/utils/due-period'
import { plMonthsGenitive } from '~/utils/format'
import { formatOwners } from '~/utils/owners'
import { addDays, isoDay, type Dataset } from './dataset'
import type { WrittenMeeting } from './meetings'
import { ACTION_TEXTS, minutesText } from './vocabulary'

const QUARTERS = ['I', 'II', 'III', 'IV']

/** Minutes to take through the app's own cycle: approved, then published with their PDF. */
export type ToPublish = { meetingId: number; userId: number; approvedBy: string; approvedOn: string; visibility: MinutesVisibility }

const collator = new Intl.Collator('pl')

/**
 * The minutes of a held meeting as the app starts them (participants by institution, an
 * introduction, a section per agenda item, the discussion, the decisions) with their text
 * written, and the action items decided at the meeting.
 */
export function writeMinutes(ds: Dataset, m: WrittenMeeting, ids: Record<'minutes' | 'section' | 'action', number>, publish: ToPublish[]) {
  const { random, reference } = ds
  const { plan } = m
  const body = plan.body
  const ended = new Date(m.endsAt)
  const mayBePublic = plan.isPublic && body.isPublic

  const actionCount = random.weighted({ 0: 20, 1: 50, 2: 25, 3: 5 } as Record<string, number>)
  const actions: MinutesActionItem[] = []
  const actionItems = ds.writer(schema.actionItems)
  const actionItemOwners = ds.writer(schema.actionItemOwners)
  for (let position = 1; position <= Number(actionCount) && m.seats.length; position++) {
    const seat = random.pick(m.seats)
    const byPerson = seat.delegate && random.chance(0.4)
    const base = addDays(ended, random.int(30, 400))
    const year = base.getUTCFullYear()
    const style = random.weighted({ quarter: 40, day: 20, date: 40 })
    const dueText =
      style === 'quarter'
        ? `najpóźniej w ${QUARTERS[Math.floor(base.getUTCMonth() / 3)]} kwartale ${year} r.`
        : style === 'day'
          ? `do ${base.getUTCDate()} ${plMonthsGenitive[base.getUTCMonth()]} ${year} r.`
          : null
    const dueDate = (dueText && parseDuePeriod(dueText, { currentYear: ended.getUTCFullYear() })) || isoDay(base)
    const past = dueDate < isoDay(reference)
    const state: ActionItemState = past ? random.weighted({ done: 65, dropped: 10, open: 25 }) : 'open'
    const text = random.pick(ACTION_TEXTS)
    const id = ++ids.action
    const stateNote = state === 'done' ? 'Zrealizowano.' : state === 'dropped' ? 'Zadanie nieaktualne.' : null
    actionItems.insert({
      id,
      bodyId: body.id,
      meetingId: m.id,
      position,
      text,
      dueText,
      dueDate,
      state,
      stateNote,
      closedAt: state === 'open' ? null : new Date(`${dueDate}T10:00:00Z`).toISOString(),
      createdAt: addDays(ended, 2).toISOString(),
      updatedAt: addDays(ended, 2).toISOString(),
    })
    // Every fifth item is shared with the next seat's institution („MOPS i PUP”), drawing nothing
    // from the random stream, so the rest of the region stays as it was.
    const partner = id % 5 === 0 ? m.seats[(m.seats.indexOf(seat) + 1) % m.seats.length]! : null
    const owners = [
      byPerson
        ? { personId: seat.delegate!.id, name: `${seat.delegate!.name} (${seat.organisation.name})` }
        : { organisationId: seat.organisation.id, name: seat.organisation.name },
      ...(partner && partner.organisation.id !== seat.organisation.id
        ? [{ organisationId: partner.organisation.id, name: partner.organisation.name }]
        : []),
    ]
    owners.forEach(({ name: _name, ...owner }, index) => actionItemOwners.insert({ actionItemId: id, position: index, ...owner }))
    actions.push({ id, text, owner: formatOwners(owners.map((owner) => owner.name)), dueText, dueDate, state, stateNote })
  }

  // Published minutes start as drafts here: the app's own approve and publish steps take them on.
  const state: MinutesState = plan.publish ? 'draft' : plan.minutesState!
  const revision = plan.publish ? 1 : state === 'draft' ? random.int(1, 4) : state === 'circulated' ? random.int(2, 5) : random.int(3, 6)
  const id = ++ids.minutes
  const visibility: MinutesVisibility = mayBePublic ? 'public' : 'members'
  const preparedBy = [body.convenor.name, body.convenor.position].filter(Boolean).join(', ')
  const approvedOn = isoDay(new Date(Math.min(addDays(ended, random.int(20, 45)).getTime(), addDays(reference, -1).getTime())))
  const approvedBy = `Zespół na spotkaniu nr ${plan.number + 1}`
  const written = addDays(ended, random.int(1, 5)).toISOString()
  ds.writer(schema.documents).insert({
    id,
    kind: 'minutes',
    bodyId: body.id,
    state,
    visibility,
    revision,
    commentsDueAt: state === 'circulated' ? addDays(ended, random.int(14, 21)).toISOString() : null,
    createdAt: addDays(ended, 1).toISOString(),
    updatedAt: written,
    updatedByUserId: body.convenor.userId,
  })
  ds.writer(schema.minutes).insert({
    id,
    meetingId: m.id,
    topic: m.topic,
    place: m.place,
    preparedBy,
    approvedBy: state === 'approved' ? approvedBy : null,
    approvedOn: state === 'approved' ? approvedOn : null,
    approvedAt: state === 'approved' ? new Date(`${approvedOn}T12:00:00Z`).toISOString() : null,
    approvedByUserId: state === 'approved' ? body.convenor.userId : null,
  })

  const participants = m.present
    .slice()
    .sort((a, b) => collator.compare(a.organisation.name, b.organisation.name) || collator.compare(a.name, b.name))
    .map((p) => ({ organisation: p.organisation.name, name: p.name, role: p.position }))
  const writeParticipant = ds.writer(schema.minutesParticipants)
  participants.forEach((p, position) => writeParticipant.insert({ minutesId: id, position, ...p }))

  const fresh = state === 'draft' && !plan.publish
  const text = () => (fresh && random.chance(0.3) ? '' : minutesText(random))
  const chair = m.seats.find((s) => s.role === 'chair')?.delegate?.name ?? body.convenor.name
  const sections: MinutesSnapshot['sections'] = [
    {
      id: 0,
      kind: 'introduction',
      agendaItemId: null,
      title: 'Wprowadzenie',
      body: `Spotkanie otworzył(a) ${chair}, witając uczestników. ${text()}`.trim(),
    },
    ...m.agenda
      .filter((item) => item.kind !== 'break')
      .map((item) => ({ id: 0, kind: 'agenda_item' as const, agendaItemId: item.id, title: item.title, body: text() })),
    { id: 0, kind: 'discussion', agendaItemId: null, title: 'Dyskusja', body: text() },
    {
      id: 0,
      kind: 'decisions',
      agendaItemId: null,
      title: 'Ustalenia',
      body: actions.length
        ? actions.map((a) => `- ${a.text} — ${a.owner}, ${a.dueText ?? a.dueDate}`).join('\n')
        : 'Nie podjęto ustaleń wymagających działań.',
    },
  ]
  const writeSection = ds.writer(schema.documentSections)
  sections.forEach((section, position) => {
    section.id = ++ids.section
    writeSection.insert({ documentId: id, position, ...section })
  })

  // Past draft, the cycle froze a version: the snapshot is the one snapshotMinutes gives (see the test).
  if (!plan.publish && state !== 'draft') {
    const snapshot: MinutesSnapshot = {
      meetingId: m.id,
      bodyId: body.id,
      bodyName: body.name,
      bodyKind: body.kind,
      meetingNumber: plan.number,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      topic: m.topic,
      place: m.place,
      participants,
      sections,
      actionItems: actions,
      preparedBy,
      approvedBy: state === 'approved' ? approvedBy : null,
      approvedOn: state === 'approved' ? approvedOn : null,
      fundingNotice: body.fundingNotice,
      state,
      visibility,
      publication: null,
      updatedAt: written,
    }
    ds.writer(schema.documentVersions).insert({
      documentId: id,
      number: 1,
      state,
      snapshot: JSON.stringify(snapshot),
      createdAt: state === 'approved' ? new Date(`${approvedOn}T12:00:00Z`).toISOString() : written,
      createdByUserId: body.convenor.userId,
    })
  }

  if (plan.publish)
    publish.push({
      meetingId: m.id,
      userId: body.convenor.userId,
      approvedBy,
      approvedOn,
      visibility: mayBePublic && random.chance(0.8) ? 'public' : 'members',
    })
}
