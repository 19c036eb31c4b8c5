import { aliasedTable, and, asc, eq, gt, gte, inArray, sql } from 'drizzle-orm'
import { db, schema, type Db, type Tx } from '~/db.server'
import type { AgendaItemInput } from '~/schemas/agenda'
import { daysBetween, warsawTime } from '~/utils/time'
import { recordAudit, type Actor } from './audit.server'

const ai = schema.agendaItems
const sp = schema.agendaSpeakers
const people = schema.people
const orgs = schema.organisations
const moderator = aliasedTable(people, 'moderator')
const moderatorOrg = aliasedTable(orgs, 'moderator_org')

export type AgendaPerson = {
  personId: number
  name: string
  position: string | null
  organisation: string
  organisationShortName: string | null
}

/** The agenda of a meeting, day by day in order, with its speakers and moderators named. */
export function listAgenda({ meetingId }: { meetingId: number }) {
  const rows = db
    .select({
      id: ai.id,
      day: ai.day,
      position: ai.position,
      startTime: ai.startTime,
      endTime: ai.endTime,
      kind: ai.kind,
      title: ai.title,
      description: ai.description,
      track: ai.track,
      moderatorPersonId: ai.moderatorPersonId,
      moderatorName: moderator.name,
      moderatorPosition: moderator.position,
      moderatorOrganisation: moderatorOrg.name,
      moderatorOrganisationShortName: moderatorOrg.shortName,
    })
    .from(ai)
    .leftJoin(moderator, eq(moderator.id, ai.moderatorPersonId))
    .leftJoin(moderatorOrg, eq(moderatorOrg.id, moderator.organisationId))
    .where(eq(ai.meetingId, meetingId))
    .orderBy(asc(ai.day), asc(ai.position))
    .all()
  const speakers = rows.length
    ? db
        .select({
          agendaItemId: sp.agendaItemId,
          personId: sp.personId,
          name: people.name,
          position: people.position,
          organisation: orgs.name,
          organisationShortName: orgs.shortName,
        })
        .from(sp)
        .innerJoin(people, eq(people.id, sp.personId))
        .innerJoin(orgs, eq(orgs.id, people.organisationId))
        .where(
          inArray(
            sp.agendaItemId,
            rows.map((row) => row.id),
          ),
        )
        .orderBy(asc(sp.position))
        .all()
    : []
  return rows.map(
    ({ moderatorPersonId, moderatorName, moderatorPosition, moderatorOrganisation, moderatorOrganisationShortName, ...item }) => ({
      ...item,
      moderator:
        moderatorPersonId && moderatorName
          ? ({
              personId: moderatorPersonId,
              name: moderatorName,
              position: moderatorPosition,
              organisation: moderatorOrganisation ?? '',
              organisationShortName: moderatorOrganisationShortName,
            } satisfies AgendaPerson)
          : null,
      speakers: speakers
        .filter((speaker) => speaker.agendaItemId === item.id)
        .map(
          ({ personId, name, position, organisation, organisationShortName }) =>
            ({ personId, name, position, organisation, organisationShortName }) satisfies AgendaPerson,
        ),
    }),
  )
}
export type AgendaItemView = ReturnType<typeof listAgenda>[number]

export type AgendaSaveResult = { ok: true; id: number } | { ok: false; fieldErrors: Record<string, string[]> }

function meetingDays(tx: Tx, meetingId: number): string[] {
  const meeting = tx
    .select({ startsAt: schema.meetings.startsAt, endsAt: schema.meetings.endsAt })
    .from(schema.meetings)
    .where(eq(schema.meetings.id, meetingId))
    .get()
  if (!meeting) throw new Response('Not Found', { status: 404 })
  return daysBetween(meeting.startsAt, meeting.endsAt)
}

/**
 * What is wrong with an item's day and people, as field errors. A person archived since
 * they were put on this item may stay on it; nobody else unknown or archived may be added.
 */
function checkItem(tx: Tx, meetingId: number, input: AgendaItemInput, keep: number[] = []) {
  const fieldErrors: Record<string, string[]> = {}
  if (!meetingDays(tx, meetingId).includes(input.day)) fieldErrors.day = ['agenda.validation.dayOutside']
  const wanted = [...new Set([...input.speakerIds, ...(input.moderatorPersonId ? [input.moderatorPersonId] : [])])]
  const usable = new Set(
    wanted.length
      ? tx
          .select({ id: people.id, archivedAt: people.archivedAt })
          .from(people)
          .where(inArray(people.id, wanted))
          .all()
          .filter((person) => !person.archivedAt || keep.includes(person.id))
          .map((person) => person.id)
      : [],
  )
  if (input.speakerIds.some((id) => !usable.has(id))) fieldErrors.speakerIds = ['agenda.validation.unknownPerson']
  if (input.moderatorPersonId && !usable.has(input.moderatorPersonId)) fieldErrors.moderatorPersonId = ['agenda.validation.unknownPerson']
  return Object.keys(fieldErrors).length ? fieldErrors : null
}

function itemRow(input: AgendaItemInput) {
  return {
    day: input.day,
    startTime: input.startTime ?? null,
    endTime: input.endTime ?? null,
    kind: input.kind,
    title: input.title,
    description: input.description ?? null,
    moderatorPersonId: input.moderatorPersonId ?? null,
    track: input.track ?? null,
  }
}

function dayItems(tx: Tx, meetingId: number, day: string) {
  return tx
    .select({ id: ai.id, position: ai.position, startTime: ai.startTime })
    .from(ai)
    .where(and(eq(ai.meetingId, meetingId), eq(ai.day, day)))
    .orderBy(asc(ai.position))
    .all()
}

/**
 * Where a new item goes in its day: before the first item that starts later, so that a
 * programme typed out of order still reads in time order; at the end when it has no time.
 */
function slotFor(tx: Tx, meetingId: number, day: string, startTime: string | null) {
  const items = dayItems(tx, meetingId, day)
  const later = startTime ? items.find((item) => item.startTime !== null && item.startTime > startTime) : undefined
  return later ? later.position : items.length + 1
}

/** Makes room at `position` of a day (everything from there moves one down). */
function openSlot(tx: Tx, meetingId: number, day: string, position: number) {
  tx.update(ai)
    .set({ position: sql`${ai.position} + 1` })
    .where(and(eq(ai.meetingId, meetingId), eq(ai.day, day), gte(ai.position, position)))
    .run()
}

/** Closes the gap an item left at `position` of a day: positions stay 1, 2, 3… */
function closeSlot(tx: Tx, meetingId: number, day: string, position: number) {
  tx.update(ai)
    .set({ position: sql`${ai.position} - 1` })
    .where(and(eq(ai.meetingId, meetingId), eq(ai.day, day), gt(ai.position, position)))
    .run()
}

function setSpeakers(tx: Tx, itemId: number, speakerIds: number[]) {
  tx.delete(sp).where(eq(sp.agendaItemId, itemId)).run()
  if (speakerIds.length)
    tx.insert(sp)
      .values(speakerIds.map((personId, index) => ({ agendaItemId: itemId, personId, position: index + 1 })))
      .run()
}

function speakerIdsOf(tx: Tx, itemId: number) {
  return tx
    .select({ personId: sp.personId })
    .from(sp)
    .where(eq(sp.agendaItemId, itemId))
    .orderBy(asc(sp.position))
    .all()
    .map((row) => row.personId)
}

export function addAgendaItem({ meetingId, input, actor }: { meetingId: number; input: AgendaItemInput; actor: Actor }): AgendaSaveResult {
  return db.transaction(
    (tx) => {
      const fieldErrors = checkItem(tx, meetingId, input)
      if (fieldErrors) return { ok: false as const, fieldErrors }
      const row = itemRow(input)
      const position = slotFor(tx, meetingId, row.day, row.startTime)
      openSlot(tx, meetingId, row.day, position)
      const { id } = tx
        .insert(ai)
        .values({ ...row, meetingId, position })
        .returning({ id: ai.id })
        .get()
      setSpeakers(tx, id, input.speakerIds)
      recordAudit(tx, {
        actorUserId: actor.userId,
        ip: actor.ip,
        action: 'agenda.itemAdded',
        entityType: 'meeting',
        entityId: meetingId,
        after: { itemId: id, ...row, position, speakerIds: input.speakerIds },
      })
      return { ok: true as const, id }
    },
    { behavior: 'immediate' },
  )
}

function requireItem(tx: Tx, meetingId: number, itemId: number) {
  const item = tx
    .select({
      id: ai.id,
      day: ai.day,
      position: ai.position,
      startTime: ai.startTime,
      endTime: ai.endTime,
      kind: ai.kind,
      title: ai.title,
      description: ai.description,
      moderatorPersonId: ai.moderatorPersonId,
      track: ai.track,
    })
    .from(ai)
    .where(and(eq(ai.id, itemId), eq(ai.meetingId, meetingId)))
    .get()
  if (!item) throw new Response('Not Found', { status: 404 })
  return item
}

/** Saves an item; moved to another day, it goes there by its start time. */
export function updateAgendaItem({
  meetingId,
  itemId,
  input,
  actor,
}: {
  meetingId: number
  itemId: number
  input: AgendaItemInput
  actor: Actor
}): AgendaSaveResult {
  return db.transaction(
    (tx) => {
      const before = requireItem(tx, meetingId, itemId)
      const speakersBefore = speakerIdsOf(tx, itemId)
      const fieldErrors = checkItem(tx, meetingId, input, [
        ...speakersBefore,
        ...(before.moderatorPersonId ? [before.moderatorPersonId] : []),
      ])
      if (fieldErrors) return { ok: false as const, fieldErrors }
      const row = itemRow(input)
      let position = before.position
      if (row.day !== before.day) {
        closeSlot(tx, meetingId, before.day, before.position)
        position = slotFor(tx, meetingId, row.day, row.startTime)
        openSlot(tx, meetingId, row.day, position)
      }
      tx.update(ai)
        .set({ ...row, position })
        .where(eq(ai.id, itemId))
        .run()
      setSpeakers(tx, itemId, input.speakerIds)
      const { id: _id, ...fieldsBefore } = before
      const old: Record<string, unknown> = { ...fieldsBefore, speakerIds: speakersBefore }
      const now: Record<string, unknown> = { ...row, position, speakerIds: input.speakerIds }
      const changed = Object.keys(now).filter((key) => JSON.stringify(old[key] ?? null) !== JSON.stringify(now[key] ?? null))
      if (changed.length) {
        recordAudit(tx, {
          actorUserId: actor.userId,
          ip: actor.ip,
          action: 'agenda.itemUpdated',
          entityType: 'meeting',
          entityId: meetingId,
          before: { itemId, ...Object.fromEntries(changed.map((key) => [key, old[key] ?? null])) },
          after: { itemId, ...Object.fromEntries(changed.map((key) => [key, now[key] ?? null])) },
        })
      }
      return { ok: true as const, id: itemId }
    },
    { behavior: 'immediate' },
  )
}

/** Swaps an item with its neighbour above or below on the same day; false at either end. */
export function moveAgendaItem({
  meetingId,
  itemId,
  direction,
  actor,
}: {
  meetingId: number
  itemId: number
  direction: 'up' | 'down'
  actor: Actor
}): boolean {
  return db.transaction(
    (tx) => {
      const item = requireItem(tx, meetingId, itemId)
      const target = item.position + (direction === 'up' ? -1 : 1)
      const neighbour = tx
        .select({ id: ai.id })
        .from(ai)
        .where(and(eq(ai.meetingId, meetingId), eq(ai.day, item.day), eq(ai.position, target)))
        .get()
      if (!neighbour) return false
      tx.update(ai).set({ position: item.position }).where(eq(ai.id, neighbour.id)).run()
      tx.update(ai).set({ position: target }).where(eq(ai.id, itemId)).run()
      recordAudit(tx, {
        actorUserId: actor.userId,
        ip: actor.ip,
        action: 'agenda.itemMoved',
        entityType: 'meeting',
        entityId: meetingId,
        before: { itemId, position: item.position },
        after: { itemId, position: target },
      })
      return true
    },
    { behavior: 'immediate' },
  )
}

export function removeAgendaItem({ meetingId, itemId, actor }: { meetingId: number; itemId: number; actor: Actor }) {
  db.transaction(
    (tx) => {
      const item = requireItem(tx, meetingId, itemId)
      const speakerIds = speakerIdsOf(tx, itemId)
      tx.delete(sp).where(eq(sp.agendaItemId, itemId)).run()
      tx.delete(ai).where(eq(ai.id, itemId)).run()
      closeSlot(tx, meetingId, item.day, item.position)
      recordAudit(tx, {
        actorUserId: actor.userId,
        ip: actor.ip,
        action: 'agenda.itemRemoved',
        entityType: 'meeting',
        entityId: meetingId,
        before: { itemId, ...item, speakerIds },
      })
    },
    { behavior: 'immediate' },
  )
}

/**
 * Follows a meeting moved to other days: the items of its n-th day go to the n-th new day,
 * in the same order. Refused (false) when the meeting loses a day that still has items.
 * Runs inside the meeting's own update.
 */
export function shiftAgendaDays(tx: Tx, meetingId: number, oldDays: string[], newDays: string[]): boolean {
  if (oldDays.join() === newDays.join()) return true
  const items = tx.select({ id: ai.id, day: ai.day }).from(ai).where(eq(ai.meetingId, meetingId)).all()
  const moves = items.map((item) => {
    const index = oldDays.indexOf(item.day)
    return { id: item.id, to: index === -1 ? item.day : newDays[index] }
  })
  if (moves.some((move) => move.to === undefined)) return false
  for (const move of moves) tx.update(ai).set({ day: move.to! }).where(eq(ai.id, move.id)).run()
  return true
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))
const timeOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
const dayIndex = (first: string, day: string) => Math.round((Date.parse(day) - Date.parse(first)) / 86_400_000)

type CopiedMeeting = { id: number; startsAt: string; endsAt: string }

/** How many days an agenda spans from its meeting's first day: what a copy of it needs. */
export function agendaDaySpan(tx: Db | Tx, meeting: CopiedMeeting): number {
  const last = tx
    .select({ day: sql<string | null>`max(${ai.day})` })
    .from(ai)
    .where(eq(ai.meetingId, meeting.id))
    .get()?.day
  return last ? dayIndex(daysBetween(meeting.startsAt, meeting.endsAt)[0]!, last) + 1 : 0
}

/**
 * Copies an agenda to another meeting: each item keeps its day (the first, the second…) and its
 * distance from the meeting's opening hour, its kind, track, moderator and speakers. Items left
 * out (`skip`) are not copied. False, with nothing copied, when the other meeting has fewer
 * days than the agenda: no item is dropped without a word. Runs inside the caller's transaction.
 */
export function copyAgenda(tx: Tx, { from, to, skip = [] }: { from: CopiedMeeting; to: CopiedMeeting; skip?: number[] }): number | false {
  const fromFirst = daysBetween(from.startsAt, from.endsAt)[0]!
  const toDays = daysBetween(to.startsAt, to.endsAt)
  if (agendaDaySpan(tx, from) > toDays.length) return false
  const shift = minutesOf(warsawTime(to.startsAt)) - minutesOf(warsawTime(from.startsAt))
  // An item whose times the shift would push past midnight keeps them as they were, both of
  // them: it keeps its day, and its end never comes before its start.
  const withinDay = (time: string | null) => time === null || (minutesOf(time) + shift >= 0 && minutesOf(time) + shift < 24 * 60)
  const movedTimes = ({ startTime, endTime }: { startTime: string | null; endTime: string | null }) => {
    if (!withinDay(startTime) || !withinDay(endTime)) return { startTime, endTime }
    const moved = (time: string | null) => (time === null ? null : timeOf(minutesOf(time) + shift))
    return { startTime: moved(startTime), endTime: moved(endTime) }
  }
  const items = tx
    .select()
    .from(ai)
    .where(eq(ai.meetingId, from.id))
    .orderBy(asc(ai.day), asc(ai.position))
    .all()
    .filter((item) => !skip.includes(item.id))
  const positions = new Map<string, number>()
  for (const item of items) {
    const day = toDays[dayIndex(fromFirst, item.day)]!
    const position = (positions.get(day) ?? 0) + 1
    positions.set(day, position)
    const { id } = tx
      .insert(ai)
      .values({
        meetingId: to.id,
        day,
        position,
        ...movedTimes(item),
        kind: item.kind,
        title: item.title,
        description: item.description,
        moderatorPersonId: item.moderatorPersonId,
        track: item.track,
      })
      .returning({ id: ai.id })
      .get()
    setSpeakers(tx, id, speakerIdsOf(tx, item.id))
  }
  return items.length
}
