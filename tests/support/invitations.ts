import crypto from 'node:crypto'
import type { OrganisationKind, Role } from '#db/schema/enums'
import type { SessionUser } from '~/auth/session.server'
import { SYSTEM_ACTOR } from '~/models/audit.server'
import { createBody } from '~/models/body.server'
import { addMembership } from '~/models/membership.server'
import { createMeeting } from '~/models/meeting.server'
import { createOrganisation } from '~/models/organisation.server'
import { createPerson } from '~/models/person.server'
import { createUser } from '~/models/user.server'
import { BodySchema, MembershipSchema } from '~/schemas/body'
import { MeetingSchema } from '~/schemas/meeting'

// A team with two member institutions, its convenor, a member and an outsider, and one
// meeting: written through the models into whichever database the test runs against.

const unique = () => crypto.randomBytes(4).toString('hex')

function ok<T extends { ok: boolean }>(result: T, what: string): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`${what}: ${JSON.stringify(result)}`)
  return result as Extract<T, { ok: true }>
}

export function createTestOrganisation(name: string, extra: { kind?: OrganisationKind; email?: string; municipalityCode?: string } = {}) {
  return ok(
    createOrganisation({
      input: {
        name: `${name} ${unique()}`,
        kind: extra.kind ?? 'ops',
        municipalityCode: extra.municipalityCode ?? '2469011',
        email: extra.email,
      },
      actor: SYSTEM_ACTOR,
    }),
    'organisation',
  ).id
}

export function createTestPerson(organisationId: number, name: string, email?: string) {
  return ok(createPerson({ input: { name, organisationId, email }, actor: SYSTEM_ACTOR }), 'person').id
}

export type TestAccount = { email: string; password: string; user: SessionUser }

export async function createAccount(role: Role, name: string, personId?: number): Promise<TestAccount> {
  const email = `test-${unique()}@narada.test`
  const password = `test-${crypto.randomBytes(12).toString('base64url')}`
  const { id } = ok(await createUser({ fields: { email, name, role, personId: personId ?? null }, password, actor: null }), 'user')
  return { email, password, user: { id, email, name, role, personId: personId ?? null } }
}

export function createTestBody({
  conveningOrganisationId,
  convenor,
  name = 'Zespół testowy',
}: {
  conveningOrganisationId: number
  convenor: SessionUser | null
  name?: string
}) {
  const input = BodySchema.parse({
    kind: 'advisory_team',
    name: `${name} ${unique()}`,
    conveningOrganisationId: String(conveningOrganisationId),
  })
  return ok(createBody({ input, actor: SYSTEM_ACTOR, convenor }), 'body').id
}

export function seat(bodyId: number, organisationId: number, delegatePersonId?: number, deputyPersonId?: number, fromDate = '2000-01-01') {
  const input = MembershipSchema.parse({
    organisationId: String(organisationId),
    delegatePersonId: delegatePersonId ? String(delegatePersonId) : undefined,
    deputyPersonId: deputyPersonId ? String(deputyPersonId) : undefined,
    role: 'member',
    fromDate,
  })
  return ok(addMembership({ bodyId, input, actor: SYSTEM_ACTOR }), 'membership').id
}

export function createTestMeeting(
  bodyId: number,
  { startsAt = '2031-05-16T13:00', endsAt = '2031-05-16T15:00', topic = 'Współpraca OPS i PUP w aktywizacji osób bezrobotnych' } = {},
) {
  const input = MeetingSchema.parse({
    topic,
    startsAt,
    endsAt,
    venueName: 'Sala konferencyjna MOPS',
    venueAddress: 'ul. Daszyńskiego 3, Wodzisław Śląski',
    venueRoom: 'sala 12',
  })
  return createMeeting({ bodyId, input, actor: SYSTEM_ACTOR }).id
}

/**
 * Urząd Miasta convenes a team of MOPS (delegate with an e-mail, deputy without one) and
 * PUP (delegate with an e-mail). The member account belongs to the MOPS delegate; the
 * outsider sits on another team only.
 */
export async function createInvitationScene() {
  const convening = createTestOrganisation('Urząd Miasta Wodzisław Śląski', { kind: 'city_hall', email: `um-${unique()}@wodzislaw.test` })
  const mops = createTestOrganisation('Miejski Ośrodek Pomocy Społecznej', { kind: 'ops' })
  const pup = createTestOrganisation('Powiatowy Urząd Pracy', { kind: 'pup' })
  const other = createTestOrganisation('Fundacja Inny Zespół', { kind: 'ngo' })
  const emails = {
    mopsDelegate: `anna.lecka-${unique()}@mops.test`,
    pupDelegate: `g.zdzblo-${unique()}@pup.test`,
    outsider: `obca-${unique()}@fundacja.test`,
  }
  const people = {
    mopsDelegate: createTestPerson(mops, 'Anna Łęcka', emails.mopsDelegate),
    mopsDeputy: createTestPerson(mops, 'Żaneta Bez-Adresu'),
    pupDelegate: createTestPerson(pup, 'Grzegorz Źdźbło', emails.pupDelegate),
    outsider: createTestPerson(other, 'Ołeksandra Obca', emails.outsider),
  }
  const officer = await createAccount('officer', 'Gizela Prowadząca')
  const member = await createAccount('member', 'Anna Łęcka', people.mopsDelegate)
  const outsider = await createAccount('member', 'Ołeksandra Obca', people.outsider)
  const bodyId = createTestBody({ conveningOrganisationId: convening, convenor: officer.user })
  seat(bodyId, mops, people.mopsDelegate, people.mopsDeputy)
  seat(bodyId, pup, people.pupDelegate)
  const otherBodyId = createTestBody({ conveningOrganisationId: other, convenor: null, name: 'Inny zespół' })
  seat(otherBodyId, other, people.outsider)
  const meetingId = createTestMeeting(bodyId)
  return {
    organisations: { convening, mops, pup, other },
    people,
    emails,
    accounts: { officer, member, outsider },
    bodyId,
    otherBodyId,
    meetingId,
  }
}
