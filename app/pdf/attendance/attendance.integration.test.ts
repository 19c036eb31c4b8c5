import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db, schema } from '~/db.server'
import { createCalendarFixture, FUNDING_NOTICE, type CalendarFixture } from '#tests/support/calendar-fixtures'
import { layoutText, pageTexts, pdfFile, pdfFonts, pdfInfo, qpdfCheck, squash } from '#tests/support/pdf'
import { SYSTEM_ACTOR } from '~/models/audit.server'
import { createMeeting } from '~/models/meeting.server'
import { MeetingSchema } from '~/schemas/meeting'
import { buildAttendanceView, peopleCount, renderAttendancePdf } from './build.server'

const ROPS = 'Regionalny Ośrodek Polityki Społecznej Województwa Zachodniopomorskiego'

let fixture: CalendarFixture
let pdf: ReturnType<typeof pdfFile>

beforeAll(async () => {
  fixture = await createCalendarFixture()
  const view = buildAttendanceView({ meetingId: fixture.meetings.dst.id })
  if (!view) throw new Error('no attendance view')
  pdf = pdfFile(await renderAttendancePdf(view))
})
afterAll(() => (process.env.KEEP_PDF ? console.log(pdf.file) : pdf?.remove()))

describe('attendance.pdf', () => {
  it('prints the head of the meeting and the headcount', () => {
    const text = squash(pageTexts(pdf.file).join(' '))
    expect(text).toContain('Lista obecności')
    expect(text).toContain(fixture.bodies.privateBody.name)
    expect(text).toContain('29–30 marca 2025 r.')
    expect(text).toContain('godz. 09:00')
    expect(text).toContain('godz. 15:00')
    expect(text).toContain('Liczba uczestników: 50 osób')
  })

  it('lists every invitee once, grouped by institution, numbered through, with an empty signature column per day', () => {
    const text = squash(pageTexts(pdf.file).join(' '))
    expect(text).toContain('Lp. Imię i nazwisko Stanowisko / Instytucja')
    const header = layoutText(pdf.file)
      .split('\n')
      .filter((line) => /Podpis|\d\d\.\d\d\.2025 r\./.test(line) && !line.includes('Termin') && !line.includes('godz.'))
    expect(squash(header.join(' '))).toBe('Lp. Imię i nazwisko Stanowisko / Instytucja Podpis Podpis 29.03.2025 r. 30.03.2025 r.')
    // Institutions A to Z (Polish order), each followed by its own people, after the table header.
    const table = text.indexOf('Lp. Imię i nazwisko')
    const order = [
      fixture.names.mops,
      `1. ${fixture.people.deputy.name} ${fixture.people.deputy.position} — zastępca`,
      `2. ${fixture.people.delegate.name} ${fixture.people.delegate.position}`,
      fixture.people.guest.organisation,
      `3. ${fixture.people.guest.name} gość`,
      fixture.names.foundation,
      `4. ${fixture.people.speaker.name} ${fixture.people.speaker.position} — gość`,
    ]
    let last = table
    for (const fragment of order) {
      const at = text.indexOf(fragment, last + 1)
      expect(at, fragment).toBeGreaterThan(last)
      last = at
    }
    expect(text).not.toContain('5.')
    // The person of another team who was not invited is not on the list.
    expect(text).not.toContain(fixture.people.other.name)
    // Nothing is written in the signature column: each person's line ends with their description.
    const lines = layoutText(pdf.file).split('\n')
    const delegateLine = lines.find((line) => line.includes(fixture.people.delegate.name)) ?? ''
    const written = delegateLine.split(fixture.people.delegate.name)[1]?.trim() ?? ''
    expect(written.length).toBeGreaterThan(0)
    expect(fixture.people.delegate.position.startsWith(written), written).toBe(true)
  })

  it('numbers the pages "Strona n z N" with the funding notice, also over several pages', async () => {
    const bulk = db.insert(schema.invitations).values(
      Array.from({ length: 60 }, (_, index) => ({
        meetingId: fixture.meetings.dst.id,
        guestName: `Gość Źdźbło-Łęcki ${String(index + 1).padStart(2, '0')}`,
        guestOrganisation: index % 2 ? 'Ochotniczy Hufiec Pracy w Żorach' : 'Zakład Doskonalenia Zawodowego w Katowicach',
        kind: 'guest' as const,
        tokenHash: crypto.randomBytes(32).toString('hex'),
      })),
    )
    bulk.run()
    const file = pdfFile(await renderAttendancePdf(buildAttendanceView({ meetingId: fixture.meetings.dst.id })!))
    try {
      const pages = pageTexts(file.file)
      expect(pages.length).toBeGreaterThan(2)
      pages.forEach((page, index) => {
        expect(squash(page)).toContain(`Strona ${index + 1} z ${pages.length}`)
        expect(squash(page)).toContain(squash(FUNDING_NOTICE))
        expect(squash(page)).toContain('Imię i nazwisko')
      })
      const text = squash(pages.join(' '))
      expect(text).toContain('64. ')
      expect(text).toContain('Gość Źdźbło-Łęcki 60')
      expect(text).toContain('Zakład Doskonalenia Zawodowego w Katowicach (cd.)')
    } finally {
      file.remove()
    }
  })

  it('is a valid file with every font embedded, a title and the convening institution as author', () => {
    const check = qpdfCheck(pdf.file)
    expect(check.stderr).toBe('')
    expect(check.status).toBe(0)
    const fonts = pdfFonts(pdf.file)
    expect(fonts.length).toBeGreaterThan(0)
    for (const font of fonts) expect(font, font.name).toMatchObject({ embedded: true })
    const info = pdfInfo(pdf.file)
    expect(info).toMatch(new RegExp(`^Title:\\s+Lista obecności — ${fixture.bodies.privateBody.name}, Spotkanie nr 1$`, 'm'))
    expect(info).toMatch(new RegExp(`^Author:\\s+${fixture.names.foundation}$`, 'm'))
  })

  it('says when nobody is invited yet', async () => {
    const view = buildAttendanceView({ meetingId: fixture.meetings.privateMeeting.id })!
    expect(view.fileName).toBe('lista-obecności-nr-2.pdf')
    const file = pdfFile(await renderAttendancePdf(view))
    const text = squash(pageTexts(file.file).join(' '))
    file.remove()
    expect(text).toContain('Nikt nie został jeszcze zaproszony na to spotkanie.')
    expect(text).not.toContain('Liczba uczestników')
  })
})

describe('peopleCount', () => {
  it.each([
    [1, '1 osoba'],
    [2, '2 osoby'],
    [4, '4 osoby'],
    [5, '5 osób'],
    [12, '12 osób'],
    [14, '14 osób'],
    [22, '22 osoby'],
    [50, '50 osób'],
    [112, '112 osób'],
    [0, '0 osób'],
  ])('%i → %s', (count, text) => expect(peopleCount(count)).toBe(text))
})

describe('attendance.pdf of a one-day and a five-day meeting', () => {
  it('keeps one signature column for a one-day meeting, on a portrait page', async () => {
    const file = pdfFile(await renderAttendancePdf(buildAttendanceView({ meetingId: fixture.meetings.publicMeeting.id })!))
    try {
      expect(squash(pageTexts(file.file).join(' '))).toContain(`Lp. Imię i nazwisko Stanowisko / Instytucja Podpis ${fixture.names.pup} 1.`)
      expect(layoutText(file.file)).not.toMatch(/Podpis\s+\d/)
      expect(pdfInfo(file.file)).toMatch(/^Page size:\s+595\.28 x 841\.89/m)
    } finally {
      file.remove()
    }
  })

  it('gives each of five days its own column and turns the page on its side', async () => {
    const meeting = createMeeting({
      bodyId: fixture.bodies.privateBody.id,
      input: MeetingSchema.parse({ topic: 'Szkoła letnia', startsAt: '2025-07-07T09:00', endsAt: '2025-07-11T15:00', isPublic: false }),
      actor: SYSTEM_ACTOR,
    })
    db.insert(schema.invitations)
      .values({
        meetingId: meeting.id,
        guestName: 'Anna Nowak',
        guestOrganisation: ROPS,
        kind: 'guest',
        tokenHash: crypto.randomBytes(32).toString('hex'),
      })
      .run()
    const file = pdfFile(await renderAttendancePdf(buildAttendanceView({ meetingId: meeting.id })!))
    try {
      const text = layoutText(file.file)
      for (const day of ['07', '08', '09', '10', '11']) expect(text).toContain(`${day}.07.2025 r.`)
      expect(text.match(/Podpis/g)).toHaveLength(5)
      expect(pdfInfo(file.file)).toMatch(/^Page size:\s+841\.89 x 595\.28/m)
      // The institution's name is read back whole, never split inside a word.
      expect(squash(pageTexts(file.file).join(' '))).toContain(ROPS)
    } finally {
      file.remove()
    }
  })
})
