import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { admin, officer as demoOfficer } from '#tests/support/accounts'
import type { CalendarFixture } from '#tests/support/calendar-fixtures'
import { get, login } from '#tests/support/http'
import { pageTexts, pdfFile, pdfFonts, qpdfCheck, squash } from '#tests/support/pdf'

type Who = 'visitor' | 'otherTeam' | 'member' | 'officer' | 'admin' | 'demoOfficer'
const everyone: Who[] = ['visitor', 'otherTeam', 'member', 'officer', 'admin', 'demoOfficer']

let fixture: CalendarFixture
const cookies: Partial<Record<Who, string>> = {}
const files: { remove(): void }[] = []

beforeAll(async () => {
  const { createCalendarFixture } = await import('#tests/support/calendar-fixtures')
  fixture = await createCalendarFixture()
  const { officer, member, otherMember } = fixture.accounts
  const accounts = { officer, member, otherTeam: otherMember, admin, demoOfficer }
  for (const [who, account] of Object.entries(accounts)) cookies[who as Who] = await login(account.email, account.password)
})
afterAll(() => files.forEach((file) => file.remove()))

async function download(path: string, who: Who) {
  const response = await get(path, { cookie: cookies[who], headers: { 'Accept-Encoding': 'identity' } })
  return { response, bytes: Buffer.from(await response.arrayBuffer()) }
}

/** The text of a downloaded PDF, after checking that it is a sound file with embedded fonts. */
function readPdf(bytes: Buffer) {
  const file = pdfFile(bytes)
  files.push(file)
  const check = qpdfCheck(file.file)
  expect(check.stderr).toBe('')
  expect(check.status).toBe(0)
  for (const font of pdfFonts(file.file)) expect(font, font.name).toMatchObject({ embedded: true })
  return pageTexts(file.file)
}

const documents = [
  {
    path: 'agenda.pdf',
    fileName: (n: number) => `program-spotkania-nr-${n}.pdf`,
    fallback: (n: number) => `program-spotkania-nr-${n}.pdf`,
    title: 'Program spotkania',
    publicMeeting: everyone,
  },
  {
    path: 'attendance.pdf',
    fileName: (n: number) => `lista-obecno%C5%9Bci-nr-${n}.pdf`,
    fallback: (n: number) => `lista-obecnosci-nr-${n}.pdf`,
    title: 'Lista obecności',
    // The team's alone, like the attendance page: not a visitor's, nor another team's officer's.
    publicMeeting: ['otherTeam', 'officer', 'admin'],
  },
] as const

describe.each(documents)('/meetings/:id/$path', (document) => {
  const cases = (): [keyof CalendarFixture['meetings'], Who[]][] => [
    ['dst', ['member', 'officer', 'admin']],
    ['publicMeeting', [...document.publicMeeting]],
    ['privateMeeting', ['otherTeam', 'officer', 'admin']],
  ]

  it.each(everyone)('is downloaded by %s only for the meetings they may see, 404 otherwise', async (who) => {
    for (const [key, allowed] of cases()) {
      const meeting = fixture.meetings[key]
      const { response, bytes } = await download(`/meetings/${meeting.id}/${document.path}`, who)
      if (!allowed.includes(who)) {
        expect(response.status, `${who} ${key}`).toBe(404)
        expect(response.headers.get('Content-Type')).not.toBe('application/pdf')
        expect(bytes.toString('utf8')).not.toContain(meeting.topic)
        continue
      }
      expect(response.status, `${who} ${key}`).toBe(200)
      expect(response.headers.get('Content-Type')).toBe('application/pdf')
      expect(response.headers.get('Content-Disposition')).toBe(
        `attachment; filename="${document.fallback(meeting.number)}"; filename*=UTF-8''${document.fileName(meeting.number)}`,
      )
      expect(Number(response.headers.get('Content-Length'))).toBe(bytes.byteLength)
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    }
  })

  it('reads back with Polish letters, the team, the DST hours and page numbers', async () => {
    const { bytes } = await download(`/meetings/${fixture.meetings.dst.id}/${document.path}`, 'member')
    const pages = readPdf(bytes)
    const text = squash(pages.join(' '))
    expect(text).toContain(document.title)
    expect(text).toContain(fixture.bodies.privateBody.name)
    expect(text).toContain('29–30 marca 2025 r.')
    expect(text).toContain('godz. 09:00')
    expect(text).toContain('godz. 15:00')
    expect(text).toContain(fixture.names.mops)
    expect(text).toContain(fixture.people.delegate.name)
    pages.forEach((page, index) => expect(squash(page)).toContain(`Strona ${index + 1} z ${pages.length}`))
  })

  it('answers 404 for a meeting that does not exist', async () => {
    expect((await download(`/meetings/999999/${document.path}`, 'admin')).response.status).toBe(404)
  })
})

describe('the PDFs of the demo Wodzisław meeting of 16.05.2017', () => {
  it('show 13:00, ul. Daszyńskiego 3, the institutions and the project’s funding notice', async () => {
    const { db, schema } = await import('~/db.server')
    const { eq } = await import('drizzle-orm')
    const meeting = db
      .select({ id: schema.meetings.id })
      .from(schema.meetings)
      .where(eq(schema.meetings.startsAt, '2017-05-16T11:00:00.000Z'))
      .get()
    expect(meeting, 'the demo data (SEED=demo) has the Wodzisław meeting of 16.05.2017').toBeDefined()
    const agenda = squash(readPdf((await download(`/meetings/${meeting!.id}/agenda.pdf`, 'visitor')).bytes).join(' '))
    expect(agenda).toContain('16 maja 2017 r.')
    expect(agenda).toContain('16.05.2017 r., godz. 13:00–15:00')
    expect(agenda).toContain('13:00–14:00')
    expect(agenda).toContain('ul. Daszyńskiego 3')
    expect(agenda).toContain('POWR.04.01.00-IZ.00-00-004/16')
    const attendance = squash(readPdf((await download(`/meetings/${meeting!.id}/attendance.pdf`, 'admin')).bytes).join(' '))
    expect(attendance).toContain('Lista obecności')
    expect(attendance).toContain('Miejski Ośrodek Pomocy Społecznej w Wodzisławiu Śląskim')
    expect(attendance).toContain('Strona 1 z')
  })
})
