import crypto from 'node:crypto'
import type { SessionUser } from '~/auth/session.server'
import { db, schema } from '~/db.server'
import { SYSTEM_ACTOR } from '~/models/audit.server'
import { createBody } from '~/models/body.server'
import { addMembership } from '~/models/membership.server'
import { cancelMeeting, createMeeting } from '~/models/meeting.server'
import { createOrganisation } from '~/models/organisation.server'
import { createPerson } from '~/models/person.server'
import { createUser } from '~/models/user.server'
import type { Role } from '#db/schema/enums'
import { BodySchema, MembershipSchema } from '~/schemas/body'
import { MeetingSchema } from '~/schemas/meeting'

/**
 * Two teams of their own, written through the models into whatever database the test uses
 * (a worker's copy, or the test server's): a private advisory team with a project and a
 * two-day meeting across the spring DST change (29–30.03.2025, 09:00–15:00 Warsaw) with its
 * agenda and invitees, and a public working group with a public, a private and a cancelled
 * meeting. Names carry a suffix so that several fixtures live side by side.
 */
export const FUNDING_NOTICE =
  'Projekt współfinansowany ze środków Unii Europejskiej w ramach Europejskiego Funduszu Społecznego — „Zażółć gęślą jaźń”'
const ZORY = '2479011'
const WODZISLAW = '2415041'

function must<T extends { ok: boolean }>(result: T, what: string): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`${what}: ${JSON.stringify(result)}`)
  return result as Extract<T, { ok: true }>
}

async function account(role: Role, name: string, personId: number | null) {
  const email = `calendar-${crypto.randomUUID()}@narada.test`
  const password = `test-${crypto.randomBytes(12).toString('base64url')}`
  const { id } = must(await createUser({ fields: { email, name, role, personId }, password, actor: null }), `account ${name}`)
  const user: SessionUser = { id, email, name, role, personId }
  return { email, password, role, name, user }
}

export async function createCalendarFixture() {
  const suffix = crypto.randomBytes(3).toString('hex')
  const organisation = (name: string, kind: 'ops' | 'pup' | 'ngo', municipalityCode: string) =>
    must(createOrganisation({ input: { name: `${name} ${suffix}`, kind, municipalityCode }, actor: SYSTEM_ACTOR }), name).id
  const names = {
    mops: `Miejski Ośrodek Pomocy Społecznej w Żorach ${suffix}`,
    pup: `Powiatowy Urząd Pracy w Wodzisławiu Śląskim ${suffix}`,
    foundation: `Śląska Fundacja Obywatelska „Źródło” ${suffix}`,
  }
  const mops = organisation('Miejski Ośrodek Pomocy Społecznej w Żorach', 'ops', ZORY)
  const pup = organisation('Powiatowy Urząd Pracy w Wodzisławiu Śląskim', 'pup', WODZISLAW)
  const foundation = organisation('Śląska Fundacja Obywatelska „Źródło”', 'ngo', ZORY)

  const person = (name: string, organisationId: number, position?: string) =>
    must(createPerson({ input: { name, organisationId, position }, actor: SYSTEM_ACTOR }), name).id
  const people = {
    delegate: { name: 'Zażółć Gęślą-Jaźń', position: 'Kierownik Działu Pomocy Środowiskowej' },
    deputy: { name: 'Łucja Świętochowska', position: 'Specjalista pracy socjalnej' },
    other: { name: 'Grzegorz Brzęczyszczykiewicz', position: 'Doradca zawodowy' },
    speaker: { name: 'Małgorzata Żółkiewska', position: 'Prezes Zarządu' },
    guest: { name: 'Jan Żółtowski', organisation: 'Stowarzyszenie „Dobry Start”' },
  }
  const delegateId = person(people.delegate.name, mops, people.delegate.position)
  const deputyId = person(people.deputy.name, mops, people.deputy.position)
  const otherId = person(people.other.name, pup, people.other.position)
  const speakerId = person(people.speaker.name, foundation, people.speaker.position)

  const officer = await account('officer', 'Ewa Ćwiklińska', null)
  const member = await account('member', people.delegate.name, delegateId)
  const otherMember = await account('member', people.other.name, otherId)

  const body = (input: Record<string, unknown>) =>
    must(createBody({ input: BodySchema.parse(input), actor: SYSTEM_ACTOR, convenor: officer.user }), String(input.name)).id
  const privateBody = {
    name: `Zespół doradczy ds. przeciwdziałania wykluczeniu społecznemu ${suffix}`,
    id: body({
      kind: 'advisory_team',
      name: `Zespół doradczy ds. przeciwdziałania wykluczeniu społecznemu ${suffix}`,
      conveningOrganisationId: foundation,
      isPublic: false,
      projectName: 'Fachowa siła przyszłością dla rodziny',
      projectFundingNotice: FUNDING_NOTICE,
    }),
  }
  const publicBody = {
    name: `Grupa robocza ds. współpracy OPS i PUP ${suffix}`,
    id: body({
      kind: 'working_group',
      name: `Grupa robocza ds. współpracy OPS i PUP ${suffix}`,
      conveningOrganisationId: pup,
      isPublic: true,
    }),
  }
  must(
    addMembership({
      bodyId: privateBody.id,
      input: MembershipSchema.parse({
        organisationId: mops,
        delegatePersonId: delegateId,
        deputyPersonId: deputyId,
        role: 'member',
        fromDate: '2000-01-01',
      }),
      actor: SYSTEM_ACTOR,
    }),
    'membership',
  )
  must(
    addMembership({
      bodyId: publicBody.id,
      input: MembershipSchema.parse({ organisationId: pup, delegatePersonId: otherId, role: 'chair', fromDate: '2000-01-01' }),
      actor: SYSTEM_ACTOR,
    }),
    'membership',
  )

  const meeting = (bodyId: number, input: Record<string, unknown>) =>
    createMeeting({ bodyId, input: MeetingSchema.parse(input), actor: SYSTEM_ACTOR })
  const dst = {
    topic: 'Aktywizacja osób długotrwale bezrobotnych — Łódź, Gdańsk, Kraków',
    ...meeting(privateBody.id, {
      topic: 'Aktywizacja osób długotrwale bezrobotnych — Łódź, Gdańsk, Kraków',
      purpose: 'Wypracowanie wspólnych rekomendacji dla ośrodków pomocy społecznej i urzędów pracy.',
      startsAt: '2025-03-29T09:00',
      endsAt: '2025-03-30T15:00',
      venueName: 'Centrum Organizacji Pozarządowych',
      venueRoom: 'sala nr 12',
      venueAddress: 'ul. Żwirki i Wigury 5, 44-240 Żory',
      headcount: '50',
      isPublic: false,
    }),
  }
  const items: {
    day: string
    start: string
    end: string
    kind: 'opening' | 'presentation' | 'workshop' | 'group_work' | 'discussion'
    title: string
    description?: string
    track?: string
    moderator?: number
    speakers?: number[]
  }[] = [
    {
      day: '2025-03-29',
      start: '09:00',
      end: '10:30',
      kind: 'opening',
      title: 'Otwarcie spotkania i przedstawienie uczestników',
      moderator: delegateId,
    },
    {
      day: '2025-03-29',
      start: '10:30',
      end: '12:00',
      kind: 'presentation',
      title: 'Wsparcie osób długotrwale bezrobotnych w Żorach',
      description: 'Wyniki badań ankietowych z 2024 r.',
      speakers: [speakerId, otherId],
    },
    { day: '2025-03-29', start: '12:30', end: '14:00', kind: 'workshop', title: 'Warsztat: diagnoza potrzeb rodzin', track: 'Sala A' },
    {
      day: '2025-03-29',
      start: '12:30',
      end: '14:00',
      kind: 'workshop',
      title: 'Warsztat: ścieżki reintegracji zawodowej',
      track: 'Sala B',
    },
    { day: '2025-03-30', start: '09:00', end: '12:00', kind: 'group_work', title: 'Praca w grupach nad rekomendacjami' },
    { day: '2025-03-30', start: '14:00', end: '15:00', kind: 'discussion', title: 'Podsumowanie i wnioski', moderator: speakerId },
  ]
  items.forEach((item, position) => {
    const { id } = db
      .insert(schema.agendaItems)
      .values({
        meetingId: dst.id,
        day: item.day,
        position,
        startTime: item.start,
        endTime: item.end,
        kind: item.kind,
        title: item.title,
        description: item.description ?? null,
        track: item.track ?? null,
        moderatorPersonId: item.moderator ?? null,
      })
      .returning({ id: schema.agendaItems.id })
      .get()
    item.speakers?.forEach((personId, index) =>
      db.insert(schema.agendaSpeakers).values({ agendaItemId: id, personId, position: index }).run(),
    )
  })
  const invite = (
    meetingId: number,
    values: Partial<typeof schema.invitations.$inferInsert> & Pick<typeof schema.invitations.$inferInsert, 'kind'>,
  ) =>
    db
      .insert(schema.invitations)
      .values({ meetingId, tokenHash: crypto.createHash('sha256').update(crypto.randomBytes(32)).digest('hex'), ...values })
      .run()
  invite(dst.id, { personId: delegateId, kind: 'delegate' })
  invite(dst.id, { personId: deputyId, kind: 'deputy' })
  invite(dst.id, { personId: speakerId, kind: 'guest' })
  invite(dst.id, {
    guestName: people.guest.name,
    guestEmail: 'jan.zoltowski@example.pl',
    guestOrganisation: people.guest.organisation,
    kind: 'guest',
  })

  const publicMeeting = {
    topic: `Współpraca ośrodków pomocy społecznej z urzędami pracy ${suffix}`,
    ...meeting(publicBody.id, {
      topic: `Współpraca ośrodków pomocy społecznej z urzędami pracy ${suffix}`,
      purpose: 'Omówienie porozumień o współpracy.',
      startsAt: '2025-05-16T13:00',
      endsAt: '2025-05-16T15:00',
      venueName: 'Miejski Ośrodek Pomocy Społecznej',
      venueRoom: 'sala konferencyjna',
      venueAddress: 'ul. Daszyńskiego 3, 44-300 Wodzisław Śląski',
      isPublic: true,
    }),
  }
  invite(publicMeeting.id, { personId: otherId, kind: 'delegate' })
  const privateMeeting = {
    topic: `Sprawy wewnętrzne grupy — budżet ${suffix}`,
    ...meeting(publicBody.id, {
      topic: `Sprawy wewnętrzne grupy — budżet ${suffix}`,
      startsAt: '2025-06-10T10:00',
      endsAt: '2025-06-10T12:00',
      isPublic: false,
    }),
  }
  const cancelled = {
    topic: `Spotkanie odwołane z powodu żałoby ${suffix}`,
    ...meeting(publicBody.id, {
      topic: `Spotkanie odwołane z powodu żałoby ${suffix}`,
      startsAt: '2025-06-20T10:00',
      endsAt: '2025-06-20T12:00',
      isPublic: true,
    }),
  }
  cancelMeeting({ id: cancelled.id, reason: 'Brak kworum.', actor: SYSTEM_ACTOR })

  return {
    suffix,
    names,
    people,
    // Names repeat across the scenes of one test server: pick this scene's people by id.
    personIds: { delegate: delegateId, deputy: deputyId, other: otherId, speaker: speakerId },
    accounts: { officer, member, otherMember },
    bodies: { privateBody, publicBody },
    meetings: { dst, publicMeeting, privateMeeting, cancelled },
  }
}
export type CalendarFixture = Awaited<ReturnType<typeof createCalendarFixture>>
