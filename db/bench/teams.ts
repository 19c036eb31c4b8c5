import type { BodyKind, MembershipRole, OrganisationKind } from '#db/schema/enums'
import { schema } from '~/db.server'
import { addDays, isoDay, type Dataset } from './dataset'
import type { Organisation, Person } from './directory'
import { BODY_SUBJECTS, PROGRAMMES, UMBRELLAS } from './vocabulary'

export type Officer = { userId: number; name: string; position: string | null }
export type Seat = {
  organisation: Organisation
  delegate: Person | null
  deputy: Person | null
  role: MembershipRole
  from: string
  to: string | null
}
export type Body = {
  id: number
  kind: BodyKind
  name: string
  convening: Organisation
  isPublic: boolean
  start: Date
  /** The last day a meeting may fall on: the closing day, or a year past the reference. */
  end: Date
  convenor: Officer
  /** The project's notice printed on the team's PDFs. */
  fundingNotice: string | null
  seats: Seat[]
  meetingCount: number
}

export type TeamCounts = {
  bodies: number
  seats: number
  meetings: number
  bigBodyMeetings: number
  bigBodySeats: number
  officerBodies: number
  memberBodies: number
}

const FUNDING_NOTICE = 'Projekt współfinansowany ze środków Unii Europejskiej w ramach Europejskiego Funduszu Społecznego'
const ADVISORY_CONVENORS = { city_hall: 35, ops: 30, pcpr: 10, pup: 15, rops: 5, ngo: 5 } as Record<OrganisationKind, number>
const WORKING_GROUP_CONVENORS = { rops: 30, wup: 15, ops: 25, ngo: 15, pup: 15 } as Record<OrganisationKind, number>

/**
 * The region's teams: who convenes them, what they sit under, which institutions hold their
 * seats (with a delegate and a deputy), who manages them, and how many meetings each will
 * have. The first body is the officer's big one; the officer manages the first
 * `officerBodies`, and the member institution sits on `memberBodies` of them and the rest.
 */
export function buildTeams(
  ds: Dataset,
  {
    counts,
    organisations,
    officer,
    officerPersonId,
    officerOrganisation,
    memberOrganisation,
    memberPerson,
    nextUserId,
    passwordHash,
  }: {
    counts: TeamCounts
    organisations: Organisation[]
    officer: Officer
    officerPersonId: number
    officerOrganisation: Organisation
    memberOrganisation: Organisation
    memberPerson: Person
    nextUserId: number
    passwordHash: string
  },
): Body[] {
  const { random, reference } = ds
  const byKind = new Map<OrganisationKind, Organisation[]>()
  for (const o of organisations) byKind.set(o.kind, [...(byKind.get(o.kind) ?? []), o])
  const byVoivodeship = new Map<string, Organisation[]>()
  for (const o of organisations)
    byVoivodeship.set(o.municipality.voivodeship, [...(byVoivodeship.get(o.municipality.voivodeship) ?? []), o])
  const ofKind = (weights: Record<OrganisationKind, number>) => {
    for (;;) {
      const list = byKind.get(random.weighted(weights))
      if (list?.length) return random.pick(list)
    }
  }

  const projectCount = Math.max(1, Math.round(24 * (counts.bodies / 503)))
  const projects = ds.writer(schema.projects)
  for (let id = 1; id <= projectCount; id++) {
    const total = random.int(300_000, 9_000_000) * 100
    const year = 2014 + random.int(0, 11)
    projects.insert({
      id,
      name:
        random.pick([
          'Razem dla rodziny',
          'Aktywni w regionie',
          'Krok ku pracy',
          'Wspólna sprawa',
          'Model współpracy OPS i PUP',
          'Usługi społeczne w gminie',
        ]) + ` ${id}`,
      programme: random.pick(PROGRAMMES),
      number: `POWR.0${random.int(1, 4)}.0${random.int(1, 3)}.00-00-${String(random.int(1, 9_999)).padStart(4, '0')}/${String(year % 100).padStart(2, '0')}`,
      totalValueGrosze: total,
      euFundingGrosze: Math.round(total * 0.8415),
      targetGroup: random.pick([
        'osoby bezrobotne',
        'rodziny z dziećmi',
        'osoby z niepełnosprawnościami',
        'pracownicy ośrodków pomocy społecznej',
      ]),
      fundingNotice: FUNDING_NOTICE,
      createdAt: ds.isoDaysBefore(reference, random.int(400, 4_000)),
    })
  }

  // The officers of the other teams: one account per convening institution, same password as the demo.
  const officerOf = new Map<number, Officer>()
  const users = ds.writer(schema.users)
  const passwords = ds.writer(schema.passwords)
  let userId = nextUserId
  const convenorFor = (o: Organisation): Officer => {
    const known = officerOf.get(o.id)
    if (known) return known
    // The officer's colleagues manage their institution's other teams: the officer keeps to the chosen ones.
    const person = o.people.find((p) => p !== memberPerson && p.id !== officerPersonId) ?? o.people[0]!
    const id = userId++
    const createdAt = ds.isoDaysBefore(reference, random.int(30, 4_000))
    users.insert({ id, email: `urzednik.${id}@bench.narada.local`, name: person.name, role: 'officer', personId: person.id, createdAt })
    passwords.insert({ userId: id, hash: passwordHash, changedAt: createdAt })
    const made = { userId: id, name: person.name, position: person.position }
    officerOf.set(o.id, made)
    return made
  }

  const seatSizes = spread(random, counts.bodies, counts.seats, counts.bigBodySeats, [6, 20])
  const names = new Set<string>()
  const bodies: Body[] = []
  const writeBody = ds.writer(schema.bodies)
  const writeOfficer = ds.writer(schema.bodyOfficers)
  const writeSeat = ds.writer(schema.memberships)
  const voivodeship12 = (byVoivodeship.get('12') ?? organisations).filter((o) => ['ops', 'city_hall', 'pcpr', 'pup'].includes(o.kind))
  const memberBodies = new Set([
    0,
    ...random.sample(
      Array.from({ length: counts.bodies - 1 }, (_, i) => i + 1),
      counts.memberBodies - 1,
    ),
  ])

  for (let index = 0; index < counts.bodies; index++) {
    const big = index === 0
    const officers = index < counts.officerBodies
    const kind: BodyKind = big ? 'working_group' : random.chance(0.6) ? 'advisory_team' : 'working_group'
    const convening =
      big || (officers && random.chance(0.5))
        ? officerOrganisation
        : officers
          ? random.pick(voivodeship12)
          : ofKind(kind === 'advisory_team' ? ADVISORY_CONVENORS : WORKING_GROUP_CONVENORS)
    const subject = big ? 'ekonomii społecznej' : random.pick(BODY_SUBJECTS)
    let name = `${kind === 'advisory_team' ? 'Zespół Doradczy' : 'Grupa Robocza'} ds. ${subject} ${convening.inPlace}`
    for (let n = 2; names.has(name); n++) name = `${name.replace(/ \(\d+\)$/, '')} (${n})`
    names.add(name)
    const start = big ? addDays(reference, -4_380) : addDays(reference, -random.int(120, 4_380))
    const closed =
      !officers && random.chance(0.08)
        ? addDays(start, random.int(365, Math.max(366, (reference.getTime() - start.getTime()) / 86_400_000 - 30)))
        : null
    const end = closed && closed < addDays(reference, -30) ? closed : addDays(reference, 365)
    const convenor = officers ? officer : convenorFor(convening)
    const id = index + 1
    const createdAt = addDays(start, -30).toISOString()
    const isPublic = big || random.chance(0.65)
    const projectId = big || random.chance(0.15) ? random.int(1, projectCount) : null
    writeBody.insert({
      id,
      kind,
      name,
      mandate: `${kind === 'advisory_team' ? 'Zespół doradczy' : 'Grupa robocza'} złożony z przedstawicieli instytucji i organizacji pozarządowych zajmujących się sprawami ${subject}.`,
      conveningOrganisationId: convening.id,
      umbrella: big ? UMBRELLAS[0] : (kind === 'working_group' && random.chance(0.5)) || random.chance(0.2) ? random.pick(UMBRELLAS) : null,
      projectId,
      isPublic,
      closedAt: end < reference ? end.toISOString() : null,
      createdAt,
      updatedAt: createdAt,
    })
    writeOfficer.insert({ bodyId: id, userId: convenor.userId, role: officers && !big && random.chance(0.2) ? 'secretary' : 'convenor' })

    const members = new Set<Organisation>([convening])
    if (memberBodies.has(index)) members.add(memberOrganisation)
    const local = byVoivodeship.get(convening.municipality.voivodeship) ?? organisations
    while (members.size < Math.min(seatSizes[index]!, organisations.length))
      members.add(random.chance(0.75) ? random.pick(local) : random.pick(organisations))
    const seats: Seat[] = [...members].map((organisation, i) => {
      const ended = organisation !== memberOrganisation && i > 0 && random.chance(0.12)
      const from = isoDay(start)
      const to = ended
        ? isoDay(
            addDays(start, random.int(90, Math.max(91, (Math.min(end.getTime(), reference.getTime()) - start.getTime()) / 86_400_000))),
          )
        : null
      const delegate = organisation === memberOrganisation ? memberPerson : random.pick(organisation.people)
      const deputies = organisation.people.filter((p) => p !== delegate)
      const deputy = deputies.length && random.chance(0.8) ? random.pick(deputies) : null
      const role: MembershipRole = i === 0 ? 'chair' : i === 1 && random.chance(0.3) ? 'secretary' : 'member'
      writeSeat.insert({
        bodyId: id,
        organisationId: organisation.id,
        delegatePersonId: delegate.id,
        deputyPersonId: deputy?.id ?? null,
        role,
        fromDate: from,
        toDate: to,
        createdAt,
      })
      return { organisation, delegate, deputy, role, from, to }
    })
    bodies.push({
      id,
      kind,
      name,
      convening,
      isPublic,
      start,
      end,
      convenor,
      fundingNotice: projectId ? FUNDING_NOTICE : null,
      seats,
      meetingCount: 0,
    })
  }

  // Meetings in proportion to how long a team has met and how often it meets.
  const weights = bodies.map((b, i) => (i === 0 ? 0 : ((b.end.getTime() - b.start.getTime()) / 86_400_000) * (0.5 + random.next())))
  const rest = counts.meetings - counts.bigBodyMeetings
  const sum = weights.reduce((a, b) => a + b, 0)
  bodies.forEach((b, i) => (b.meetingCount = i === 0 ? counts.bigBodyMeetings : Math.max(1, Math.floor((weights[i]! / sum) * rest))))
  const cap = Math.max(1, counts.bigBodyMeetings - 1)
  for (const b of bodies.slice(1)) b.meetingCount = Math.min(b.meetingCount, cap)
  let missing = counts.meetings - bodies.reduce((a, b) => a + b.meetingCount, 0)
  for (let guard = 0; missing > 0 && bodies.length > 1 && guard < counts.meetings * 10; guard++) {
    const b = bodies[random.int(1, bodies.length - 1)]!
    if (b.meetingCount < cap) {
      b.meetingCount++
      missing--
    }
  }
  return bodies
}

/** `count` sizes summing to `total`, the first fixed, the others within `[min, max]` as far as the total allows. */
function spread(random: Dataset['random'], count: number, total: number, first: number, [min, max]: [number, number]): number[] {
  const sizes = [first, ...Array.from({ length: count - 1 }, () => random.int(min, max))]
  let diff = total - sizes.reduce((a, b) => a + b, 0)
  for (let guard = 0; diff !== 0 && count > 1 && guard < total * 20; guard++) {
    const i = random.int(1, count - 1)
    const change = diff > 0 && sizes[i]! < max * 2 ? 1 : diff < 0 && sizes[i]! > 3 ? -1 : 0
    sizes[i]! += change
    diff -= change
  }
  return sizes
}
