import { and, asc, count, eq, isNull, sql } from 'drizzle-orm'
import type { AttendanceState } from '#db/schema/enums'
import { db, schema } from '~/db.server'
import type { WalkInInput } from '~/schemas/invitation'
import { recordAudit, type Actor } from './audit.server'
import { hashToken, listInvitations, newToken, type Invitee } from './invitation.server'

const pp = schema.people
const org = schema.organisations

const inv = schema.invitations

export type AttendanceGroup = { organisation: string | null; rows: Invitee[] }

/**
 * Who was invited and whether they came, by institution; guests without an institution
 * form the last group (`organisation: null`, shown as „Goście”).
 */
export function listAttendance({ meetingId }: { meetingId: number }): AttendanceGroup[] {
  const groups: AttendanceGroup[] = []
  for (const row of listInvitations({ meetingId })) {
    const last = groups.at(-1)
    if (last && last.organisation === row.organisation) last.rows.push(row)
    else groups.push({ organisation: row.organisation, rows: [row] })
  }
  return groups
}

export type AttendanceSummary = { organisation: string | null; present: number; absent: number; excused: number; unknown: number }

/** Per institution: how many were present, absent, excused, or not yet recorded; counted in SQL over every invitee. */
export function summarizeAttendance({ meetingId }: { meetingId: number }) {
  const organisation = sql<string | null>`coalesce(${org.name}, ${inv.guestOrganisation})`
  const rows = db
    .select({ organisation, attendance: inv.attendance, n: count() })
    .from(inv)
    .leftJoin(pp, eq(pp.id, inv.personId))
    .leftJoin(org, eq(org.id, pp.organisationId))
    .where(eq(inv.meetingId, meetingId))
    .groupBy(organisation, inv.attendance)
    .all()
  const byOrganisation = new Map<string | null, AttendanceSummary>()
  const total = { present: 0, absent: 0, excused: 0, unknown: 0 }
  for (const row of rows) {
    const group = byOrganisation.get(row.organisation) ?? { organisation: row.organisation, present: 0, absent: 0, excused: 0, unknown: 0 }
    group[row.attendance] += row.n
    total[row.attendance] += row.n
    byOrganisation.set(row.organisation, group)
  }
  const groups = [...byOrganisation.values()].sort(
    (a, b) =>
      (a.organisation === null ? 1 : 0) - (b.organisation === null ? 1 : 0) || polish.compare(a.organisation ?? '', b.organisation ?? ''),
  )
  return { groups, total }
}

const polish = new Intl.Collator('pl')

/** Saves the whole attendance form; rows of other meetings are ignored, unchanged rows are left. */
export function setAttendance({
  meetingId,
  entries,
  actor,
}: {
  meetingId: number
  entries: { invitationId: number; state: AttendanceState }[]
  actor: Actor
}) {
  return db.transaction((tx) => {
    const current = new Map(
      tx
        .select({ id: inv.id, attendance: inv.attendance })
        .from(inv)
        .where(eq(inv.meetingId, meetingId))
        .all()
        .map((r) => [r.id, r.attendance]),
    )
    const before: Record<string, AttendanceState> = {}
    const after: Record<string, AttendanceState> = {}
    for (const { invitationId, state } of entries) {
      const was = current.get(invitationId)
      if (was === undefined || was === state) continue
      tx.update(inv).set({ attendance: state }).where(eq(inv.id, invitationId)).run()
      before[invitationId] = was
      after[invitationId] = state
    }
    const changed = Object.keys(after).length
    if (changed)
      recordAudit(tx, {
        actorUserId: actor.userId,
        ip: actor.ip,
        action: 'attendance.recorded',
        entityType: 'meeting',
        entityId: meetingId,
        before,
        after,
      })
    return { changed }
  })
}

/**
 * Someone who came without an invitation: added as a guest and marked present. A person
 * who was invited after all is only marked present.
 */
export function addWalkIn({
  meetingId,
  input,
  actor,
}: {
  meetingId: number
  input: WalkInInput
  actor: Actor
}): { ok: true; id: number } | { ok: false; fieldErrors: Record<string, string[]> } {
  return db.transaction((tx) => {
    if (input.personId) {
      const person = tx
        .select({ id: schema.people.id })
        .from(schema.people)
        .where(and(eq(schema.people.id, input.personId), isNull(schema.people.archivedAt)))
        .get()
      if (!person) return { ok: false as const, fieldErrors: { personId: ['validation.person'] } }
      const existing = tx
        .select({ id: inv.id, attendance: inv.attendance })
        .from(inv)
        .where(and(eq(inv.meetingId, meetingId), eq(inv.personId, input.personId)))
        .get()
      if (existing) {
        tx.update(inv).set({ attendance: 'present' }).where(eq(inv.id, existing.id)).run()
        recordAudit(tx, {
          actorUserId: actor.userId,
          ip: actor.ip,
          action: 'attendance.recorded',
          entityType: 'meeting',
          entityId: meetingId,
          before: { [existing.id]: existing.attendance },
          after: { [existing.id]: 'present' },
        })
        return { ok: true as const, id: existing.id }
      }
    }
    const row = {
      meetingId,
      kind: 'guest' as const,
      personId: input.personId ?? null,
      guestName: input.personId ? null : (input.name ?? null),
      guestOrganisation: input.personId ? null : (input.organisation ?? null),
      attendance: 'present' as const,
    }
    // Never sent: the hash of a token nobody holds.
    const { id } = tx
      .insert(inv)
      .values({ ...row, tokenHash: hashToken(newToken()) })
      .returning({ id: inv.id })
      .get()
    recordAudit(tx, {
      actorUserId: actor.userId,
      ip: actor.ip,
      action: 'attendance.walkInAdded',
      entityType: 'meeting',
      entityId: meetingId,
      after: { invitationId: id, ...row },
    })
    return { ok: true as const, id }
  })
}

const ai = schema.agendaItems
const sp = schema.agendaSpeakers

/** More than any agenda names; the offer stays one screen, whatever a meeting holds. */
const AGENDA_PEOPLE_LIMIT = 100

/**
 * The speakers and moderators of the meeting's agenda who are not on its list yet, to be added
 * as walk-ins. Reads the meeting's agenda items (by agenda_items_meeting_idx), their speakers (by
 * the key of agenda_speakers) and each person's invitation (by invitations_person_unique).
 */
export function listAgendaPeopleNotListed({ meetingId }: { meetingId: number }) {
  const onAgenda = sql`(
    select ${sp.personId} from ${sp} join ${ai} on ${ai.id} = ${sp.agendaItemId} where ${ai.meetingId} = ${meetingId}
    union
    select ${ai.moderatorPersonId} from ${ai} where ${ai.meetingId} = ${meetingId} and ${ai.moderatorPersonId} is not null
  )`
  return db
    .select({ personId: pp.id, name: pp.name, position: pp.position, organisation: org.name })
    .from(pp)
    .innerJoin(org, eq(org.id, pp.organisationId))
    .where(
      and(
        sql`${pp.id} in ${onAgenda}`,
        isNull(pp.archivedAt),
        sql`not exists (select 1 from ${inv} where ${inv.meetingId} = ${meetingId} and ${inv.personId} = ${pp.id})`,
      ),
    )
    .orderBy(asc(pp.name), asc(pp.id))
    .limit(AGENDA_PEOPLE_LIMIT)
    .all()
}

/**
 * Adds the chosen speakers and moderators as walk-ins, marked present. Only people the offer
 * holds are added: someone not on the agenda, or already on the list, is left out.
 */
export function addAgendaPeople({ meetingId, personIds, actor }: { meetingId: number; personIds: readonly number[]; actor: Actor }) {
  const chosen = new Set(personIds)
  return db.transaction(() => {
    const offered = listAgendaPeopleNotListed({ meetingId }).filter((person) => chosen.has(person.personId))
    for (const person of offered) addWalkIn({ meetingId, input: { personId: person.personId }, actor })
    return { added: offered.length }
  })
}

/** „50 osób”: the number who came, for meetings too large to list everyone. */
export function setHeadcount({ meetingId, headcount, actor }: { meetingId: number; headcount: number | null; actor: Actor }) {
  db.transaction((tx) => {
    const before = tx.select({ headcount: schema.meetings.headcount }).from(schema.meetings).where(eq(schema.meetings.id, meetingId)).get()
    if (!before) throw new Response('Not Found', { status: 404 })
    if (before.headcount === headcount) return
    tx.update(schema.meetings).set({ headcount, updatedAt: new Date().toISOString() }).where(eq(schema.meetings.id, meetingId)).run()
    recordAudit(tx, {
      actorUserId: actor.userId,
      ip: actor.ip,
      action: 'attendance.headcountSet',
      entityType: 'meeting',
      entityId: meetingId,
      before,
      after: { headcount },
    })
  })
}
