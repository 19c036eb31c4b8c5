import { and, asc, eq, gte, lt, lte, sql } from 'drizzle-orm'
import type { MeetingState } from '#db/schema/enums'
import type { SessionUser } from '~/auth/session.server'
import { db, schema } from '~/db.server'
import { MAX_MEETING_DAYS } from '~/schemas/meeting'
import { keptUntilChange } from '~/utils/until-change.server'
import { fromWarsawLocal } from '~/utils/time'
import { visibleMeetingCondition } from './meeting.server'

const mt = schema.meetings
const b = schema.bodies

/** A day of the month calendar lists this many meetings; the rest it counts. */
export const MEETINGS_PER_DAY = 3

/** The Warsaw days of a month `YYYY-MM`, each as the UTC instants it starts and ends at. */
function monthDays(month: string) {
  const [year, index] = month.split('-').map(Number) as [number, number]
  const length = new Date(Date.UTC(year, index, 0)).getUTCDate()
  const startOf = (day: number) => fromWarsawLocal(`${month}-${String(day).padStart(2, '0')}T00:00`)!.toISOString()
  const nextMonth = new Date(Date.UTC(year, index, 1)).toISOString().slice(0, 10)
  return Array.from({ length }, (_, i) => ({
    day: `${month}-${String(i + 1).padStart(2, '0')}`,
    from: startOf(i + 1),
    to: i + 1 < length ? startOf(i + 2) : fromWarsawLocal(`${nextMonth}T00:00`)!.toISOString(),
  }))
}

/**
 * The meetings a user may see on each Warsaw day of a month, a meeting of several days on each
 * of them: the first MEETINGS_PER_DAY of a day by start, each with how many the day holds.
 */
export function listMonthCalendar({ user, bodyId, month }: { user: SessionUser | null; bodyId?: number; month: string }) {
  const days = monthDays(month)
  const first = days[0]!.from
  const last = days.at(-1)!.to
  const dayTable = sql.join(
    days.map(({ day, from, to }) => sql`select ${day} as day, ${from} as day_from, ${to} as day_to`),
    sql` union all `,
  )
  const ranked = db
    .select({
      day: sql<string>`days.day`.as('day'),
      id: sql<number>`${mt.id}`.as('meeting_id'),
      number: sql<number>`${mt.number}`.as('meeting_number'),
      topic: sql<string>`${mt.topic}`.as('meeting_topic'),
      bodyName: sql<string>`${b.name}`.as('body_name'),
      startsAt: sql<string>`${mt.startsAt}`.as('meeting_starts_at'),
      endsAt: sql<string>`${mt.endsAt}`.as('meeting_ends_at'),
      state: sql<MeetingState>`${mt.state}`.as('meeting_state'),
      position: sql<number>`row_number() over (partition by days.day order by ${mt.startsAt}, ${mt.id})`.as('position'),
      dayTotal: sql<number>`count(*) over (partition by days.day)`.as('day_total'),
    })
    .from(sql`(${dayTable}) as days`)
    .innerJoin(mt, and(lt(mt.startsAt, sql`days.day_to`), gte(mt.endsAt, sql`days.day_from`)))
    .innerJoin(b, eq(b.id, mt.bodyId))
    .where(
      and(
        visibleMeetingCondition(user),
        bodyId ? eq(mt.bodyId, bodyId) : undefined,
        // A meeting lasts at most MAX_MEETING_DAYS: the start index is read from two weeks before the month.
        gte(mt.startsAt, new Date(Date.parse(first) - MAX_MEETING_DAYS * 86_400_000).toISOString()),
        lt(mt.startsAt, last),
        gte(mt.endsAt, first),
      ),
    )
    .as('ranked')
  return keptUntilChange(
    db.select().from(ranked).where(lte(ranked.position, MEETINGS_PER_DAY)).orderBy(asc(ranked.day), asc(ranked.position)),
  )
}
