import { Link } from '@remix-run/react'
import { format } from 'date-fns'
import { enGB, pl } from 'date-fns/locale'
import type { MeetingState } from '#db/schema/enums'
import { useLang, useT } from '~/i18n/use-t'
import { daysBetween, warsawTime } from '~/utils/time'

export type CalendarMeeting = {
  id: number
  number: number
  topic: string
  bodyName: string
  startsAt: string
  endsAt: string
  state: MeetingState
}

/** One of the first meetings of a day, with how many meetings that day holds in all. */
export type CalendarDayMeeting = CalendarMeeting & { day: string; dayTotal: number }

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/

/** A month `YYYY-MM` from a query parameter; anything else is `null`. */
export function parseMonth(value: string | null | undefined): string | null {
  const match = MONTH.exec(value ?? '')
  if (!match) return null
  const year = Number(match[1])
  return year >= 1990 && year <= 2100 ? value! : null
}

/** '2017-05' moved by `by` months: shiftMonth('2017-01', -1) → '2016-12'. */
export function shiftMonth(month: string, by: number): string {
  const [year, index] = month.split('-').map(Number) as [number, number]
  const date = new Date(Date.UTC(year, index - 1 + by, 1))
  return date.toISOString().slice(0, 7)
}

/** The month's days in weeks from Monday to Sunday; `null` pads the first and last week. */
export function monthGrid(month: string): (string | null)[][] {
  const [year, index] = month.split('-').map(Number) as [number, number]
  const first = new Date(Date.UTC(year, index - 1, 1))
  const length = new Date(Date.UTC(year, index, 0)).getUTCDate()
  const lead = (first.getUTCDay() + 6) % 7 // Monday = 0
  const cells: (string | null)[] = [
    ...Array.from({ length: lead }, () => null),
    ...Array.from({ length }, (_, day) => `${month}-${String(day + 1).padStart(2, '0')}`),
  ]
  while (cells.length % 7) cells.push(null)
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7))
}

/** „maj 2017”, „May 2017”: the month in the nominative. */
export function monthName(month: string, lang: 'pl' | 'en'): string {
  const [year, index] = month.split('-').map(Number) as [number, number]
  return format(new Date(year, index - 1, 1), 'LLLL yyyy', { locale: lang === 'pl' ? pl : enGB })
}

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const

/**
 * A month as a table: one column per weekday, one cell per day listing that day's first
 * meetings and how many more it holds. A meeting of several days is listed on each of them.
 */
export function MonthCalendar({
  month,
  today,
  meetings,
  monthHref,
  moreHref,
}: {
  month: string
  /** The Warsaw day of today, from the server, so that both renders agree. */
  today: string
  meetings: CalendarDayMeeting[]
  monthHref: (month: string) => string
  /** Where the rest of a day's meetings are listed. */
  moreHref: (day: string) => string
}) {
  const t = useT()
  const lang = useLang()
  const byDay = new Map<string, { meeting: CalendarDayMeeting; day: number; of: number }[]>()
  for (const meeting of meetings) {
    const days = daysBetween(meeting.startsAt, meeting.endsAt)
    const entry = { meeting, day: days.indexOf(meeting.day) + 1, of: days.length }
    byDay.set(meeting.day, [...(byDay.get(meeting.day) ?? []), entry])
  }
  const previous = shiftMonth(month, -1)
  const next = shiftMonth(month, 1)
  return (
    <div className="month-calendar">
      <nav className="month-calendar__nav" aria-label={t('calendar.month.navigation')}>
        <Link to={monthHref(previous)}>
          <span aria-hidden="true">← </span>
          {t('calendar.month.previous', { month: monthName(previous, lang) })}
        </Link>
        {today.slice(0, 7) !== month ? <Link to={monthHref(today.slice(0, 7))}>{t('calendar.month.current')}</Link> : null}
        <Link to={monthHref(next)}>
          {t('calendar.month.next', { month: monthName(next, lang) })}
          <span aria-hidden="true"> →</span>
        </Link>
      </nav>
      <div className="table-wrap">
        <table className="month-calendar__grid">
          <caption>{monthName(month, lang)}</caption>
          <thead>
            <tr>
              {weekdays.map((day) => (
                <th key={day} scope="col">
                  <span aria-hidden="true">{t(`calendar.weekday.${day}.short`)}</span>
                  <span className="visually-hidden">{t(`calendar.weekday.${day}`)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {monthGrid(month).map((week) => (
              <tr key={week.find(Boolean)}>
                {week.map((day, index) =>
                  day ? (
                    <td
                      key={day}
                      aria-current={day === today ? 'date' : undefined}
                      className={day === today ? 'month-calendar__today' : undefined}
                    >
                      <time dateTime={day} className="month-calendar__day">
                        {Number(day.slice(8))}
                      </time>
                      {day === today ? <span className="month-calendar__today-label">{t('calendar.month.today')}</span> : null}
                      {byDay.get(day)?.length ? (
                        <ul>
                          {byDay.get(day)!.map(({ meeting, day: n, of }) => (
                            <li key={meeting.id}>
                              <Link to={`/meetings/${meeting.id}`}>
                                <span className="month-calendar__time">
                                  {n === 1 ? warsawTime(meeting.startsAt) : t('calendar.month.dayOf', { day: n, of })}
                                </span>{' '}
                                {meeting.topic}
                              </Link>
                              <span className="month-calendar__body">{meeting.bodyName}</span>
                              {meeting.state === 'cancelled' ? <span className="badge">{t('meetings.state.cancelled')}</span> : null}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                      <MoreOfDay day={day} listed={byDay.get(day) ?? []} href={moreHref(day)} />
                    </td>
                  ) : (
                    <td key={`empty-${index}`} className="month-calendar__outside" />
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}

/** „+4 więcej”, read out as the day's count: the link to where the rest of its meetings are listed. */
function MoreOfDay({ day, listed, href }: { day: string; listed: { meeting: CalendarDayMeeting }[]; href: string }) {
  const t = useT()
  const lang = useLang()
  const total = listed[0]?.meeting.dayTotal ?? 0
  if (total <= listed.length) return null
  const date = format(new Date(`${day}T12:00:00`), 'd MMMM', { locale: lang === 'pl' ? pl : enGB })
  return (
    <Link to={href} className="month-calendar__more">
      <span aria-hidden="true">{t('calendar.month.more', { count: total - listed.length })}</span>
      <span className="visually-hidden">{t('calendar.month.moreOfDay', { count: total - listed.length, total, date })}</span>
    </Link>
  )
}
