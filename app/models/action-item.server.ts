import { aliasedTable, and, asc, count, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm'
import type { ActionItemState } from '#db/schema/enums'
import { db, schema, type Db, type Tx } from '~/db.server'
import { ownerValue, parseOwner, type ActionItemFilter, type ActionItemInput } from '~/schemas/action-item'
import { parseDuePeriod } from '~/utils/due-period'
import { formatDue } from '~/utils/format'
import { formatOwners } from '~/utils/owners'
import { pageCount, pageSlice } from '~/utils/paging'
import { daysBetween, warsawDay } from '~/utils/time'
import { recordAudit, type Actor } from './audit.server'
import { today } from './body-access.server'

const ai = schema.actionItems
const own = schema.actionItemOwners
const mt = schema.meetings
const people = schema.people
const orgs = schema.organisations
const personOrg = aliasedTable(orgs, 'person_org')

/** The title of the agenda item that brings open action items back to the next meeting. */
export const CARRY_OVER_TITLE = 'Sprawy z poprzedniego spotkania'

const itemColumns = {
  id: ai.id,
  meetingId: ai.meetingId,
  position: ai.position,
  text: ai.text,
  dueText: ai.dueText,
  dueDate: ai.dueDate,
  state: ai.state,
  stateNote: ai.stateNote,
  closedAt: ai.closedAt,
}

function selectItems(tx: Db | Tx, where: SQL | undefined) {
  return tx
    .select({ ...itemColumns, meetingNumber: mt.number, meetingStartsAt: mt.startsAt })
    .from(ai)
    .innerJoin(mt, eq(mt.id, ai.meetingId))
    .where(where)
}

/** One owner of an item: its picker value and its name as the minutes print it. */
export type ActionItemOwner = { value: string; name: string }

/**
 * The owners of the given items, each item's in its order, in one query: „Person
 * (Institution)” or the institution's name.
 */
export function ownersOf(tx: Db | Tx, itemIds: readonly number[]): Map<number, ActionItemOwner[]> {
  const byItem = new Map<number, ActionItemOwner[]>(itemIds.map((id) => [id, []]))
  if (itemIds.length === 0) return byItem
  const rows = tx
    .select({
      itemId: own.actionItemId,
      organisationId: own.organisationId,
      personId: own.personId,
      personName: people.name,
      personOrganisation: personOrg.name,
      organisationName: orgs.name,
    })
    .from(own)
    .leftJoin(people, eq(people.id, own.personId))
    .leftJoin(personOrg, eq(personOrg.id, people.organisationId))
    .leftJoin(orgs, eq(orgs.id, own.organisationId))
    .where(inArray(own.actionItemId, [...new Set(itemIds)]))
    .orderBy(asc(own.actionItemId), asc(own.position))
    .all()
  for (const row of rows)
    byItem.get(row.itemId)?.push({
      value: ownerValue(row),
      name: row.personName ? `${row.personName} (${row.personOrganisation})` : (row.organisationName ?? ''),
    })
  return byItem
}

/** The owners' picker values of one item, in order. */
function ownerValuesOf(tx: Tx, itemId: number): string[] {
  return (ownersOf(tx, [itemId]).get(itemId) ?? []).map((owner) => owner.value)
}

type ItemRow = ReturnType<ReturnType<typeof selectItems>['all']>[number]

/** The year a meeting was held in, which „br.” in its minutes means. */
function meetingYear(startsAt: string): number {
  return Number(warsawDay(startsAt).slice(0, 4))
}

function view(row: ItemRow, owners: ActionItemOwner[], day: string) {
  return {
    id: row.id,
    meetingId: row.meetingId,
    meetingNumber: row.meetingNumber,
    meetingStartsAt: row.meetingStartsAt,
    text: row.text,
    owners,
    dueText: row.dueText,
    dueDate: row.dueDate,
    // A day read from the words follows the words when they are edited.
    dueDateDerived:
      !!row.dueText && !!row.dueDate && parseDuePeriod(row.dueText, { currentYear: meetingYear(row.meetingStartsAt) }) === row.dueDate,
    state: row.state,
    stateNote: row.stateNote,
    closedAt: row.closedAt,
    overdue: row.state === 'open' && !!row.dueDate && row.dueDate < day,
  }
}
export type ActionItemView = ReturnType<typeof view>

/** The rows as views, with the owners of all of them read at once. */
function views(tx: Db | Tx, rows: ItemRow[]): ActionItemView[] {
  const day = today()
  const owners = ownersOf(
    tx,
    rows.map((row) => row.id),
  )
  return rows.map((row) => view(row, owners.get(row.id) ?? [], day))
}

/** The action items decided at one meeting, in the minutes' order. */
export function listActionItems({ meetingId }: { meetingId: number }): ActionItemView[] {
  return views(db, selectItems(db, eq(ai.meetingId, meetingId)).orderBy(asc(ai.position), asc(ai.id)).all())
}

const byDue = [sql`${ai.dueDate} is null`, asc(ai.dueDate), asc(mt.startsAt), asc(ai.position), asc(ai.id)]

/** One page of a team's action items from all its meetings, the soonest due first (undated last). */
export function listBodyActionItems({ bodyId, state = 'open', page = 1 }: { bodyId: number; state?: ActionItemFilter; page?: number }) {
  const where = and(eq(ai.bodyId, bodyId), state === 'all' ? undefined : eq(ai.state, state))
  const { limit, offset } = pageSlice(page)
  const items = views(
    db,
    selectItems(db, where)
      .orderBy(...byDue)
      .limit(limit)
      .offset(offset)
      .all(),
  )
  const total = db.select({ n: count() }).from(ai).where(where).get()?.n ?? 0
  return { items, total, pages: pageCount(total) }
}

/** How many of a team's items are open, and how many of those are past their due day. */
export function countOpenActionItems({ bodyId }: { bodyId: number }): { open: number; overdue: number } {
  const row = db
    .select({ open: sql<number>`count(*)`, overdue: sql<number>`coalesce(sum(${ai.dueDate} < ${today()}), 0)` })
    .from(ai)
    .where(and(eq(ai.bodyId, bodyId), eq(ai.state, 'open')))
    .get()
  return { open: row?.open ?? 0, overdue: row?.overdue ?? 0 }
}

export type ActionItemResult = { ok: true; id: number } | { ok: false; fieldErrors?: Record<string, string[]>; formErrors?: string[] }
const LOCKED = { ok: false as const, formErrors: ['actionItems.error.locked'] }

function requireMeeting(tx: Tx, meetingId: number) {
  const meeting = tx
    .select({ id: mt.id, bodyId: mt.bodyId, startsAt: mt.startsAt, endsAt: mt.endsAt })
    .from(mt)
    .where(eq(mt.id, meetingId))
    .get()
  if (!meeting) throw new Response('Not Found', { status: 404 })
  return meeting
}

/** The text, owners and dues are the minutes' own: fixed once the minutes are approved. */
export function actionItemsLocked({ meetingId }: { meetingId: number }): boolean {
  return lockedIn(db, meetingId)
}

function lockedIn(tx: Db | Tx, meetingId: number): boolean {
  const row = tx
    .select({ state: schema.documents.state })
    .from(schema.minutes)
    .innerJoin(schema.documents, eq(schema.documents.id, schema.minutes.id))
    .where(eq(schema.minutes.meetingId, meetingId))
    .get()
  return row?.state === 'approved' || row?.state === 'published'
}

function requireItem(tx: Tx, where: SQL) {
  const item = tx
    .select({
      id: ai.id,
      meetingId: ai.meetingId,
      bodyId: ai.bodyId,
      position: ai.position,
      text: ai.text,
      dueText: ai.dueText,
      dueDate: ai.dueDate,
      state: ai.state,
      stateNote: ai.stateNote,
      closedAt: ai.closedAt,
    })
    .from(ai)
    .where(where)
    .get()
  if (!item) throw new Response('Not Found', { status: 404 })
  return item
}

/**
 * The stored columns and owners for an input, or what is wrong with it: an owner that is not
 * in the directory (or archived, unless it already owned this item), words that name no day.
 */
function toRow(tx: Tx, input: ActionItemInput, currentYear: number, ownersBefore: string[] = []) {
  const fieldErrors: Record<string, string[]> = {}
  const owners = (input.owners ?? []).map((value) => ({ value, ref: parseOwner(value) }))
  for (const { value, ref } of owners) {
    const table = ref?.kind === 'person' ? people : orgs
    const found = ref ? tx.select({ archivedAt: table.archivedAt }).from(table).where(eq(table.id, ref.id)).get() : undefined
    if (!found || (found.archivedAt && !ownersBefore.includes(value))) fieldErrors.owners = ['actionItems.error.owner']
  }
  const dueText = input.dueText || null
  const dueDate = input.dueDate || (dueText ? parseDuePeriod(dueText, { currentYear }) : null)
  if (dueText && !dueDate) fieldErrors.dueText = ['actionItems.error.duePeriod']
  if (Object.keys(fieldErrors).length) return { fieldErrors }
  return { row: { text: input.text, dueText, dueDate }, owners: owners.map((owner) => owner.value) }
}

/** Writes an item's owners in the order given, instead of those it had. */
function setOwners(tx: Tx, itemId: number, owners: string[]) {
  tx.delete(own).where(eq(own.actionItemId, itemId)).run()
  if (owners.length === 0) return
  tx.insert(own)
    .values(
      owners.map((value, position) => {
        const ref = parseOwner(value)!
        return {
          actionItemId: itemId,
          position,
          organisationId: ref.kind === 'organisation' ? ref.id : null,
          personId: ref.kind === 'person' ? ref.id : null,
        }
      }),
    )
    .run()
}

function audit(
  tx: Tx,
  actor: Actor,
  action: string,
  itemId: number,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
) {
  recordAudit(tx, {
    actorUserId: actor.userId,
    ip: actor.ip,
    action: `actionItem.${action}`,
    entityType: 'action_item',
    entityId: itemId,
    before,
    after,
  })
}

export function addActionItem({ meetingId, input, actor }: { meetingId: number; input: ActionItemInput; actor: Actor }): ActionItemResult {
  return db.transaction(
    (tx): ActionItemResult => {
      const meeting = requireMeeting(tx, meetingId)
      if (lockedIn(tx, meetingId)) return LOCKED
      const checked = toRow(tx, input, meetingYear(meeting.startsAt))
      if (!checked.row) return { ok: false, fieldErrors: checked.fieldErrors }
      const { row, owners } = checked
      const last =
        tx
          .select({ n: sql<number>`coalesce(max(${ai.position}), 0)` })
          .from(ai)
          .where(eq(ai.meetingId, meetingId))
          .get()?.n ?? 0
      const { id } = tx
        .insert(ai)
        .values({ ...row, bodyId: meeting.bodyId, meetingId, position: last + 1 })
        .returning({ id: ai.id })
        .get()
      setOwners(tx, id, owners)
      audit(tx, actor, 'added', id, null, { meetingId, ...row, owners, position: last + 1 })
      return { ok: true, id }
    },
    { behavior: 'immediate' },
  )
}

export function updateActionItem({
  meetingId,
  itemId,
  input,
  actor,
}: {
  meetingId: number
  itemId: number
  input: ActionItemInput
  actor: Actor
}): ActionItemResult {
  return db.transaction(
    (tx): ActionItemResult => {
      const meeting = requireMeeting(tx, meetingId)
      const before = requireItem(tx, and(eq(ai.id, itemId), eq(ai.meetingId, meetingId))!)
      if (lockedIn(tx, meetingId)) return LOCKED
      const ownersBefore = ownerValuesOf(tx, itemId)
      const checked = toRow(tx, input, meetingYear(meeting.startsAt), ownersBefore)
      if (!checked.row) return { ok: false, fieldErrors: checked.fieldErrors }
      const { row, owners } = checked
      const changed = (Object.keys(row) as (keyof typeof row)[]).filter((key) => before[key] !== row[key])
      const ownersChanged = owners.join() !== ownersBefore.join()
      if (changed.length || ownersChanged) {
        tx.update(ai)
          .set({ ...row, updatedAt: new Date().toISOString() })
          .where(eq(ai.id, itemId))
          .run()
        if (ownersChanged) setOwners(tx, itemId, owners)
        const pick = (source: Record<string, unknown>, ownersThen: string[]) => ({
          ...Object.fromEntries(changed.map((key) => [key, source[key] ?? null])),
          ...(ownersChanged ? { owners: ownersThen } : {}),
        })
        audit(tx, actor, 'updated', itemId, { meetingId, ...pick(before, ownersBefore) }, { meetingId, ...pick(row, owners) })
      }
      return { ok: true, id: itemId }
    },
    { behavior: 'immediate' },
  )
}

/**
 * Marks an item done, dropped (with a note saying why) or open again. Allowed at any time:
 * items outlive their minutes. `bodyId` scopes the item to the team the caller may manage.
 */
export function setActionItemState({
  bodyId,
  itemId,
  state,
  note,
  actor,
}: {
  bodyId: number
  itemId: number
  state: ActionItemState
  note?: string | null
  actor: Actor
}): ActionItemResult {
  const stateNote = note?.trim() || null
  if (state === 'dropped' && !stateNote) return { ok: false, fieldErrors: { note: ['actionItems.error.noteRequired'] } }
  return db.transaction(
    (tx): ActionItemResult => {
      const before = requireItem(tx, and(eq(ai.id, itemId), eq(ai.bodyId, bodyId))!)
      const now = new Date().toISOString()
      const closedAt = state === 'open' ? null : before.state === state ? before.closedAt : now
      tx.update(ai).set({ state, stateNote, closedAt, updatedAt: now }).where(eq(ai.id, itemId)).run()
      audit(
        tx,
        actor,
        'stateChanged',
        itemId,
        { state: before.state, stateNote: before.stateNote, closedAt: before.closedAt },
        { state, stateNote, closedAt },
      )
      return { ok: true, id: itemId }
    },
    { behavior: 'immediate' },
  )
}

export function removeActionItem({ meetingId, itemId, actor }: { meetingId: number; itemId: number; actor: Actor }): ActionItemResult {
  return db.transaction(
    (tx): ActionItemResult => {
      const before = requireItem(tx, and(eq(ai.id, itemId), eq(ai.meetingId, meetingId))!)
      if (lockedIn(tx, meetingId)) return LOCKED
      const owners = ownerValuesOf(tx, itemId)
      tx.delete(ai).where(eq(ai.id, itemId)).run()
      tx.update(ai)
        .set({ position: sql`${ai.position} - 1` })
        .where(and(eq(ai.meetingId, meetingId), gte(ai.position, before.position)))
        .run()
      const { id: _id, ...rest } = before
      audit(tx, actor, 'removed', itemId, { ...rest, owners }, null)
      return { ok: true, id: itemId }
    },
    { behavior: 'immediate' },
  )
}

/** Swaps an item with its neighbour above or below; at either end nothing moves. */
export function moveActionItem({
  meetingId,
  itemId,
  direction,
  actor,
}: {
  meetingId: number
  itemId: number
  direction: 'up' | 'down'
  actor: Actor
}): ActionItemResult {
  return db.transaction(
    (tx): ActionItemResult => {
      const item = requireItem(tx, and(eq(ai.id, itemId), eq(ai.meetingId, meetingId))!)
      if (lockedIn(tx, meetingId)) return LOCKED
      const order = tx.select({ id: ai.id }).from(ai).where(eq(ai.meetingId, meetingId)).orderBy(asc(ai.position), asc(ai.id)).all()
      const index = order.findIndex((row) => row.id === itemId)
      const target = index + (direction === 'up' ? -1 : 1)
      if (target < 0 || target >= order.length) return { ok: true, id: itemId }
      ;[order[index], order[target]] = [order[target]!, order[index]!]
      // Positions are rewritten 1…n, which also mends any gap left by older data.
      order.forEach((row, i) =>
        tx
          .update(ai)
          .set({ position: i + 1 })
          .where(eq(ai.id, row.id))
          .run(),
      )
      audit(tx, actor, 'moved', itemId, { meetingId, position: item.position }, { meetingId, position: target + 1 })
      return { ok: true, id: itemId }
    },
    { behavior: 'immediate' },
  )
}

/** Open items of the team decided at its meetings that began before this one. */
function openEarlierItems(tx: Db | Tx, meeting: { bodyId: number; startsAt: string }) {
  return views(
    tx,
    selectItems(tx, and(eq(ai.bodyId, meeting.bodyId), eq(ai.state, 'open'), lt(mt.startsAt, meeting.startsAt)))
      .orderBy(...byDue)
      .all(),
  )
}

function carryOverItemId(tx: Db | Tx, meetingId: number): number | null {
  const items = tx
    .select({ id: schema.agendaItems.id, title: schema.agendaItems.title })
    .from(schema.agendaItems)
    .where(eq(schema.agendaItems.meetingId, meetingId))
    .all()
  return items.find((item) => item.title.trim().toLowerCase() === CARRY_OVER_TITLE.toLowerCase())?.id ?? null
}

/** What the agenda page offers: the open items from earlier meetings, and whether they are on the agenda yet. */
export function getCarryOver({ meetingId }: { meetingId: number }) {
  const meeting = db.select({ bodyId: mt.bodyId, startsAt: mt.startsAt }).from(mt).where(eq(mt.id, meetingId)).get()
  if (!meeting) return { items: [], agendaItemId: null }
  return { items: openEarlierItems(db, meeting), agendaItemId: carryOverItemId(db, meetingId) }
}

/** „- zawarcie porozumienia MOPS–PUP (MOPS Gdańsk i PUP Gdańsk, najpóźniej w III kwartale 2017 r.)” */
export function carryOverDescription(items: Pick<ActionItemView, 'text' | 'owners' | 'dueText' | 'dueDate'>[]): string {
  // „- ” rather than a dash: the minutes read the agenda's description as a list (utils/markup.ts).
  return items
    .map((item) => {
      const owners = formatOwners(item.owners.map((owner) => owner.name))
      const details = [owners, formatDue(item)].filter(Boolean).join(', ')
      return `- ${item.text}${details ? ` (${details})` : ''}`
    })
    .join('\n')
}

/**
 * Puts „Sprawy z poprzedniego spotkania” on the meeting's first day, first (after the opening,
 * if there is one), listing the team's open items. Once only: an existing item is returned
 * as it is. Null when there is nothing open to carry over.
 */
export function addCarryOverAgendaItem({ meetingId, actor }: { meetingId: number; actor: Actor }): { id: number; created: boolean } | null {
  const ag = schema.agendaItems
  return db.transaction(
    (tx) => {
      const meeting = requireMeeting(tx, meetingId)
      const existing = carryOverItemId(tx, meetingId)
      if (existing) return { id: existing, created: false }
      const items = openEarlierItems(tx, meeting)
      if (!items.length) return null
      const day = daysBetween(meeting.startsAt, meeting.endsAt)[0]!
      const dayItems = tx
        .select({ position: ag.position, kind: ag.kind })
        .from(ag)
        .where(and(eq(ag.meetingId, meetingId), eq(ag.day, day)))
        .orderBy(asc(ag.position))
        .all()
      const opening = dayItems.find((item) => item.kind === 'opening')
      const position = opening ? opening.position + 1 : (dayItems[0]?.position ?? 1)
      tx.update(ag)
        .set({ position: sql`${ag.position} + 1` })
        .where(and(eq(ag.meetingId, meetingId), eq(ag.day, day), gte(ag.position, position)))
        .run()
      const row = { day, kind: 'discussion' as const, title: CARRY_OVER_TITLE, description: carryOverDescription(items) }
      const { id } = tx
        .insert(ag)
        .values({ ...row, meetingId, position })
        .returning({ id: ag.id })
        .get()
      recordAudit(tx, {
        actorUserId: actor.userId,
        ip: actor.ip,
        action: 'agenda.itemAdded',
        entityType: 'meeting',
        entityId: meetingId,
        after: { itemId: id, ...row, position, actionItemIds: items.map((item) => item.id) },
      })
      return { id, created: true }
    },
    { behavior: 'immediate' },
  )
}
