import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { db, schema } from '~/db.server'
import { SYSTEM_ACTOR } from '~/models/audit.server'
import { createMeeting } from '~/models/meeting.server'
import { MeetingSchema } from '~/schemas/meeting'
import type { CalendarFixture } from '#tests/support/calendar-fixtures'
import { get, login, textOf } from '#tests/support/http'

let fixture: CalendarFixture
const cookies: Record<'officer' | 'otherTeam', string> = { officer: '', otherTeam: '' }
const ids = { publicSeries: 0, privateSeries: 0, first: 0, second: 0, third: 0 }
let title = ''

const seriesOf = (meetingId: number) =>
  db.select({ seriesId: schema.meetings.seriesId }).from(schema.meetings).where(eq(schema.meetings.id, meetingId)).get()!.seriesId!

beforeAll(async () => {
  const { createCalendarFixture } = await import('#tests/support/calendar-fixtures')
  fixture = await createCalendarFixture()
  cookies.officer = await login(fixture.accounts.officer.email, fixture.accounts.officer.password)
  cookies.otherTeam = await login(fixture.accounts.otherMember.email, fixture.accounts.otherMember.password)
  title = `Cykl spotkań 2099 ${fixture.suffix}`
  const meeting = (bodyId: number, day: string, isPublic: boolean, seriesTitle = title) =>
    createMeeting({
      bodyId,
      input: MeetingSchema.parse({
        topic: `Spotkanie cyklu ${day} ${fixture.suffix}`,
        startsAt: `${day}T10:00`,
        endsAt: `${day}T12:00`,
        isPublic,
        seriesTitle,
        seriesPlannedCount: '3',
      }),
      actor: SYSTEM_ACTOR,
    }).id
  ids.third = meeting(fixture.bodies.publicBody.id, '2099-09-10', true)
  ids.first = meeting(fixture.bodies.publicBody.id, '2099-03-10', true)
  ids.second = meeting(fixture.bodies.publicBody.id, '2099-06-10', false)
  ids.publicSeries = seriesOf(ids.first)
  ids.privateSeries = seriesOf(meeting(fixture.bodies.privateBody.id, '2099-04-01', false, `Cykl zespołu ${fixture.suffix}`))
})

describe('a series of meetings', () => {
  it('is named on the meeting page as „Spotkanie 2 z 3”, linking to the series', async () => {
    const html = await (await get(`/meetings/${ids.second}`, { cookie: cookies.officer })).text()
    expect(textOf(html)).toContain(`Spotkanie 2 z 3 w cyklu „${title}”`)
    expect(html).toContain(`href="/series/${ids.publicSeries}"`)
  })

  it('lists its meetings in order to the team, with their places, dates and states', async () => {
    const response = await get(`/series/${ids.publicSeries}`, { cookie: cookies.officer })
    expect(response.status).toBe(200)
    const text = textOf(await response.text())
    expect(text).toContain(title)
    expect(text).toContain('Cykl spotkań zespołu')
    expect(text).toMatch(/spotkanie 1 z 3[\s\S]*10.03.2099 r.[\s\S]*spotkanie 2 z 3[\s\S]*10.06.2099 r.[\s\S]*spotkanie 3 z 3/)
    expect(text).toContain('zaplanowane')
  })

  it('shows a visitor only its public meetings', async () => {
    const response = await get(`/series/${ids.publicSeries}`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain(`href="/meetings/${ids.first}"`)
    expect(html).toContain(`href="/meetings/${ids.third}"`)
    expect(html).not.toContain(`href="/meetings/${ids.second}"`)
    expect(textOf(html)).toContain('spotkanie 3 z 3')
  })

  it('is not found for a visitor or a member of another team when they see none of its meetings', async () => {
    expect((await get(`/series/${ids.privateSeries}`)).status).toBe(404)
    expect((await get(`/series/${ids.privateSeries}`, { cookie: cookies.otherTeam })).status).toBe(404)
    expect((await get(`/series/${ids.privateSeries}`, { cookie: cookies.officer })).status).toBe(200)
  })
})
