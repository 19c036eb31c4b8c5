// The public portal: „/” for a signed-out visitor and /bodies/:bodyId/years/:year. Whatever
// a team keeps internal — a private team or meeting, minutes not yet published or published
// to the members only, a presentation for the members — never appears there.
import crypto from 'node:crypto'
import { Readable } from 'node:stream'
import { beforeAll, describe, expect, it } from 'vitest'
import { officer } from '#tests/support/accounts'
import { baseURL, get, login, textOf } from '#tests/support/http'
import { createTestOrganisation, createTestPerson } from '#tests/support/invitations'
import { sampleFiles } from '#tests/support/zip'
import { SYSTEM_ACTOR } from '~/models/audit.server'
import { createBody } from '~/models/body.server'
import { createMeeting } from '~/models/meeting.server'
import { approveMinutes, publishMinutes } from '~/models/minutes-cycle.server'
import { getMinutes, startMinutes } from '~/models/minutes.server'
import { createPresentation, storeUploadStream } from '~/models/presentation.server'
import { BodySchema } from '~/schemas/body'
import { MeetingSchema } from '~/schemas/meeting'

const u = crypto.randomBytes(4).toString('hex')

const names = {
  publicBody: `Zespół Jawny Portalowy ${u}`,
  privateBody: `Zespół Niejawny Portalowy ${u}`,
  draftMeeting: `Spotkanie z notatką roboczą ${u}`,
  membersMeeting: `Spotkanie z notatką dla członków ${u}`,
  publicMinutesMeeting: `Spotkanie z notatką jawną ${u}`,
  privateMeeting: `Spotkanie zamknięte ${u}`,
  privateBodyMeeting: `Spotkanie zespołu niejawnego ${u}`,
  publicPresentation: `Prezentacja jawna ${u}`,
  membersPresentation: `Prezentacja wewnętrzna ${u}`,
  privateMeetingPresentation: `Prezentacja ze spotkania zamkniętego ${u}`,
}

function body(name: string, isPublic: boolean, conveningOrganisationId: number) {
  const input = BodySchema.parse({
    kind: 'working_group',
    name,
    conveningOrganisationId: String(conveningOrganisationId),
    isPublic: isPublic ? 'on' : undefined,
  })
  const result = createBody({ input, actor: SYSTEM_ACTOR, convenor: null })
  if (!result.ok) throw new Error(JSON.stringify(result))
  return result.id
}

function meeting(bodyId: number, topic: string, day: string, isPublic: boolean) {
  const input = MeetingSchema.parse({ topic, startsAt: `${day}T10:00`, endsAt: `${day}T12:00`, isPublic: isPublic ? 'on' : undefined })
  return createMeeting({ bodyId, input, actor: SYSTEM_ACTOR }).id
}

async function presentation(meetingId: number, title: string, visibility: 'members' | 'public', presenterPersonId: number) {
  const upload = await storeUploadStream({ data: Readable.from([sampleFiles.pdf()]), fileName: `${title}.pdf` })
  const result = createPresentation({
    meetingId,
    input: { title, presenterPersonId, agendaItemId: null, visibility },
    upload,
    actor: SYSTEM_ACTOR,
  })
  if (!result.ok) throw new Error(JSON.stringify(result))
  return result.id
}

async function publish(meetingId: number, visibility: 'members' | 'public') {
  startMinutes({ meetingId, actor: SYSTEM_ACTOR })
  const approved = approveMinutes({
    meetingId,
    approvedBy: 'Zespół',
    approvedOn: '2031-03-20',
    baseRevision: getMinutes({ meetingId })!.revision,
    actor: SYSTEM_ACTOR,
  })
  if (!approved.ok) throw new Error(JSON.stringify(approved))
  const published = await publishMinutes({
    meetingId,
    visibility,
    baseRevision: getMinutes({ meetingId })!.revision,
    actor: SYSTEM_ACTOR,
    origin: baseURL,
  })
  if (!published.ok) throw new Error(JSON.stringify(published))
}

/** The portal page of a team and year as a visitor gets it. */
async function yearPage(bodyId: number, year: number | string, cookie?: string) {
  const response = await get(`/bodies/${bodyId}/years/${year}`, { cookie })
  return { status: response.status, html: await response.text() }
}

const mainOf = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'))

const scene = {} as {
  publicBodyId: number
  privateBodyId: number
  meetings: Record<'draft' | 'members' | 'publicMinutes' | 'private' | 'privateBody', number>
  presentations: Record<'public' | 'members' | 'privateMeeting', number>
}

beforeAll(async () => {
  const organisation = createTestOrganisation('Urząd Gminy Portalowo', { kind: 'city_hall' })
  const presenter = createTestPerson(organisation, 'Żaneta Prezentująca')
  scene.publicBodyId = body(names.publicBody, true, organisation)
  scene.privateBodyId = body(names.privateBody, false, organisation)
  scene.meetings = {
    draft: meeting(scene.publicBodyId, names.draftMeeting, '2031-03-04', true),
    members: meeting(scene.publicBodyId, names.membersMeeting, '2031-03-11', true),
    publicMinutes: meeting(scene.publicBodyId, names.publicMinutesMeeting, '2031-03-18', true),
    private: meeting(scene.publicBodyId, names.privateMeeting, '2032-02-05', false),
    privateBody: meeting(scene.privateBodyId, names.privateBodyMeeting, '2031-03-04', true),
  }
  startMinutes({ meetingId: scene.meetings.draft, actor: SYSTEM_ACTOR })
  await publish(scene.meetings.members, 'members')
  await publish(scene.meetings.publicMinutes, 'public')
  scene.presentations = {
    public: await presentation(scene.meetings.members, names.publicPresentation, 'public', presenter),
    members: await presentation(scene.meetings.members, names.membersPresentation, 'members', presenter),
    privateMeeting: await presentation(scene.meetings.private, names.privateMeetingPresentation, 'public', presenter),
  }
})

describe('the portal on / for a signed-out visitor', () => {
  it('lists the Katowice team with its year 2009, and the sign-in link', async () => {
    const html = await (await get('/')).text()
    const main = mainOf(html)
    expect(textOf(main)).toContain('Archiwum publiczne')
    expect(textOf(main)).toContain('Zespół Doradczy ds. pomocy osobom bezrobotnym')
    expect(main).toMatch(/href="\/bodies\/\d+\/years\/2009"/)
    expect(main).toContain('href="/login"')
  })

  it('lists a public team with its public years only, and no private team', async () => {
    const text = textOf(mainOf(await (await get('/')).text()))
    expect(text).toContain(names.publicBody)
    expect(text).not.toContain(names.privateBody)
    const html = await (await get('/')).text()
    expect(html).toContain(`href="/bodies/${scene.publicBodyId}/years/2031"`)
    // 2032 holds only a private meeting.
    expect(html).not.toContain(`href="/bodies/${scene.publicBodyId}/years/2032"`)
  })

  it('does not offer the private Katowice meeting of 2027 to a signed-in officer either', async () => {
    const cookie = await login(officer.email, officer.password)
    const html = await (await get('/', { cookie })).text()
    expect(textOf(html)).toContain('Archiwum publiczne')
    const katowice = /href="\/bodies\/(\d+)\/years\/2009"/.exec(html)?.[1]
    expect(katowice).toBeDefined()
    expect(html).not.toContain(`href="/bodies/${katowice}/years/2027"`)
    expect((await get(`/bodies/${katowice}/years/2027`, { cookie })).status).toBe(404)
  })
})

describe('a team and year of the portal', () => {
  async function katowiceId() {
    const match = /href="\/bodies\/(\d+)\/years\/2009"/.exec(await (await get('/')).text())
    return Number(match![1])
  }

  it('lists the Katowice meeting of 16.06.2009 with its published minutes, their PDF and verification', async () => {
    const { status, html } = await yearPage(await katowiceId(), 2009)
    expect(status).toBe(200)
    const text = textOf(mainOf(html))
    expect(text).toContain('Zespół Doradczy ds. pomocy osobom bezrobotnym: rok 2009')
    expect(text).toContain('Spotkanie nr 1 — 16 czerwca 2009 r.')
    expect(text).toContain('Prezentacja działań podejmowanych przez Miasto Katowice')
    expect(html).toMatch(/href="\/meetings\/(\d+)\/minutes"/)
    expect(html).toMatch(/href="\/meetings\/\d+\/minutes\.pdf"/)
    expect(html).toMatch(/href="\/verify\/[0-9A-Z]{12}"/)
    expect(html).toMatch(/href="\/meetings\/\d+\/agenda\.pdf"/)
    // Breadcrumbs and the year navigation.
    expect(html).toContain('aria-label="Ścieżka nawigacji"')
    expect(textOf(html)).toContain('Lata spotkań zespołu: 2009')
  })

  it('shows the public minutes and presentation of a public team, and nothing internal', async () => {
    const { status, html } = await yearPage(scene.publicBodyId, 2031)
    expect(status).toBe(200)
    const main = mainOf(html)
    const text = textOf(main)
    for (const topic of [names.draftMeeting, names.membersMeeting, names.publicMinutesMeeting]) expect(text).toContain(topic)
    expect(main).toContain(`href="/meetings/${scene.meetings.publicMinutes}/minutes"`)
    expect(main).toContain(`href="/meetings/${scene.meetings.publicMinutes}/minutes.pdf"`)
    expect(text).toContain(names.publicPresentation)
    expect(main).toContain(`href="/presentations/${scene.presentations.public}/`)

    // Draft minutes and minutes published to the members only are not offered.
    for (const id of [scene.meetings.draft, scene.meetings.members]) {
      expect(main).not.toContain(`/meetings/${id}/minutes`)
    }
    expect(text).not.toContain(names.membersPresentation)
    expect(main).not.toContain(`/presentations/${scene.presentations.members}/`)
    expect(text).not.toContain(names.privateMeeting)
    expect(text).not.toContain(names.privateMeetingPresentation)
    expect(main).not.toContain(`/meetings/${scene.meetings.private}`)
  })

  it('is the same public record for a signed-in user', async () => {
    const cookie = await login(officer.email, officer.password)
    const { status, html } = await yearPage(scene.publicBodyId, 2031, cookie)
    expect(status).toBe(200)
    expect(textOf(mainOf(html))).not.toContain(names.membersPresentation)
  })

  it.each([
    ['a year with only a private meeting', () => `/bodies/${scene.publicBodyId}/years/2032`],
    ['a year without meetings', () => `/bodies/${scene.publicBodyId}/years/1999`],
    ['a private team', () => `/bodies/${scene.privateBodyId}/years/2031`],
    ['a team that does not exist', () => '/bodies/999999/years/2031'],
    ['a year that is not one', () => `/bodies/${scene.publicBodyId}/years/31`],
    ['a year with letters', () => `/bodies/${scene.publicBodyId}/years/2031a`],
  ])('answers 404 for %s', async (_, path) => {
    expect((await get(path())).status).toBe(404)
  })

  it('keeps a private team and its meeting out of the portal even when the meeting is marked public', async () => {
    const text = textOf(mainOf(await (await get('/')).text()))
    expect(text).not.toContain(names.privateBodyMeeting)
    expect((await yearPage(scene.privateBodyId, 2031)).status).toBe(404)
  })

  it('lists the ROPS Kraków presentations but not its minutes, published to the group only', async () => {
    const match = /href="\/bodies\/(\d+)\/years\/2013"/.exec(await (await get('/')).text())
    expect(match).not.toBeNull()
    const { html } = await yearPage(Number(match![1]), 2013)
    const main = mainOf(html)
    const text = textOf(main)
    expect(text).toContain('„SOS w oddłużaniu” – dobra praktyka współpracy MOPS i PUP w Tarnowie')
    expect(text).toContain('Planowane zmiany w ustawie o promocji zatrudnienia i instytucjach rynku pracy')
    expect(text).toContain('prezentuje: Jakub Wrona')
    expect(main).not.toMatch(/\/meetings\/\d+\/minutes/)
    expect(text).toContain('Notatka z tego spotkania nie została opublikowana.')
  })
})
