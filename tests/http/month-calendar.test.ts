import { beforeAll, describe, expect, it } from 'vitest'
import { admin } from '#tests/support/accounts'
import type { CalendarFixture } from '#tests/support/calendar-fixtures'
import { get, login, textOf } from '#tests/support/http'

let fixture: CalendarFixture
let cookie = ''
const topics: string[] = []

/** Five meetings on 12 February 2033 and one on 13 February, of the fixture's public team. */
beforeAll(async () => {
  const { createCalendarFixture } = await import('#tests/support/calendar-fixtures')
  fixture = await createCalendarFixture()
  const { createMeeting } = await import('~/models/meeting.server')
  const { MeetingSchema } = await import('~/schemas/meeting')
  const { SYSTEM_ACTOR } = await import('~/models/audit.server')
  const meeting = (topic: string, startsAt: string, endsAt: string) => {
    const input = MeetingSchema.parse({ topic, startsAt, endsAt, isPublic: true })
    createMeeting({ bodyId: fixture.bodies.publicBody.id, input, actor: SYSTEM_ACTOR })
  }
  for (const hour of ['08', '09', '10', '11', '12']) {
    topics.push(`Dyżur o ${hour}`)
    meeting(`Dyżur o ${hour}`, `2033-02-12T${hour}:00`, `2033-02-12T${hour}:45`)
  }
  meeting('Dyżur następnego dnia', '2033-02-13T09:00', '2033-02-13T10:00')
  cookie = await login(admin.email, admin.password)
})

describe('the month calendar', () => {
  it('lists a busy day’s first three meetings and links to the rest with their count', async () => {
    const html = await (await get(`/meetings?view=month&month=2033-02&body=${fixture.bodies.publicBody.id}`, { cookie })).text()
    const cell = (day: string) => html.match(new RegExp(`<td[^>]*><time dateTime="${day}"[\\s\\S]*?</td>`))?.[0] ?? ''
    const busy = textOf(cell('2033-02-12'))
    for (const topic of topics.slice(0, 3)) expect(busy).toContain(`${topic.slice(-2)}:00 ${topic}`)
    for (const topic of topics.slice(3)) expect(busy).not.toContain(topic)
    expect(busy).toContain('+2 więcej')
    expect(busy).toContain('Jeszcze 2 z 5 spotkań dnia 12 lutego')
    const more = cell('2033-02-12').match(/<a[^>]*class="month-calendar__more"[^>]*>/)?.[0] ?? ''
    expect(more).toContain(`href="/meetings?body=${fixture.bodies.publicBody.id}&amp;year=2033&amp;month=2"`)

    const quiet = textOf(cell('2033-02-13'))
    expect(quiet).toContain('Dyżur następnego dnia')
    expect(quiet).not.toContain('więcej')
  })
})
