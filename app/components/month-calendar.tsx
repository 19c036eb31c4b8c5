import { Form, Link } from '@remix-run/react'
import { format } from 'date-fns'
import { enGB, pl } from 'date-fns/locale'
import type { MeetingState } from '#db/schema/enums'
import { TableRegion } from '~/components/table-region'
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

/** The years a month picker offers: those from the first to the last year with meetings, and this one. */
export function pickerYears(yearsWithMeetings: number[], month: string, today: string): number[] {
  const shown = [...yearsWithMeetings, Number(month.slice(0, 4)), Number(today.slice(0, 4))]
  const first = Math.min(...shown)
  return Array.from({ length: Math.max(...shown) - first + 1 }, (_, i) => first + i)
}

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const

type DayEntry = { meeting: CalendarDayMeeting; day: number; of: number }

/**
 * A month as a table: one column per weekday, one cell per day listing that day's first
 * meetings and how many more it holds. A meeting of several days is listed on each of them.
 * On a phone the same days are a list of those with meetings (a 7-column grid would not fit).
 */
export function MonthCalendar({
  month,
  today,
  meetings,
  years,
  keep,
  monthHref,
  moreHref,
}: {
  month: string
  /** The Warsaw day of today, from the server, so that both renders agree. */
  today: string
  meetings: CalendarDayMeeting[]
  /** The years the picker offers. */
  years: number[]
  /** Query parameters the picker keeps (the team the calendar is filtered by). */
  keep: Record<string, string>
  monthHref: (month: string) => string
  /** Where the rest of a day's meetings are listed. */
  moreHref: (day: string) => string
}) {
  const t = useT()
  const lang = useLang()
  const byDay = new Map<string, DayEntry[]>()
  for (const meeting of meetings) {
    const days = daysBetween(meeting.startsAt, meeting.endsAt)
    const entry = { meeting, day: days.indexOf(meeting.day) + 1, of: days.length }
    byDay.set(meeting.day, [...(byDay.get(meeting.day) ?? []), entry])
  }
  const previous = shiftMonth(month, -1)
  const next = shiftMonth(month, 1)
  return (
    <div className="month-calendar">
      <MonthPicker month={month} years={years} keep={keep} />
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
      <TableRegion labelledBy="month-calendar-caption">
        <table className="month-calendar__grid">
          <caption id="month-calendar-caption">{monthName(month, lang)}</caption>
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
                      <DayMeetings entries={byDay.get(day) ?? []} />
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
      </TableRegion>
      <section className="month-agenda" aria-labelledby="month-agenda-heading">
        <h2 id="month-agenda-heading">{monthName(month, lang)}</h2>
        {byDay.size ? (
          <ol>
            {[...byDay].map(([day, entries]) => (
              <li key={day} aria-current={day === today ? 'date' : undefined}>
                <h3>
                  <time dateTime={day}>{format(new Date(`${day}T12:00:00`), 'EEEE, d MMMM', { locale: lang === 'pl' ? pl : enGB })}</time>
                  {day === today ? <span className="month-calendar__today-label">{t('calendar.month.today')}</span> : null}
                </h3>
                <DayMeetings entries={entries} />
                <MoreOfDay day={day} listed={entries} href={moreHref(day)} />
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('calendar.month.none')}</p>
        )}
      </section>
    </div>
  )
}

/** A GET form: it works without JavaScript, and each select is a labelled field. */
function MonthPicker({ month, years, keep }: { month: string; years: number[]; keep: Record<string, string> }) {
  const t = useT()
  const lang = useLang()
  return (
    <Form method="get" action="/meetings" className="month-picker" aria-label={t('calendar.month.picker')}>
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="view" value="month" />
      <div className="field">
        <label htmlFor="picker-month">{t('calendar.month.pickMonth')}</label>
        <select id="picker-month" name="monthOfYear" defaultValue={month.slice(5)} key={month}>
          {Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0')).map((index) => (
            <option key={index} value={index}>
              {format(new Date(2000, Number(index) - 1, 1), 'LLLL', { locale: lang === 'pl' ? pl : enGB })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="picker-year">{t('calendar.month.pickYear')}</label>
        <select id="picker-year" name="year" defaultValue={month.slice(0, 4)} key={`${month}-year`}>
          {years.map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">{t('calendar.month.show')}</button>
    </Form>
  )
}

function DayMeetings({ entries }: { entries: DayEntry[] }) {
  const t = useT()
  if (!entries.length) return null
  return (
    <ul className="month-calendar__meetings">
      {entries.map(({ meeting, day: n, of }) => (
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
