import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db, schema } from '~/db.server'
import { SYSTEM_ACTOR } from '~/models/audit.server'
import { cancelMeeting } from '~/models/meeting.server'
import { createCalendarFixture, FUNDING_NOTICE, type CalendarFixture } from '#tests/support/calendar-fixtures'
import { layoutText, pageTexts, pdfFile, pdfFonts, pdfInfo, qpdfCheck, squash } from '#tests/support/pdf'
import { buildAttendanceView, renderAttendancePdf } from '../attendance/build.server'
import { buildAgendaView, renderAgendaPdf } from './build.server'
import type { AgendaDay } from './layout'

let fixture: CalendarFixture
let bytes: Buffer
let pdf: ReturnType<typeof pdfFile>

beforeAll(async () => {
  fixture = await createCalendarFixture()
  const view = buildAgendaView({ meetingId: fixture.meetings.dst.id })
  if (!view) throw new Error('no agenda view')
  bytes = await renderAgendaPdf(view)
  pdf = pdfFile(bytes)
})
afterAll(() => (process.env.KEEP_PDF ? console.log(pdf.file) : pdf?.remove()))

describe('agenda.pdf of a two-day meeting across the spring DST change', () => {
  it('prints the title, the team, the topic, the dates and the venue with Polish letters intact', () => {
    const text = squash(pageTexts(pdf.file).join(' '))
    expect(text).toContain('Program spotkania')
    expect(text).toContain(fixture.bodies.privateBody.name)
    expect(text).toContain(`Spotkanie nr 1 — ${fixture.meetings.dst.topic}`)
    expect(text).toContain('29–30 marca 2025 r.')
    // The meeting's start and end, read back in Warsaw time on both sides of the change.
    expect(text).toContain('29–30 marca 2025 r. (29 marca od godz. 09:00, 30 marca do godz. 15:00)')
    expect(text).toContain('Centrum Organizacji Pozarządowych, sala nr 12, ul. Żwirki i Wigury 5, 44-240 Żory')
    expect(text).toContain('Wypracowanie wspólnych rekomendacji dla ośrodków pomocy społecznej i urzędów pracy.')
    expect(text).toContain(fixture.names.foundation)
  })

  it('lays the agenda out day by day with times, kinds, tracks, speakers and moderators', () => {
    const text = squash(pageTexts(pdf.file).join(' '))
    const day1 = text.indexOf('Dzień 1 — 29 marca 2025 r.')
    const day2 = text.indexOf('Dzień 2 — 30 marca 2025 r.')
    expect(day1).toBeGreaterThan(-1)
    expect(day2).toBeGreaterThan(day1)
    const lines = layoutText(pdf.file).split('\n')
    const line = (fragment: string) => lines.find((l) => l.includes(fragment)) ?? ''
    expect(line('Otwarcie spotkania i')).toMatch(/^\s*09:00–10:30\s/)
    expect(line('Podsumowanie i wnioski')).toMatch(/^\s*14:00–15:00\s/)
    expect(text.indexOf('Podsumowanie i wnioski')).toBeGreaterThan(day2)
    expect(text.indexOf('Warsztat: diagnoza potrzeb rodzin')).toBeLessThan(day2)
    expect(text).toContain('Warsztat · ścieżka równoległa: Sala A')
    expect(text).toContain('Warsztat · ścieżka równoległa: Sala B')
    expect(text).toContain('Wyniki badań ankietowych z 2024 r.')
    expect(text).toContain(`${fixture.people.speaker.name} (${fixture.names.foundation})`)
    expect(text).toContain(`${fixture.people.other.name} (${fixture.names.pup})`)
    expect(text).toContain(`Moderator: ${fixture.people.delegate.name} (${fixture.names.mops})`)
    // The web page's words, by the count: „Prowadzą:” over the two speakers.
    expect(text).toContain(`Prowadzą: ${fixture.people.speaker.name} (${fixture.names.foundation})`)
    expect(text).not.toContain('Prelegenci')
  })

  it('numbers the pages and prints the project funding notice on each', () => {
    const pages = pageTexts(pdf.file)
    pages.forEach((page, index) => {
      expect(squash(page)).toContain(`Strona ${index + 1} z ${pages.length}`)
      expect(squash(page)).toContain(squash(FUNDING_NOTICE))
    })
  })

  it('is a valid PDF/A file with every font embedded and the metadata set', () => {
    const check = qpdfCheck(pdf.file)
    expect(check.stderr).toBe('')
    expect(check.status).toBe(0)
    const fonts = pdfFonts(pdf.file)
    expect(fonts.length).toBeGreaterThan(0)
    for (const font of fonts) expect(font, font.name).toMatchObject({ embedded: true })
    const info = pdfInfo(pdf.file)
    expect(info).toMatch(new RegExp(`^Title:\\s+Program spotkania — ${fixture.bodies.privateBody.name}, Spotkanie nr 1$`, 'm'))
    expect(info).toMatch(new RegExp(`^Author:\\s+${fixture.names.foundation}$`, 'm'))
    expect(info).toMatch(
      /^Subject:\s+Spotkanie nr 1: Aktywizacja osób długotrwale bezrobotnych — Łódź, Gdańsk, Kraków, 29–30 marca 2025 r\.$/m,
    )
    expect(bytes.toString('latin1')).toContain('/Lang (pl-PL)')
    expect(bytes.toString('latin1')).toContain('pdfaid:part')
  })

  it('gives the same bytes for the same meeting, and new ones after a change', async () => {
    const again = await renderAgendaPdf(buildAgendaView({ meetingId: fixture.meetings.dst.id })!)
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')
    expect(sha(again)).toBe(sha(bytes))
    db.update(schema.meetings).set({ updatedAt: '2025-03-01T10:00:00.000Z' }).where(eq(schema.meetings.id, fixture.meetings.dst.id)).run()
    const changed = await renderAgendaPdf(buildAgendaView({ meetingId: fixture.meetings.dst.id })!)
    expect(sha(changed)).not.toBe(sha(bytes))
    const file = pdfFile(changed)
    expect(pdfInfo(file.file)).toMatch(/^CreationDate:\s+2025-03-01T10:00:00Z$/m)
    file.remove()
  })

  it('says when there is no agenda yet, and that a meeting was cancelled', async () => {
    const { cancelled } = fixture.meetings
    cancelMeeting({ id: cancelled.id, reason: 'Brak kworum.', actor: SYSTEM_ACTOR })
    const view = buildAgendaView({ meetingId: cancelled.id })!
    expect(view.fundingNotice).toBeNull()
    const file = pdfFile(await renderAgendaPdf(view))
    const text = squash(pageTexts(file.file).join(' '))
    file.remove()
    expect(text).toContain('Program spotkania nie został jeszcze ustalony.')
    expect(text).toContain('Spotkanie zostało odwołane. Brak kworum.')
    expect(text).toContain('20 czerwca 2025 r.')
    expect(text).not.toContain('współfinansowany')
  })

  it('has no view for a meeting that does not exist', () => {
    expect(buildAgendaView({ meetingId: 999_999 })).toBeNull()
  })
})

describe('agenda.pdf when an institution has a short name', () => {
  it('names speakers and moderators by the short name, while the attendance list keeps the full one', async () => {
    const short = 'ŚFO „Źródło”'
    const foundation = db
      .select({ id: schema.organisations.id })
      .from(schema.organisations)
      .where(eq(schema.organisations.name, fixture.names.foundation))
      .get()!
    db.update(schema.organisations).set({ shortName: short }).where(eq(schema.organisations.id, foundation.id)).run()
    try {
      const file = pdfFile(await renderAgendaPdf(buildAgendaView({ meetingId: fixture.meetings.dst.id })!))
      const text = squash(pageTexts(file.file).join(' '))
      file.remove()
      expect(text).toContain(`${fixture.people.speaker.name} (${short})`)
      expect(text).toContain(`Moderator: ${fixture.people.speaker.name} (${short})`)
      // Only the organiser line still names the foundation in full; no speaker line does.
      expect(text.split(fixture.names.foundation)).toHaveLength(2)
      // An institution without a short name keeps its full name.
      expect(text).toContain(`${fixture.people.other.name} (${fixture.names.pup})`)
      const attendance = pdfFile(await renderAttendancePdf(buildAttendanceView({ meetingId: fixture.meetings.dst.id })!))
      const list = squash(pageTexts(attendance.file).join(' '))
      attendance.remove()
      expect(list).toContain(fixture.names.foundation)
      expect(list).not.toContain(short)
    } finally {
      db.update(schema.organisations).set({ shortName: null }).where(eq(schema.organisations.id, foundation.id)).run()
    }
  })
})

describe('agenda.pdf of a day that starts near the foot of a page', () => {
  it('carries the day heading over with its table rather than leave it alone at the bottom', async () => {
    const view = buildAgendaView({ meetingId: fixture.meetings.dst.id })!
    const [day1, day2] = view.days as [AgendaDay, AgendaDay]
    const filler = day1.items[0]!
    const opening = {
      ...day2.items[0]!,
      title: 'Otwarcie drugiego dnia',
      description: Array(12).fill('Jedna linia opisu punktu.').join('\n'),
    }
    // Each extra row of the first day moves the second day's heading down a little: one of them leaves it
    // with room for three lines of text but not for the table's header and its tall first row.
    for (let extra = 20; extra <= 36; extra++) {
      const items = Array.from({ length: extra }, (_, index) => ({ ...filler, title: `Punkt dodatkowy ${index + 1}` }))
      const days = [
        { ...day1, items: [...day1.items, ...items] },
        { ...day2, items: [opening, ...day2.items.slice(1)] },
      ]
      const file = pdfFile(await renderAgendaPdf({ ...view, days }))
      const pages = pageTexts(file.file).map(squash)
      file.remove()
      const headingPage = pages.find((page) => page.includes(day2.heading))
      expect(headingPage, `${extra} extra rows`).toContain('Otwarcie drugiego dnia')
    }
  })
})
