/**
 * The three teams of ../shared/samples/ and their meetings, as the notes tell them. Where a
 * note is silent (the hour of the Katowice and Kraków meetings, their venues) the demo says
 * nothing either: hours are a working day's usual ones, venues are left empty.
 */
import crypto from 'node:crypto'
import { db, schema } from '~/db.server'
import { SYSTEM_ACTOR } from '~/models/audit.server'
import { createBody } from '~/models/body.server'
import { addMembership } from '~/models/membership.server'
import { createMeeting, setMeetingState } from '~/models/meeting.server'
import type { AgendaItemKind, AttendanceState, InvitationKind } from '#db/schema/enums'
import type { BodyInput, MembershipInput } from '~/schemas/body'
import type { MeetingInput } from '~/schemas/meeting'

type Ids = { organisationIds: Map<string, number>; personIds: Map<string, number>; officerUserId: number }

type DemoItem = {
  day: string
  start?: string
  end?: string
  kind: AgendaItemKind
  title: string
  description?: string
  speakers?: string[]
  moderator?: string
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Demo data: no ${what}`)
  return value
}

export function seedTeams({ organisationIds, personIds, officerUserId }: Ids) {
  const org = (key: string) => must(organisationIds.get(key), `institution ${key}`)
  const person = (key: string) => must(personIds.get(key), `person ${key}`)
  const officer = db
    .select({
      id: schema.users.id,
      email: schema.users.email,
      name: schema.users.name,
      role: schema.users.role,
      personId: schema.users.personId,
    })
    .from(schema.users)
    .all()
    .find((u) => u.id === officerUserId)!

  function body(input: Omit<BodyInput, 'isPublic'> & { isPublic?: boolean }, convenor = true) {
    const result = createBody({ input: { isPublic: true, ...input }, actor: SYSTEM_ACTOR, convenor: convenor ? officer : null })
    if (!result.ok) throw new Error(`Demo body ${input.name}: ${JSON.stringify(result.fieldErrors)}`)
    return result.id
  }

  function member(bodyId: number, input: Omit<MembershipInput, 'role'> & { role?: MembershipInput['role'] }) {
    const result = addMembership({ bodyId, input: { role: 'member', ...input }, actor: SYSTEM_ACTOR })
    if (!result.ok) throw new Error(`Demo membership: ${JSON.stringify(result.fieldErrors)}`)
  }

  function meeting(bodyId: number, input: Omit<MeetingInput, 'isPublic'> & { isPublic?: boolean }) {
    return createMeeting({ bodyId, input: { isPublic: true, ...input }, actor: SYSTEM_ACTOR }).id
  }

  function agenda(meetingId: number, items: DemoItem[]) {
    items.forEach((item, index) => {
      const { id } = db
        .insert(schema.agendaItems)
        .values({
          meetingId,
          day: item.day,
          position: index + 1,
          startTime: item.start ?? null,
          endTime: item.end ?? null,
          kind: item.kind,
          title: item.title,
          description: item.description ?? null,
          moderatorPersonId: item.moderator ? person(item.moderator) : null,
        })
        .returning({ id: schema.agendaItems.id })
        .get()
      item.speakers?.forEach((speaker, position) =>
        db
          .insert(schema.agendaSpeakers)
          .values({ agendaItemId: id, personId: person(speaker), position: position + 1 })
          .run(),
      )
    })
  }

  /** Invitees and, for a meeting already held, who came. Tokens are random and never shown. */
  function invite(
    meetingId: number,
    invitees: { person: string; kind: InvitationKind; response?: 'yes' | 'no' | 'maybe'; attendance?: AttendanceState }[],
  ) {
    for (const invitee of invitees) {
      db.insert(schema.invitations)
        .values({
          meetingId,
          personId: person(invitee.person),
          kind: invitee.kind,
          tokenHash: crypto.createHash('sha256').update(crypto.randomBytes(32)).digest('hex'),
          response: invitee.response ?? 'pending',
          attendance: invitee.attendance ?? 'unknown',
        })
        .run()
    }
  }

  // 1. Katowice, 16.06.2009 — ../shared/samples/000_*.txt
  const katowice = body({
    kind: 'advisory_team',
    name: 'Zespół Doradczy ds. pomocy osobom bezrobotnym',
    mandate:
      'Zespół doradczy przy Urzędzie Miasta Katowice złożony z przedstawicieli organizacji pozarządowych zajmujących się pomocą osobom bezrobotnym w mieście Katowice oraz instytucji miejskich.',
    conveningOrganisationId: org('umKatowice'),
    umbrella: 'Miejska Strategia Rozwiązywania Problemów Społecznych',
  })
  member(katowice, {
    organisationId: org('umKatowice'),
    role: 'chair',
    delegatePersonId: person('moryn'),
    deputyPersonId: person('przeor'),
    fromDate: '2009-06-01',
  })
  member(katowice, { organisationId: org('zdz'), delegatePersonId: person('zdzRep'), fromDate: '2009-06-01' })
  member(katowice, { organisationId: org('ohp'), delegatePersonId: person('ohpRep'), fromDate: '2009-06-01' })
  member(katowice, { organisationId: org('lexCivis'), delegatePersonId: person('lexCivisRep'), fromDate: '2009-06-01' })
  member(katowice, { organisationId: org('mopsKatowice'), delegatePersonId: person('mopsKatowiceDeputy'), fromDate: '2009-06-01' })
  member(katowice, { organisationId: org('pupKatowice'), delegatePersonId: person('pupKatowiceRep'), fromDate: '2009-06-01' })
  const katowiceMeeting = meeting(katowice, {
    topic:
      'Prezentacja działań podejmowanych przez Miasto Katowice w ramach Miejskiej Strategii Rozwiązywania Problemów Społecznych na rzecz osób bezrobotnych',
    purpose: 'Omówienie zadań Zespołów Doradczych oraz planowanych efektów pracy tych Zespołów; prezentacje placówek członków Zespołu.',
    startsAt: '2009-06-16T10:00',
    endsAt: '2009-06-16T12:00',
  })
  agenda(katowiceMeeting, [
    {
      day: '2009-06-16',
      start: '10:00',
      end: '10:30',
      kind: 'opening',
      title: 'Działania Miasta Katowice na rzecz osób bezrobotnych w ramach Miejskiej Strategii Rozwiązywania Problemów Społecznych',
      description: 'Działalność prowadzona przez instytucje miejskie i organizacje pozarządowe.',
      speakers: ['moryn'],
    },
    {
      day: '2009-06-16',
      start: '10:30',
      end: '10:45',
      kind: 'discussion',
      title: 'Zadania Zespołów Doradczych i planowane efekty ich pracy',
      moderator: 'moryn',
    },
    {
      day: '2009-06-16',
      start: '10:45',
      end: '11:00',
      kind: 'presentation',
      title: 'Działania Powiatowego Urzędu Pracy na rzecz osób bezrobotnych',
      speakers: ['pupKatowiceRep'],
    },
    {
      day: '2009-06-16',
      start: '11:00',
      end: '11:15',
      kind: 'presentation',
      title: 'Działania Miejskiego Ośrodka Pomocy Społecznej na rzecz osób bezrobotnych',
      speakers: ['mopsKatowiceDeputy'],
    },
    {
      day: '2009-06-16',
      start: '11:15',
      end: '11:30',
      kind: 'presentation',
      title: 'Ochotniczy Hufiec Pracy: pośrednictwo pracy dla osób do 25 roku życia',
      speakers: ['ohpRep'],
    },
    {
      day: '2009-06-16',
      start: '11:30',
      end: '11:45',
      kind: 'presentation',
      title: 'Zakład Doskonalenia Zawodowego: poradnictwo zawodowe',
      speakers: ['zdzRep'],
    },
    {
      day: '2009-06-16',
      start: '11:45',
      end: '12:00',
      kind: 'presentation',
      title: 'Śląska Fundacja Obywatelska Lex Civis: bezpłatne poradnictwo prawne',
      speakers: ['lexCivisRep'],
    },
  ])
  invite(
    katowiceMeeting,
    ['moryn', 'zdzRep', 'ohpRep', 'lexCivisRep', 'mopsKatowiceDeputy', 'pupKatowiceRep'].map((p) => ({
      person: p,
      kind: 'delegate' as const,
      response: 'yes' as const,
      attendance: 'present' as const,
    })),
  )
  invite(katowiceMeeting, [{ person: 'przeor', kind: 'deputy', response: 'yes', attendance: 'present' }])
  setMeetingState({ id: katowiceMeeting, state: 'held', actor: SYSTEM_ACTOR })

  // Not in the samples: one internal, upcoming meeting, so that the demo shows what a
  // private meeting looks like (and that visitors do not see it).
  const katowicePlanning = meeting(katowice, {
    topic: 'Plan pracy Zespołu na rok 2027',
    purpose: 'Spotkanie robocze członków Zespołu: propozycje działań na rzecz osób bezrobotnych na kolejny rok.',
    startsAt: '2027-01-19T10:00',
    endsAt: '2027-01-19T12:00',
    venueName: 'Urząd Miasta Katowice',
    venueAddress: 'ul. Młyńska 4, 40-098 Katowice',
    isPublic: false,
  })
  agenda(katowicePlanning, [
    { day: '2027-01-19', start: '10:00', end: '10:15', kind: 'opening', title: 'Otwarcie spotkania', speakers: ['moryn'] },
    {
      day: '2027-01-19',
      start: '10:15',
      end: '11:30',
      kind: 'discussion',
      title: 'Propozycje działań członków Zespołu na rok 2027',
      moderator: 'przeor',
    },
    { day: '2027-01-19', start: '11:30', end: '12:00', kind: 'other', title: 'Ustalenia i podział zadań' },
  ])
  invite(
    katowicePlanning,
    ['moryn', 'zdzRep', 'ohpRep', 'lexCivisRep', 'mopsKatowiceDeputy', 'pupKatowiceRep'].map((p) => ({
      person: p,
      kind: 'delegate' as const,
    })),
  )

  // 2. ROPS Kraków, 13.12.2013 — ../shared/samples/001_*.txt
  const rops = body(
    {
      kind: 'working_group',
      name: 'Grupa robocza ds. współpracy OPS/PCPR z powiatowymi urzędami pracy',
      mandate:
        'Przygotowanie rekomendacji dotyczących współpracy ośrodków pomocy społecznej i powiatowych centrów pomocy rodzinie z powiatowymi urzędami pracy w województwie małopolskim.',
      conveningOrganisationId: org('ropsKrakow'),
      umbrella: 'Regionalna Platforma Współpracy przy Regionalnym Ośrodku Polityki Społecznej w Krakowie',
      projectName: 'Regionalna Platforma Współpracy — projekt ROPS w Krakowie',
      projectProgramme: 'Program Operacyjny Kapitał Ludzki',
      projectFundingNotice:
        'Projekt współfinansowany przez Unię Europejską z Europejskiego Funduszu Społecznego w ramach Programu Operacyjnego Kapitał Ludzki',
    },
    false,
  )
  member(rops, { organisationId: org('ropsKrakow'), role: 'chair', delegatePersonId: person('ropsRep'), fromDate: '2013-01-01' })
  member(rops, { organisationId: org('mopsTarnow'), delegatePersonId: person('wrona'), fromDate: '2013-01-01' })
  member(rops, { organisationId: org('uppk'), delegatePersonId: person('flacht'), fromDate: '2013-01-01' })
  member(rops, { organisationId: org('pupTarnow'), delegatePersonId: person('pupTarnowRep'), fromDate: '2013-01-01' })
  const ropsMeeting = meeting(rops, {
    topic: 'Prace nad rekomendacjami dotyczącymi współpracy OPS/PCPR z powiatowymi urzędami pracy',
    purpose: 'Dobre praktyki i planowane zmiany w przepisach; ramowy plan rekomendacji.',
    startsAt: '2013-12-13T10:00',
    endsAt: '2013-12-13T14:00',
  })
  agenda(ropsMeeting, [
    {
      day: '2013-12-13',
      start: '10:00',
      end: '10:45',
      kind: 'presentation',
      title: 'Dobra praktyka współpracy OPS z PUP: program oddłużania „SOS w oddłużaniu”',
      description: 'Wspólni klienci MOPS Tarnów i PUP Tarnów na zasadzie umów stażowych pracują i spłacają część zadłużenia czynszowego.',
      speakers: ['wrona'],
    },
    {
      day: '2013-12-13',
      start: '10:45',
      end: '11:30',
      kind: 'presentation',
      title: 'Planowane zmiany w ustawie o promocji zatrudnienia i instytucjach rynku pracy',
      description: 'Współpraca PUP, OPS i PCPR po nowelizacji; profilowanie osób bezrobotnych.',
      speakers: ['flacht'],
    },
    {
      day: '2013-12-13',
      start: '11:30',
      end: '12:00',
      kind: 'discussion',
      title: 'Dyskusja: profilowanie osób bezrobotnych — czas i narzędzia',
    },
    { day: '2013-12-13', start: '12:00', end: '12:15', kind: 'break', title: 'Przerwa' },
    {
      day: '2013-12-13',
      start: '12:15',
      end: '14:00',
      kind: 'group_work',
      title: 'Praca w grupach: ramowy plan rekomendacji dotyczących współpracy OPS/PCPR z PUP',
    },
  ])
  invite(
    ropsMeeting,
    ['ropsRep', 'wrona', 'flacht', 'pupTarnowRep'].map((p) => ({
      person: p,
      kind: 'delegate' as const,
      response: 'yes' as const,
      attendance: 'present' as const,
    })),
  )
  setMeetingState({ id: ropsMeeting, state: 'held', actor: SYSTEM_ACTOR })

  // 3. Wodzisław Śląski, 11.05.2017 and the next meeting on 16.05.2017 — ../shared/samples/002_*.txt
  const wodzislaw = body(
    {
      kind: 'working_group',
      name: 'Grupa Robocza projektu „Fachowa siła przyszłością dla rodziny”',
      mandate:
        'Wypracowanie modelu pracy socjalnej opartego na współpracy międzyinstytucjonalnej, który ma poprawić jakość i efektywność pomocy oferowanej osobie potrzebującej.',
      conveningOrganisationId: org('mopsWodzislaw'),
      projectName: 'Fachowa siła przyszłością dla rodziny',
      projectProgramme: 'Program Operacyjny Wiedza Edukacja Rozwój, Działanie 4.1 Innowacje społeczne',
      projectNumber: 'POWR.04.01.00-IZ.00-00-004/16',
      projectTotalValue: 90415000,
      projectEuFunding: 87615000,
      projectTargetGroup:
        'Rodziny trzypokoleniowe zamieszkujące dzielnicę Wilchwy, u których zdiagnozowano międzypokoleniowe dziedziczenie ubóstwa',
      projectFundingNotice:
        'Projekt „Fachowa siła przyszłością dla rodziny” realizowany w ramach konkursu nr POWR.04.01.00-IZ.00-00-004/16 na makro-innowacje, Działanie 4.1 Innowacje społeczne, współfinansowany ze środków Unii Europejskiej w ramach Europejskiego Funduszu Społecznego.',
    },
    false,
  )
  member(wodzislaw, {
    organisationId: org('mopsWodzislaw'),
    role: 'chair',
    delegatePersonId: person('mopsWodzislawRep'),
    fromDate: '2017-01-01',
  })
  member(wodzislaw, { organisationId: org('cisRybnik'), delegatePersonId: person('cisRep'), fromDate: '2017-01-01' })
  const may11 = meeting(wodzislaw, {
    topic: 'Aktywizacja zawodowa: formy wsparcia Powiatowego Urzędu Pracy',
    purpose: 'Katalog usług i form aktywizacji osób bezrobotnych oferowanych przez PUP; ścieżka pracy doradcy zawodowego z klientem.',
    startsAt: '2017-05-11T10:00',
    endsAt: '2017-05-11T12:00',
  })
  agenda(may11, [
    {
      day: '2017-05-11',
      kind: 'presentation',
      title:
        'Katalog usług i form aktywizacji osób bezrobotnych, w tym podnoszenia kwalifikacji zawodowych, i rodzaje wsparcia finansowego PUP',
      speakers: ['pupWodzislawRep1', 'pupWodzislawRep2'],
    },
    {
      day: '2017-05-11',
      kind: 'presentation',
      title: 'Praca doradców zawodowych: ścieżka pracy z klientem',
      speakers: ['pupWodzislawRep2'],
    },
    { day: '2017-05-11', kind: 'discussion', title: 'Dyskusja: współpraca MOPS–PUP w pracy z rodzinami objętymi projektem' },
  ])
  invite(may11, [
    { person: 'mopsWodzislawRep', kind: 'delegate', response: 'yes', attendance: 'present' },
    { person: 'cisRep', kind: 'delegate', response: 'yes', attendance: 'present' },
    { person: 'pupWodzislawRep1', kind: 'guest', response: 'yes', attendance: 'present' },
    { person: 'pupWodzislawRep2', kind: 'guest', response: 'yes', attendance: 'present' },
  ])
  setMeetingState({ id: may11, state: 'held', actor: SYSTEM_ACTOR })

  const may16 = meeting(wodzislaw, {
    topic: 'Analiza koncepcji i narzędzi badawczych oraz omówienie czynności pracownika socjalnego',
    startsAt: '2017-05-16T13:00',
    endsAt: '2017-05-16T15:00',
    venueName: 'Miejski Ośrodek Pomocy Społecznej w Wodzisławiu Śląskim',
    venueAddress: 'ul. Daszyńskiego 3, 44-300 Wodzisław Śląski',
    venueRoom: 'sala konferencyjna',
  })
  agenda(may16, [
    { day: '2017-05-16', start: '13:00', end: '14:00', kind: 'discussion', title: 'Analiza koncepcji i narzędzi badawczych' },
    { day: '2017-05-16', start: '14:00', end: '15:00', kind: 'discussion', title: 'Omówienie czynności pracownika socjalnego' },
  ])
  invite(may16, [
    { person: 'mopsWodzislawRep', kind: 'delegate' },
    { person: 'cisRep', kind: 'delegate' },
  ])
  setMeetingState({ id: may16, state: 'invited', actor: SYSTEM_ACTOR })

  return { katowice, rops, wodzislaw, meetings: { katowiceMeeting, katowicePlanning, ropsMeeting, may11, may16 } }
}
