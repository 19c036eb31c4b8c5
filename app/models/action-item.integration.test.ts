import { and, asc, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestBody, createTestMeeting, createTestOrganisation, createTestPerson, seat } from '#tests/support/invitations'
import { db, schema } from '~/db.server'
import type { ActionItemInput } from '~/schemas/action-item'
import {
  addActionItem,
  addCarryOverAgendaItem,
  CARRY_OVER_TITLE,
  getCarryOver,
  listActionItems,
  listBodyActionItems,
  moveActionItem,
  removeActionItem,
  setActionItemState,
  updateActionItem,
} from './action-item.server'
import { addAgendaItem, listAgenda } from './agenda.server'
import { approveMinutes } from './minutes-cycle.server'
import { getMinutes, listMinutesActionItems, startMinutes } from './minutes.server'

const actor = { userId: null, ip: '203.0.113.7' }
let mops = 0
let pup = 0
let zdzblo = 0

beforeAll(() => {
  mops = createTestOrganisation('Miejski Ośrodek Pomocy Społecznej w Wodzisławiu Śląskim', { kind: 'ops' })
  pup = createTestOrganisation('Powiatowy Urząd Pracy w Wodzisławiu Śląskim', { kind: 'pup' })
  zdzblo = createTestPerson(pup, 'Grzegorz Źdźbło')
})

function team() {
  const convening = createTestOrganisation('Urząd Miasta Wodzisław Śląski', { kind: 'city_hall' })
  const bodyId = createTestBody({ conveningOrganisationId: convening, convenor: null, name: 'Grupa robocza' })
  seat(bodyId, mops)
  seat(bodyId, pup)
  return bodyId
}

function add(meetingId: number, input: Partial<ActionItemInput> & { text: string }) {
  const saved = addActionItem({ meetingId, input, actor })
  if (!saved.ok) throw new Error(JSON.stringify(saved))
  return saved.id
}

const auditOf = (itemId: number) =>
  db
    .select({ action: schema.auditLog.action })
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.entityType, 'action_item'), eq(schema.auditLog.entityId, String(itemId))))
    .orderBy(asc(schema.auditLog.id))
    .all()
    .map((row) => row.action)

describe('action items of a meeting', () => {
  it('keeps the due in words and stores the end of the period as the day to sort by', () => {
    const meetingId = createTestMeeting(team(), { startsAt: '2017-05-11T10:00', endsAt: '2017-05-11T12:00' })
    const id = add(meetingId, {
      text: 'Zawarcie porozumienia MOPS–PUP',
      owners: [`organisation:${mops}`],
      dueText: 'najpóźniej w III kwartale 2017 r.',
    })
    add(meetingId, {
      text: 'Katalog usług PUP dla pracowników socjalnych',
      owners: [`person:${zdzblo}`],
      dueText: 'najpóźniej w 4 kwartale br.',
    })
    add(meetingId, { text: 'Lista kontaktów', dueDate: '2017-06-15', dueText: 'przed wakacjami' })

    const items = listActionItems({ meetingId })
    expect(items.map((item) => [item.text, item.dueText, item.dueDate])).toEqual([
      ['Zawarcie porozumienia MOPS–PUP', 'najpóźniej w III kwartale 2017 r.', '2017-09-30'],
      // „br.”: the year of the meeting, not of today.
      ['Katalog usług PUP dla pracowników socjalnych', 'najpóźniej w 4 kwartale br.', '2017-12-31'],
      ['Lista kontaktów', 'przed wakacjami', '2017-06-15'],
    ])
    expect(items[0]!.owners.map((owner) => owner.name)).toEqual([
      expect.stringMatching(/^Miejski Ośrodek Pomocy Społecznej w Wodzisławiu Śląskim/),
    ])
    expect(items[1]!.owners.map((owner) => owner.name)).toEqual([
      expect.stringMatching(/^Grzegorz Źdźbło \(Powiatowy Urząd Pracy w Wodzisławiu Śląskim [0-9a-f]+\)$/),
    ])
    expect(items[2]!.owners).toEqual([])
    // The minutes print the owners the same way.
    expect(listMinutesActionItems(db, meetingId).map((item) => item.owner)).toEqual([
      items[0]!.owners[0]!.name,
      items[1]!.owners[0]!.name,
      null,
    ])
    expect(auditOf(id)).toEqual(['actionItem.added'])
  })

  it('refuses words that name no day without a date, and an owner not in the directory, storing nothing', () => {
    const meetingId = createTestMeeting(team())
    expect(addActionItem({ meetingId, input: { text: 'Coś do zrobienia', dueText: 'wkrótce' }, actor })).toEqual({
      ok: false,
      fieldErrors: { dueText: ['actionItems.error.duePeriod'] },
    })
    expect(
      addActionItem({ meetingId, input: { text: 'Coś do zrobienia', owners: [`organisation:${mops}`, 'person:999999999'] }, actor }),
    ).toEqual({
      ok: false,
      fieldErrors: { owners: ['actionItems.error.owner'] },
    })
    expect(listActionItems({ meetingId })).toEqual([])
    // Words with a date of their own are kept as they are; no due at all is fine too.
    add(meetingId, { text: 'Coś do zrobienia', dueText: 'wkrótce', dueDate: '2031-06-01' })
    add(meetingId, { text: 'Bez terminu' })
    expect(listActionItems({ meetingId }).map((item) => [item.dueText, item.dueDate])).toEqual([
      ['wkrótce', '2031-06-01'],
      [null, null],
    ])
  })

  it('recomputes a day read from the words when the words change, and reorders and removes items', () => {
    const meetingId = createTestMeeting(team())
    const first = add(meetingId, { text: 'Pierwsze', dueText: 'I kwartał 2018' })
    const second = add(meetingId, { text: 'Drugie' })
    const third = add(meetingId, { text: 'Trzecie' })
    expect(listActionItems({ meetingId })[0]).toMatchObject({ dueDate: '2018-03-31', dueDateDerived: true })
    expect(
      updateActionItem({ meetingId, itemId: first, input: { text: 'Pierwsze, poprawione', dueText: 'II półrocze 2018' }, actor }),
    ).toEqual({ ok: true, id: first })
    expect(listActionItems({ meetingId })[0]).toMatchObject({ text: 'Pierwsze, poprawione', dueDate: '2018-12-31' })

    moveActionItem({ meetingId, itemId: third, direction: 'up', actor })
    expect(listActionItems({ meetingId }).map((item) => item.id)).toEqual([first, third, second])
    removeActionItem({ meetingId, itemId: first, actor })
    expect(listActionItems({ meetingId }).map((item) => item.id)).toEqual([third, second])
    moveActionItem({ meetingId, itemId: third, direction: 'up', actor })
    expect(listActionItems({ meetingId }).map((item) => item.id)).toEqual([third, second])
    expect(auditOf(first)).toEqual(['actionItem.added', 'actionItem.updated', 'actionItem.removed'])
  })

  it('refuses to edit, reorder or remove items once the minutes are approved, but still changes their state', () => {
    const bodyId = team()
    const meetingId = createTestMeeting(bodyId)
    const id = add(meetingId, { text: 'Zawarcie porozumienia', dueText: 'III kwartał 2031' })
    const other = add(meetingId, { text: 'Inne zadanie' })
    startMinutes({ meetingId, actor })
    // Before approval the draft minutes do not stop anyone.
    expect(
      updateActionItem({ meetingId, itemId: id, input: { text: 'Zawarcie porozumienia MOPS–PUP', dueText: 'III kwartał 2031' }, actor }).ok,
    ).toBe(true)
    const approved = approveMinutes({
      meetingId,
      approvedBy: 'Zespół na kolejnym spotkaniu',
      approvedOn: '2031-06-20',
      baseRevision: getMinutes({ meetingId })!.revision,
      actor,
    })
    expect(approved.ok).toBe(true)

    const locked = { ok: false, formErrors: ['actionItems.error.locked'] }
    expect(updateActionItem({ meetingId, itemId: id, input: { text: 'Zmienione po zatwierdzeniu' }, actor })).toEqual(locked)
    expect(addActionItem({ meetingId, input: { text: 'Dopisane po zatwierdzeniu' }, actor })).toEqual(locked)
    expect(moveActionItem({ meetingId, itemId: other, direction: 'up', actor })).toEqual(locked)
    expect(removeActionItem({ meetingId, itemId: other, actor })).toEqual(locked)
    expect(listActionItems({ meetingId }).map((item) => item.text)).toEqual(['Zawarcie porozumienia MOPS–PUP', 'Inne zadanie'])

    expect(setActionItemState({ bodyId, itemId: id, state: 'dropped', note: '', actor })).toEqual({
      ok: false,
      fieldErrors: { note: ['actionItems.error.noteRequired'] },
    })
    expect(setActionItemState({ bodyId, itemId: id, state: 'done', note: 'Podpisano 12.09.2031 r.', actor }).ok).toBe(true)
    const done = listActionItems({ meetingId })[0]!
    expect(done).toMatchObject({ state: 'done', stateNote: 'Podpisano 12.09.2031 r.' })
    expect(done.closedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    setActionItemState({ bodyId, itemId: id, state: 'open', note: null, actor })
    expect(listActionItems({ meetingId })[0]).toMatchObject({ state: 'open', stateNote: null, closedAt: null })
    expect(auditOf(id)).toEqual(['actionItem.added', 'actionItem.updated', 'actionItem.stateChanged', 'actionItem.stateChanged'])
    // Another team's officer cannot reach the item through their own team.
    expect(() => setActionItemState({ bodyId: team(), itemId: id, state: 'done', actor })).toThrow()
  })
})

describe('an action item with several owners', () => {
  const names = (owners: { name: string }[]) => owners.map((owner) => owner.name)

  it('keeps two institutions and a person in the order given, replaces them on edit, and carries them over as one phrase', () => {
    const bodyId = team()
    const gdansk = {
      mops: createTestOrganisation('MOPS Gdańsk', { kind: 'ops' }),
      pup: createTestOrganisation('PUP Gdańsk', { kind: 'pup' }),
    }
    const nowak = createTestPerson(gdansk.pup, 'Anna Nowak')
    const organisationName = (id: number) =>
      db.select({ name: schema.organisations.name }).from(schema.organisations).where(eq(schema.organisations.id, id)).get()!.name
    const mopsName = organisationName(gdansk.mops)
    const pupName = organisationName(gdansk.pup)
    const may = createTestMeeting(bodyId, { startsAt: '2017-05-11T10:00', endsAt: '2017-05-11T12:00' })
    const next = createTestMeeting(bodyId, { startsAt: '2017-05-16T13:00', endsAt: '2017-05-16T15:00' })
    const owners = [`organisation:${gdansk.pup}`, `person:${nowak}`, `organisation:${gdansk.mops}`]
    const id = add(may, { text: 'Zawarcie porozumienia MOPS–PUP', owners, dueText: 'najpóźniej w III kwartale 2017 r.' })

    const [item] = listActionItems({ meetingId: may })
    expect(item!.owners.map((owner) => owner.value)).toEqual(owners)
    expect(names(item!.owners)).toEqual([pupName, `Anna Nowak (${pupName})`, mopsName])
    expect(listBodyActionItems({ bodyId }).items[0]!.owners).toEqual(item!.owners)
    expect(listMinutesActionItems(db, may)[0]!.owner).toBe(`${pupName}, Anna Nowak (${pupName}) i ${mopsName}`)

    const saved = updateActionItem({
      meetingId: may,
      itemId: id,
      input: {
        text: 'Zawarcie porozumienia MOPS–PUP',
        owners: [`organisation:${gdansk.mops}`, `organisation:${gdansk.pup}`],
        dueText: 'najpóźniej w III kwartale 2017 r.',
      },
      actor,
    })
    expect(saved).toEqual({ ok: true, id })
    expect(names(listActionItems({ meetingId: may })[0]!.owners)).toEqual([mopsName, pupName])
    const rows = db
      .select({ position: schema.actionItemOwners.position })
      .from(schema.actionItemOwners)
      .where(eq(schema.actionItemOwners.actionItemId, id))
      .orderBy(asc(schema.actionItemOwners.position))
      .all()
    expect(rows.map((row) => row.position)).toEqual([0, 1])
    const updated = db
      .select({ before: schema.auditLog.before, after: schema.auditLog.after })
      .from(schema.auditLog)
      .where(
        and(
          eq(schema.auditLog.entityType, 'action_item'),
          eq(schema.auditLog.entityId, String(id)),
          eq(schema.auditLog.action, 'actionItem.updated'),
        ),
      )
      .get()
    expect(JSON.parse(String(updated!.before))).toEqual({ meetingId: may, owners })
    expect(JSON.parse(String(updated!.after))).toEqual({
      meetingId: may,
      owners: [`organisation:${gdansk.mops}`, `organisation:${gdansk.pup}`],
    })

    const carried = addCarryOverAgendaItem({ meetingId: next, actor })
    const description = listAgenda({ meetingId: next }).find((row) => row.id === carried!.id)!.description
    expect(description).toBe(`- Zawarcie porozumienia MOPS–PUP (${mopsName} i ${pupName}, najpóźniej w III kwartale 2017 r.)`)

    // Removing the item takes its owners with it.
    removeActionItem({ meetingId: may, itemId: id, actor })
    expect(db.select().from(schema.actionItemOwners).where(eq(schema.actionItemOwners.actionItemId, id)).all()).toEqual([])
  })

  it('keeps an archived owner the item already had, but refuses to add one', () => {
    const meetingId = createTestMeeting(team())
    const closed = createTestOrganisation('Zlikwidowany Ośrodek', { kind: 'ops' })
    const id = add(meetingId, { text: 'Przekazanie dokumentacji', owners: [`organisation:${closed}`] })
    db.update(schema.organisations).set({ archivedAt: new Date().toISOString() }).where(eq(schema.organisations.id, closed)).run()
    const input = { text: 'Przekazanie dokumentacji', owners: [`organisation:${mops}`, `organisation:${closed}`] }
    expect(updateActionItem({ meetingId, itemId: id, input, actor })).toEqual({ ok: true, id })
    expect(addActionItem({ meetingId, input, actor })).toEqual({ ok: false, fieldErrors: { owners: ['actionItems.error.owner'] } })
  })
})

describe("a team's action items", () => {
  it('lists them by due day, undated last, marks the open ones past their day as overdue, and filters by state', () => {
    const bodyId = team()
    const may = createTestMeeting(bodyId, { startsAt: '2017-05-11T10:00', endsAt: '2017-05-11T12:00' })
    const june = createTestMeeting(bodyId, { startsAt: '2017-06-20T10:00', endsAt: '2017-06-20T12:00' })
    add(june, { text: 'Bez terminu' })
    add(june, { text: 'Na przyszłość', dueText: 'I kwartał 2099' })
    add(may, { text: 'Porozumienie', dueText: 'najpóźniej w III kwartale 2017 r.' })
    const done = add(may, { text: 'Wykonane', dueDate: '2017-06-01' })
    add(june, { text: 'Wcześniejsze', dueText: 'czerwiec 2017' })
    setActionItemState({ bodyId, itemId: done, state: 'done', actor })

    const open = listBodyActionItems({ bodyId }).items
    expect(open.map((item) => [item.text, item.overdue])).toEqual([
      ['Wcześniejsze', true],
      ['Porozumienie', true],
      ['Na przyszłość', false],
      ['Bez terminu', false],
    ])
    expect(open.find((item) => item.text === 'Porozumienie')).toMatchObject({ meetingId: may, meetingNumber: expect.any(Number) })
    expect(listBodyActionItems({ bodyId, state: 'done' }).items.map((item) => [item.text, item.overdue])).toEqual([['Wykonane', false]])
    expect(listBodyActionItems({ bodyId, state: 'all' }).items.map((item) => item.text)).toEqual([
      'Wykonane',
      'Wcześniejsze',
      'Porozumienie',
      'Na przyszłość',
      'Bez terminu',
    ])
    expect(listBodyActionItems({ bodyId: team() })).toEqual({ items: [], total: 0, pages: 1 })
  })
})

describe('carrying open items over to the next meeting', () => {
  it('adds „Sprawy z poprzedniego spotkania” once, after the opening, listing the open items of earlier meetings only', () => {
    const bodyId = team()
    const earlier = createTestMeeting(bodyId, { startsAt: '2017-05-11T10:00', endsAt: '2017-05-11T12:00' })
    const next = createTestMeeting(bodyId, { startsAt: '2017-05-16T13:00', endsAt: '2017-05-16T15:00' })
    const later = createTestMeeting(bodyId, { startsAt: '2017-09-01T10:00', endsAt: '2017-09-01T12:00' })
    add(earlier, { text: 'Zawarcie porozumienia MOPS–PUP', owners: [`organisation:${pup}`], dueText: 'najpóźniej w III kwartale 2017 r.' })
    add(earlier, { text: 'Przekazanie katalogu usług', owners: [`person:${zdzblo}`], dueDate: '2017-05-31' })
    add(earlier, { text: 'Zadanie bez odpowiedzialnego' })
    const doneId = add(earlier, { text: 'Zadanie już wykonane' })
    setActionItemState({ bodyId, itemId: doneId, state: 'done', actor })
    add(later, { text: 'Zadanie z późniejszego spotkania' })
    for (const [kind, title] of [
      ['presentation', 'Analiza koncepcji i narzędzi badawczych'],
      ['opening', 'Powitanie uczestników'],
    ] as const) {
      const saved = addAgendaItem({ meetingId: next, input: { day: '2017-05-16', kind, title, speakerIds: [] }, actor })
      if (!saved.ok) throw new Error(JSON.stringify(saved))
    }
    expect(listAgenda({ meetingId: next }).map((item) => item.title)).toEqual([
      'Analiza koncepcji i narzędzi badawczych',
      'Powitanie uczestników',
    ])
    expect(getCarryOver({ meetingId: next })).toMatchObject({
      agendaItemId: null,
      items: [{ text: 'Przekazanie katalogu usług' }, { text: 'Zawarcie porozumienia MOPS–PUP' }, { text: 'Zadanie bez odpowiedzialnego' }],
    })

    const added = addCarryOverAgendaItem({ meetingId: next, actor })
    expect(added).toMatchObject({ created: true })
    const agenda = listAgenda({ meetingId: next })
    expect(agenda.map((item) => [item.position, item.title])).toEqual([
      [1, 'Analiza koncepcji i narzędzi badawczych'],
      [2, 'Powitanie uczestników'],
      [3, CARRY_OVER_TITLE],
    ])
    const item = agenda[2]!
    expect(item).toMatchObject({ id: added!.id, kind: 'discussion', day: '2017-05-16' })
    const lines = item.description!.split('\n')
    expect(lines).toEqual([
      expect.stringMatching(
        /^- Przekazanie katalogu usług \(Grzegorz Źdźbło \(Powiatowy Urząd Pracy w Wodzisławiu Śląskim [0-9a-f]+\), 31\.05\.2017 r\.\)$/,
      ),
      expect.stringMatching(
        /^- Zawarcie porozumienia MOPS–PUP \(Powiatowy Urząd Pracy w Wodzisławiu Śląskim [0-9a-f]+, najpóźniej w III kwartale 2017 r\.\)$/,
      ),
      '- Zadanie bez odpowiedzialnego',
    ])
    expect(item.description).not.toContain('Zadanie już wykonane')
    expect(item.description).not.toContain('Zadanie z późniejszego spotkania')

    // Once only: asking again finds the item already there.
    expect(addCarryOverAgendaItem({ meetingId: next, actor })).toEqual({ id: added!.id, created: false })
    expect(listAgenda({ meetingId: next }).filter((row) => row.title === CARRY_OVER_TITLE)).toHaveLength(1)
    expect(getCarryOver({ meetingId: next }).agendaItemId).toBe(added!.id)
  })

  it('puts the item first when there is no opening, and adds nothing when nothing is open', () => {
    const bodyId = team()
    const earlier = createTestMeeting(bodyId, { startsAt: '2017-05-11T10:00', endsAt: '2017-05-11T12:00' })
    const next = createTestMeeting(bodyId, { startsAt: '2017-05-16T13:00', endsAt: '2017-05-16T15:00' })
    expect(addCarryOverAgendaItem({ meetingId: next, actor })).toBeNull()
    add(earlier, { text: 'Otwarte zadanie' })
    const saved = addAgendaItem({
      meetingId: next,
      input: { day: '2017-05-16', kind: 'presentation', title: 'Prezentacja PUP', speakerIds: [] },
      actor,
    })
    if (!saved.ok) throw new Error(JSON.stringify(saved))
    addCarryOverAgendaItem({ meetingId: next, actor })
    expect(listAgenda({ meetingId: next }).map((item) => [item.position, item.title])).toEqual([
      [1, CARRY_OVER_TITLE],
      [2, 'Prezentacja PUP'],
    ])
  })
})
