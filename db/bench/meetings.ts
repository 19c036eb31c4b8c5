import crypto from 'node:crypto'
import type { AgendaItemKind, AttendanceState, InvitationKind, InvitationResponse, MeetingState, MinutesState } from '#db/schema/enums'
import { schema } from '~/db.server'
import { addDays, isoDay, warsawInstant, type Dataset } from './dataset'
import type { Person } from './directory'
import type { Body, Seat } from './teams'
import { AGENDA_TITLES, ROOMS, sentence, TOPICS } from './vocabulary'

export type PlannedMeeting = {
  body: Body
  number: number
  /** The first day, in Warsaw. */
  day: string
  days: number
  /** Minutes after midnight, Warsaw time. */
  startMinute: number
  state: MeetingState
  isPublic: boolean
  /** The conference with the biggest agenda and the longest list of invitees. */
  big: boolean
  minutesState: MinutesState | null
  publish: boolean
}

const DAY_MS = 86_400_000

/**
 * When every team meets, and in which state each meeting and its minutes are on the
 * reference day: held (or cancelled) before it, invited within four weeks after it,
 * planned later. Minutes of the last three weeks are drafts, of the last two months mostly
 * circulated; older ones approved, `published` of them published.
 */
export function planMeetings(ds: Dataset, bodies: Body[], { published }: { published: number }): PlannedMeeting[][] {
  const { random, reference } = ds
  const plans = bodies.map((body, bodyIndex) => {
    const span = body.end.getTime() - body.start.getTime()
    const n = body.meetingCount
    const meetings: PlannedMeeting[] = []
    let previous = ''
    for (let k = 0; k < n; k++) {
      let at = new Date(body.start.getTime() + ((k + 0.5 + (random.next() - 0.5) * 0.6) * span) / n)
      if (previous && isoDay(at) <= previous) at = addDays(new Date(`${previous}T12:00:00Z`), 1)
      while ([0, 6].includes(at.getUTCDay())) at = addDays(at, 1)
      const day = isoDay(at)
      const days = random.chance(0.06) ? random.int(2, 3) : 1
      previous = isoDay(addDays(at, days - 1))
      const startMinute = days > 1 ? 9 * 60 : random.pick([9, 10, 10, 11, 12, 13]) * 60 + random.pick([0, 0, 30])
      const startsAt = new Date(`${day}T12:00:00Z`)
      const ahead = startsAt.getTime() - reference.getTime()
      const state: MeetingState =
        ahead < 0
          ? random.chance(0.05)
            ? 'cancelled'
            : 'held'
          : random.chance(0.03)
            ? 'cancelled'
            : ahead < 28 * DAY_MS
              ? 'invited'
              : 'planned'
      meetings.push({
        body,
        number: k + 1,
        day,
        days,
        startMinute,
        state,
        isPublic: body.isPublic && random.chance(0.85),
        big: false,
        minutesState: null,
        publish: false,
      })
    }
    if (bodyIndex === 0 && meetings.length) {
      const target = isoDay(addDays(reference, -42))
      const big = meetings.reduce((best, m) =>
        Math.abs(Date.parse(m.day) - Date.parse(target)) < Math.abs(Date.parse(best.day) - Date.parse(target)) ? m : best,
      )
      const next = meetings[meetings.indexOf(big) + 1]
      if (!next || Date.parse(next.day) - Date.parse(big.day) > 3 * DAY_MS)
        Object.assign(big, { big: true, days: 3, startMinute: 9 * 60, state: 'held', isPublic: true })
    }
    return meetings
  })

  const old: PlannedMeeting[] = []
  for (const m of plans.flat()) {
    if (m.state !== 'held') continue
    const age = (reference.getTime() - Date.parse(m.day)) / DAY_MS - m.days
    if (age < 21) m.minutesState = 'draft'
    else if (age < 60) m.minutesState = random.weighted({ circulated: 60, draft: 20, approved: 20 })
    else {
      m.minutesState = random.weighted({ approved: 95, draft: 3, circulated: 2 })
      if (m.minutesState === 'approved') old.push(m)
    }
  }
  for (const m of random.sample(old, published)) m.publish = true
  return plans
}

export type WrittenMeeting = {
  id: number
  plan: PlannedMeeting
  startsAt: string
  endsAt: string
  topic: string
  place: string
  agenda: { id: number; kind: AgendaItemKind; title: string; description: string | null }[]
  present: Person[]
  seats: Seat[]
}

type Item = {
  day: string
  start: number
  end: number
  kind: AgendaItemKind
  title: string
  track: string | null
  speakers: Person[]
  moderator: Person | null
}

const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`

/** Writes one team's meetings with their agendas, invitations and attendance; `each` gets every meeting written. */
export function writeMeetings(
  ds: Dataset,
  {
    plans,
    people,
    ids,
    each,
  }: {
    plans: PlannedMeeting[]
    people: Person[]
    ids: Record<'meeting' | 'agenda' | 'invitation' | 'series', number>
    each: (m: WrittenMeeting) => void
  },
) {
  const { random } = ds
  const meetings = ds.writer(schema.meetings)
  const series = ds.writer(schema.meetingSeries)
  const agendaItems = ds.writer(schema.agendaItems)
  const speakers = ds.writer(schema.agendaSpeakers)
  const invitations = ds.writer(schema.invitations)
  let seriesLeft = 0
  let seriesId: number | null = null
  let seriesTopic = ''

  for (const plan of plans) {
    const { body } = plan
    if (seriesLeft === 0 && plan.number > 1 && !plan.big && random.chance(0.04)) {
      seriesLeft = 3
      seriesId = ++ids.series
      seriesTopic = random.pick(TOPICS)
      series.insert({
        id: seriesId,
        bodyId: body.id,
        title: `Cykl spotkań: ${seriesTopic}`,
        plannedCount: 3,
        createdAt: new Date(`${plan.day}T08:00:00Z`).toISOString(),
      })
    }
    const part = seriesLeft ? 4 - seriesLeft : 0
    const topic = plan.big
      ? 'Regionalne Forum Ekonomii Społecznej'
      : part
        ? `${seriesTopic} — spotkanie ${part} z 3`
        : plan.number === 1
          ? 'Spotkanie inauguracyjne zespołu'
          : random.pick(TOPICS)

    const active = body.seats.filter((s) => s.from <= plan.day && (s.to === null || s.to >= plan.day))
    const delegates = active.map((s) => s.delegate).filter((p): p is Person => !!p)
    const chair = active.find((s) => s.role === 'chair')?.delegate ?? delegates[0] ?? null

    const invited = new Map<number, { person: Person; kind: InvitationKind }>()
    const invites = plan.state === 'held' || plan.state === 'invited' || (plan.state === 'cancelled' && random.chance(0.5))
    if (invites) {
      for (const seat of active) {
        if (seat.delegate) invited.set(seat.delegate.id, { person: seat.delegate, kind: 'delegate' })
        if (seat.deputy && random.chance(0.25)) invited.set(seat.deputy.id, { person: seat.deputy, kind: 'deputy' })
      }
      const guests = plan.big ? 160 : random.int(0, 2)
      for (let g = 0; g < guests; g++) {
        const guest = random.pick(people)
        if (!invited.has(guest.id)) invited.set(guest.id, { person: guest, kind: 'guest' })
      }
    }
    const pool = [...delegates, ...[...invited.values()].filter((i) => i.kind === 'guest').map((i) => i.person)]
    const items = agendaOf(ds, plan, pool.length ? pool : people.slice(0, 5), chair)
    const last = items[items.length - 1]!
    const startsAt = warsawInstant(plan.day, items[0]!.start)
    const endsAt = warsawInstant(last.day, last.end)

    const id = ++ids.meeting
    const room = random.pick(ROOMS)
    const cancelled = plan.state === 'cancelled'
    const createdAt = ds.isoDaysBefore(new Date(startsAt), random.int(20, 60))
    const present: Person[] = []
    const answers: { person: Person; kind: InvitationKind; response: InvitationResponse; attendance: AttendanceState }[] = []
    for (const { person, kind } of invited.values()) {
      let response: InvitationResponse = 'pending'
      let attendance: AttendanceState = 'unknown'
      if (plan.state === 'held') {
        response = random.weighted({ yes: 75, no: 10, maybe: 5, pending: 10 })
        attendance =
          response === 'yes'
            ? random.chance(0.92)
              ? 'present'
              : 'excused'
            : response === 'no'
              ? random.chance(0.7)
                ? 'excused'
                : 'absent'
              : random.weighted({ present: 40, absent: 60 })
        if (attendance === 'present') present.push(person)
      } else if (plan.state === 'invited') {
        response = random.weighted({ yes: 45, no: 5, maybe: 10, pending: 40 })
      }
      answers.push({ person, kind, response, attendance })
    }
    meetings.insert({
      id,
      bodyId: body.id,
      number: plan.number,
      topic,
      purpose: random.chance(0.4) ? sentence(random) : null,
      startsAt,
      endsAt,
      venueName: body.convening.name,
      venueAddress: body.convening.address,
      venueRoom: room,
      seriesId: part ? seriesId : null,
      state: plan.state,
      cancelReason: cancelled
        ? random.pick([
            'Brak kworum.',
            'Choroba przewodniczącej zespołu.',
            'Zmiana terminu na wniosek członków.',
            'Przyczyny organizacyjne.',
          ])
        : null,
      isPublic: plan.isPublic,
      headcount: plan.days > 1 && plan.state === 'held' ? present.length + random.int(10, 60) : null,
      sequence: (cancelled ? 1 : 0) + (random.chance(0.15) ? 1 : 0),
      createdAt,
      updatedAt: plan.state === 'held' ? endsAt : createdAt,
    })

    const sentAt = invites ? ds.isoDaysBefore(new Date(startsAt), random.int(10, 21)) : null
    for (const a of answers) {
      const invitationId = ++ids.invitation
      invitations.insert({
        id: invitationId,
        meetingId: id,
        personId: a.person.id,
        kind: a.kind,
        tokenHash: crypto.createHash('sha256').update(`bench-invitation-${invitationId}`).digest('hex'),
        response: a.response,
        respondedAt: a.response === 'pending' || !sentAt ? null : new Date(Date.parse(sentAt) + random.int(1, 7) * DAY_MS).toISOString(),
        sentAt,
        attendance: a.attendance,
        createdAt,
      })
    }
    if (invites && random.chance(0.08)) {
      const invitationId = ++ids.invitation
      invitations.insert({
        id: invitationId,
        meetingId: id,
        guestName: random.pick(['dr hab. Ewa Leś', 'Jan Ekspert', 'Katarzyna Zewnętrzna']),
        guestEmail: `gosc${invitationId}@example.pl`,
        guestOrganisation: random.pick(['Uniwersytet Jagielloński', 'Fundacja Instytut Spraw Publicznych', null]),
        kind: 'guest',
        tokenHash: crypto.createHash('sha256').update(`bench-invitation-${invitationId}`).digest('hex'),
        sentAt,
        attendance: plan.state === 'held' ? 'present' : 'unknown',
        createdAt,
      })
    }

    const agenda: WrittenMeeting['agenda'] = []
    const positions = new Map<string, number>()
    for (const item of items) {
      const agendaId = ++ids.agenda
      const position = (positions.get(item.day) ?? 0) + 1
      positions.set(item.day, position)
      const description = item.kind !== 'break' && random.chance(0.3) ? sentence(random) : null
      agendaItems.insert({
        id: agendaId,
        meetingId: id,
        day: item.day,
        position,
        startTime: hhmm(item.start),
        endTime: hhmm(item.end),
        kind: item.kind,
        title: item.title,
        description,
        moderatorPersonId: item.moderator?.id ?? null,
        track: item.track,
        createdAt,
      })
      Array.from(new Set(item.speakers)).forEach((speaker, i) =>
        speakers.insert({ agendaItemId: agendaId, personId: speaker.id, position: i + 1 }),
      )
      agenda.push({ id: agendaId, kind: item.kind, title: item.title, description })
    }
    if (seriesLeft) seriesLeft--
    each({
      id,
      plan,
      startsAt,
      endsAt,
      topic,
      place: [body.convening.name, body.convening.address, room].join(', '),
      agenda,
      present,
      seats: active,
    })
  }
}

/**
 * An agenda as the sample notes have them: an opening by the chair, presentations and
 * discussion with a break on longer days, parallel workshops on conference days, a close.
 */
function agendaOf(ds: Dataset, plan: PlannedMeeting, pool: Person[], chair: Person | null): Item[] {
  const { random } = ds
  const items: Item[] = []
  const speakersFor = (kind: AgendaItemKind) =>
    kind === 'presentation'
      ? random.sample(pool, random.int(1, 2))
      : kind === 'panel'
        ? random.sample(pool, 3)
        : kind === 'opening' && chair
          ? [chair]
          : []
  const moderatorFor = (kind: AgendaItemKind) =>
    ['discussion', 'panel', 'workshop', 'group_work', 'game'].includes(kind)
      ? random.chance(0.6) && chair
        ? chair
        : random.pick(pool)
      : null
  const duration: Record<AgendaItemKind, [number, number]> = {
    opening: [10, 15],
    presentation: [20, 40],
    workshop: [45, 90],
    panel: [45, 60],
    discussion: [20, 45],
    group_work: [30, 60],
    game: [45, 60],
    break: [15, 30],
    other: [10, 20],
  }
  const push = (day: string, at: number, kind: AgendaItemKind, track: string | null = null, title = random.pick(AGENDA_TITLES[kind]!)) => {
    const [min, max] = duration[kind]
    const length = Math.round(random.int(min, max) / 5) * 5
    items.push({ day, start: at, end: at + length, kind, title, track, speakers: speakersFor(kind), moderator: moderatorFor(kind) })
    return at + length
  }
  const middle = { presentation: 40, discussion: 20, workshop: 8, panel: 5, group_work: 8, game: 2, other: 5 } as Record<
    AgendaItemKind,
    number
  >

  if (plan.days === 1) {
    const n = random.int(5, 9)
    let at = push(plan.day, plan.startMinute, 'opening')
    for (let i = 1; i < n - 1; i++) at = push(plan.day, at, n >= 7 && i === Math.floor(n / 2) ? 'break' : random.weighted(middle))
    push(plan.day, at, 'other', null, random.pick(AGENDA_TITLES.other!))
    return items
  }
  for (let d = 0; d < plan.days; d++) {
    const day = isoDay(addDays(new Date(`${plan.day}T12:00:00Z`), d))
    let at = push(
      day,
      9 * 60,
      d === 0 ? 'opening' : 'other',
      null,
      d === 0 ? random.pick(AGENDA_TITLES.opening!) : 'Podsumowanie poprzedniego dnia',
    )
    for (let slot = 0; slot < (plan.big ? 2 : 1); slot++) {
      at = push(day, at, 'presentation')
      at = push(day, at, 'presentation')
      at = push(day, at, 'break')
      // Parallel workshops share the slot: each track keeps the same start and end.
      const tracks = plan.big ? ['Sala A', 'Sala B', 'Sala C'] : ['Ścieżka 1', 'Ścieżka 2']
      const length = random.pick([60, 75, 90])
      for (const track of tracks) {
        items.push({
          day,
          start: at,
          end: at + length,
          kind: 'workshop',
          title: `${random.pick(AGENDA_TITLES.workshop!)} (${track})`,
          track,
          speakers: speakersFor('presentation'),
          moderator: moderatorFor('workshop'),
        })
      }
      at += length
    }
    at = push(day, at, 'break', null, 'Przerwa obiadowa')
    at = push(day, at, random.pick(['panel', 'group_work', 'discussion'] as const))
    if (plan.big) at = push(day, at, 'game')
    push(
      day,
      at,
      d === plan.days - 1 ? 'other' : 'discussion',
      null,
      d === plan.days - 1 ? 'Podsumowanie i zakończenie konferencji' : 'Dyskusja',
    )
  }
  return items
}
