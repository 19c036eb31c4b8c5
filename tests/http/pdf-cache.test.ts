import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { admin } from '#tests/support/accounts'
import type { CalendarFixture } from '#tests/support/calendar-fixtures'
import { get, login } from '#tests/support/http'
import { pageTexts, pdfFile, squash } from '#tests/support/pdf'

let fixture: CalendarFixture
let cookie: string
const files: { remove(): void }[] = []

beforeAll(async () => {
  const { createCalendarFixture } = await import('#tests/support/calendar-fixtures')
  fixture = await createCalendarFixture()
  cookie = await login(admin.email, admin.password)
})
afterAll(() => files.forEach((file) => file.remove()))

const download = (path: string, headers: Record<string, string> = {}) =>
  get(path, { cookie, headers: { 'Accept-Encoding': 'identity', ...headers } })

function textOf(bytes: Buffer) {
  const file = pdfFile(bytes)
  files.push(file)
  return squash(pageTexts(file.file).join(' '))
}

async function addAgendaItem(meetingId: number, title: string) {
  const { addAgendaItem } = await import('~/models/agenda.server')
  const { SYSTEM_ACTOR } = await import('~/models/audit.server')
  const { getMeeting } = await import('~/models/meeting.server')
  const { agendaItemSchema } = await import('~/schemas/agenda')
  const { daysBetween } = await import('~/utils/time')
  const meeting = getMeeting({ id: meetingId })!
  const input = agendaItemSchema().parse({ day: daysBetween(meeting.startsAt, meeting.endsAt)[0], kind: 'discussion', title })
  const result = addAgendaItem({ meetingId, input, actor: SYSTEM_ACTOR })
  expect(result, title).toMatchObject({ ok: true })
}

describe.each(['agenda.pdf', 'attendance.pdf'])('/meetings/:id/%s', (document) => {
  it('comes with a strong ETag, and a revalidation naming it is answered 304 without a body', async () => {
    const path = `/meetings/${fixture.meetings.dst.id}/${document}`
    const first = await download(path)
    expect(first.status).toBe(200)
    const etag = first.headers.get('ETag')
    expect(etag).toMatch(/^"[^"]+"$/)
    expect(first.headers.get('Cache-Control')).toBe('private, no-cache')
    expect(first.headers.get('Content-Type')).toBe('application/pdf')
    expect(first.headers.get('Content-Disposition')).toMatch(/^attachment; filename="/)
    const bytes = Buffer.from(await first.arrayBuffer())
    expect(Number(first.headers.get('Content-Length'))).toBe(bytes.byteLength)
    expect(textOf(bytes)).toContain(fixture.bodies.privateBody.name)

    const revalidated = await download(path, { 'If-None-Match': etag! })
    expect(revalidated.status).toBe(304)
    expect(revalidated.headers.get('ETag')).toBe(etag)
    expect((await revalidated.arrayBuffer()).byteLength).toBe(0)

    const again = await download(path, { 'If-None-Match': '"something-else"' })
    expect(again.status).toBe(200)
    expect(again.headers.get('ETag')).toBe(etag)
    expect(Buffer.from(await again.arrayBuffer()).equals(bytes)).toBe(true)
  })
})

describe('the agenda PDF after the agenda changes', () => {
  it('gets a new ETag, and a revalidation with the old one receives the new document', async () => {
    const meetingId = fixture.meetings.publicMeeting.id
    const path = `/meetings/${meetingId}/agenda.pdf`
    const before = await download(path)
    const oldEtag = before.headers.get('ETag')!
    expect(before.status).toBe(200)

    const title = `Dyskusja o zmianach w budżecie ${crypto.randomUUID().slice(0, 8)}`
    await addAgendaItem(meetingId, title)

    const after = await download(path, { 'If-None-Match': oldEtag })
    expect(after.status).toBe(200)
    expect(after.headers.get('ETag')).not.toBe(oldEtag)
    expect(textOf(Buffer.from(await after.arrayBuffer()))).toContain(title)
  })
})

describe('rendering in the server’s worker threads', () => {
  it('gives the same bytes as rendering the same view in this process', async () => {
    const { buildAgendaView, renderAgendaPdf } = await import('~/pdf/agenda/build.server')
    const { buildAttendanceView, renderAttendancePdf } = await import('~/pdf/attendance/build.server')
    const meetingId = fixture.meetings.dst.id
    const served = async (document: string) => Buffer.from(await (await download(`/meetings/${meetingId}/${document}`)).arrayBuffer())
    expect((await served('agenda.pdf')).equals(await renderAgendaPdf(buildAgendaView({ meetingId })!))).toBe(true)
    expect((await served('attendance.pdf')).equals(await renderAttendancePdf(buildAttendanceView({ meetingId })!))).toBe(true)
  })

  it('leaves /healthz answering while 20 PDFs are being rendered', async () => {
    const { createCalendarFixture } = await import('#tests/support/calendar-fixtures')
    await createCalendarFixture()
    const { db, schema } = await import('~/db.server')
    const { ne } = await import('drizzle-orm')
    const meetings = db
      .select({ id: schema.meetings.id })
      .from(schema.meetings)
      .where(ne(schema.meetings.state, 'cancelled'))
      .limit(10)
      .all()
    expect(meetings).toHaveLength(10)
    // New agenda items make every agenda a document the server has not rendered yet.
    const run = crypto.randomUUID().slice(0, 8)
    for (const { id } of meetings) await addAgendaItem(id, `Punkt ${run}`)

    let pdfsDone = 0
    const pdfs = meetings.flatMap(({ id }) =>
      ['agenda.pdf', 'attendance.pdf'].map((document) =>
        download(`/meetings/${id}/${document}`).then(async (response) => {
          const bytes = Buffer.from(await response.arrayBuffer())
          pdfsDone++
          return { status: response.status, bytes }
        }),
      ),
    )
    const health = await get('/healthz')
    const pdfsDoneWhenHealthAnswered = pdfsDone
    expect(health.status).toBe(200)
    expect(await health.text()).toBe('ok')
    expect(pdfsDoneWhenHealthAnswered).toBeLessThan(pdfs.length)
    for (const { status, bytes } of await Promise.all(pdfs)) {
      expect(status).toBe(200)
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    }
  })
})
