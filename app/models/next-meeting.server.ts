import { and, count, eq } from 'drizzle-orm'
import { db, schema } from '~/db.server'
import type { MeetingInput } from '~/schemas/meeting'
import { daysBetween, fromWarsawLocal } from '~/utils/time'
import { CARRY_OVER_TITLE, addCarryOverAgendaItem } from './action-item.server'
import { agendaDaySpan, copyAgenda } from './agenda.server'
import { recordAudit, type Actor } from './audit.server'
import { copyGuests, countCopyableGuests } from './invitation.server'
import { insertMeeting } from './meeting.server'

// „Zaplanuj kolejne spotkanie”: a meeting drawn up from the one it follows. It stands above the
// meeting, its agenda and its invitations, which know nothing of each other's copies.

const mt = schema.meetings

/** „Sprawy z poprzedniego spotkania”: not copied with an agenda, but drawn up again from the open action items. */
function carryOverItemIds(meetingId: number): number[] {
  return db
    .select({ id: schema.agendaItems.id, title: schema.agendaItems.title })
    .from(schema.agendaItems)
    .where(eq(schema.agendaItems.meetingId, meetingId))
    .all()
    .filter((item) => item.title.trim().toLowerCase() === CARRY_OVER_TITLE.toLowerCase())
    .map((item) => item.id)
}

/**
 * The meeting a „next meeting” follows, with what can be copied from it: its agenda (items
 * and the days they span) and its guests. Only a meeting of the same body.
 */
export function getNextMeetingSource({ bodyId, meetingId }: { bodyId: number; meetingId: number }) {
  const meeting = db
    .select({ id: mt.id, number: mt.number, startsAt: mt.startsAt, endsAt: mt.endsAt })
    .from(mt)
    .where(and(eq(mt.id, meetingId), eq(mt.bodyId, bodyId)))
    .get()
  if (!meeting) return null
  const items = db.select({ n: count() }).from(schema.agendaItems).where(eq(schema.agendaItems.meetingId, meeting.id)).get()?.n ?? 0
  return {
    ...meeting,
    agendaItems: items - carryOverItemIds(meeting.id).length,
    agendaDays: agendaDaySpan(db, meeting),
    guests: countCopyableGuests({ meetingId: meeting.id }),
  }
}

/** `copied` counts what was copied: null for what was not asked for. */
export type NextMeetingResult =
  { ok: true; id: number; copied: { items: number | null; guests: number | null } } | { ok: false; fieldErrors: Record<string, string[]> }

/**
 * Schedules the meeting after `fromMeetingId`, copying its agenda and its guests if asked, in
 * one transaction. A copied carry-over item is drawn up again for the new meeting. Refused
 * when the new meeting has fewer days than the agenda it would copy.
 */
export function createNextMeeting({
  bodyId,
  input,
  fromMeetingId,
  copy,
  actor,
}: {
  bodyId: number
  input: MeetingInput
  fromMeetingId: number
  copy: { agenda: boolean; guests: boolean }
  actor: Actor
}): NextMeetingResult {
  return db.transaction(
    (tx) => {
      const source = getNextMeetingSource({ bodyId, meetingId: fromMeetingId })
      if (!source) throw new Response('Not Found', { status: 404 })
      const days = daysBetween(fromWarsawLocal(input.startsAt)!, fromWarsawLocal(input.endsAt)!).length
      if (copy.agenda && source.agendaDays > days)
        return { ok: false as const, fieldErrors: { endsAt: ['meetings.validation.agendaLonger'] } }
      const meeting = insertMeeting(tx, { bodyId, input, actor })
      const audit = (action: string, after: Record<string, unknown>) =>
        recordAudit(tx, { actorUserId: actor.userId, ip: actor.ip, action, entityType: 'meeting', entityId: meeting.id, after })
      let items: number | null = null
      if (copy.agenda) {
        const carryOver = carryOverItemIds(source.id)
        items = copyAgenda(tx, { from: source, to: meeting, skip: carryOver }) || 0
        audit('agenda.copied', { fromMeetingId: source.id, items })
        if (carryOver.length) addCarryOverAgendaItem({ meetingId: meeting.id, actor })
      }
      let guests: number | null = null
      if (copy.guests) {
        guests = copyGuests(tx, { fromMeetingId: source.id, toMeetingId: meeting.id })
        audit('invitation.guestsCopied', { fromMeetingId: source.id, guests })
      }
      return { ok: true as const, id: meeting.id, copied: { items, guests } }
    },
    { behavior: 'immediate' },
  )
}
