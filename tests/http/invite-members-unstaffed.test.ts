import { beforeAll, describe, expect, it } from 'vitest'
import { get, location, login, post, setCookie, textOf } from '#tests/support/http'
import {
  createAccount,
  createTestBody,
  createTestMeeting,
  createTestOrganisation,
  createTestPerson,
  seat,
} from '#tests/support/invitations'

// A team whose member institutions have nobody named yet: inviting its members invites nobody,
// and the notice says why instead of claiming everyone is already invited.

function mainText(html: string): string {
  return textOf(html.match(/<main[\s\S]*?<\/main>/)?.[0] ?? '')
}

let cookie: string
let emptyBodyId: number
let emptyPath: string
let mixedPath: string

beforeAll(async () => {
  const officer = await createAccount('officer', 'Halina Zwołująca')
  cookie = await login(officer.email, officer.password)
  const convening = createTestOrganisation('Starostwo Powiatowe', { kind: 'city_hall' })

  emptyBodyId = createTestBody({ conveningOrganisationId: convening, convenor: officer.user, name: 'Zespół bez delegatów' })
  for (let i = 1; i <= 20; i++) seat(emptyBodyId, createTestOrganisation(`Instytucja ${i}`, { kind: 'ngo' }))
  emptyPath = `/meetings/${createTestMeeting(emptyBodyId)}/invitations`

  const mixedBodyId = createTestBody({ conveningOrganisationId: convening, convenor: officer.user, name: 'Zespół częściowo obsadzony' })
  const ops = createTestOrganisation('Gminny Ośrodek Pomocy Społecznej', { kind: 'ops' })
  seat(mixedBodyId, ops, createTestPerson(ops, 'Bożena Wskazana'))
  seat(mixedBodyId, createTestOrganisation('Stowarzyszenie Pierwsze', { kind: 'ngo' }))
  seat(mixedBodyId, createTestOrganisation('Stowarzyszenie Drugie', { kind: 'ngo' }))
  mixedPath = `/meetings/${createTestMeeting(mixedBodyId)}/invitations`
})

async function inviteMembers(path: string): Promise<string> {
  const response = await post(path, { intent: 'invite-members' }, { cookie })
  expect(response.status).toBe(302)
  const flash = setCookie(response, 'narada_flash')!.split(';', 1)[0]!
  return (await get(location(response)!, { cookie: `${cookie}; ${flash}` })).text()
}

describe('inviting the members of a team whose institutions have nobody named', () => {
  it('says the institutions have no delegates or deputies, with a link to the members page', async () => {
    const html = await inviteMembers(emptyPath)
    const text = mainText(html)
    expect(textOf(html)).toContain(
      'Instytucje członkowskie nie mają wskazanych delegatów ani zastępców (20 instytucji) — wskaż ich na stronie członków zespołu.',
    )
    expect(textOf(html)).not.toContain('są już zaproszeni')
    expect(text).toContain('Nikt nie został jeszcze zaproszony.')
    expect(html).toContain(`href="/bodies/${emptyBodyId}/members"`)
  })

  it('names how many institutions have nobody when the others were invited', async () => {
    const html = await inviteMembers(mixedPath)
    expect(textOf(html)).toContain(
      'Zaproszono delegatów i zastępców instytucji członkowskich. 2 instytucje nie mają wskazanego delegata ani zastępcy — wskaż ich na stronie członków zespołu.',
    )
    expect(mainText(html)).toContain('Bożena Wskazana')
  })
})
