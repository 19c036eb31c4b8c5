/**
 * The minutes of the sample meetings (../shared/samples/), rewritten into Narada's structure:
 * participants by institution, a section per agenda item, decisions and action items. Each
 * set of minutes goes as far through its cycle as the demo needs: Katowice published to the
 * public, ROPS Kraków published to the group, Wodzisław still a draft.
 */
import { Readable } from 'node:stream'
import { asc, eq } from 'drizzle-orm'
import { config } from '~/config.server'
import { appOrigin } from '~/mail/mailer.server'
import { db, schema } from '~/db.server'
import { addActionItem, addCarryOverAgendaItem } from '~/models/action-item.server'
import { SYSTEM_ACTOR } from '~/models/audit.server'
import { approveMinutes, circulateMinutes, publishMinutes } from '~/models/minutes-cycle.server'
import { getMinutes, saveMinutes, startMinutes, type MinutesParticipant } from '~/models/minutes.server'
import { createPresentation, storeUploadStream } from '~/models/presentation.server'
import { renderPdf } from '~/pdf/document.server'
import { drawBulletList, drawParagraph, drawSectionHeading, drawTitleBlock } from '~/pdf/layout'

type Ids = {
  organisationIds: Map<string, number>
  personIds: Map<string, number>
  meetings: { katowiceMeeting: number; ropsMeeting: number; may11: number; may16: number }
}

/** Where a text goes: the introduction, the n-th agenda item's section (from 1), the discussion or the decisions. */
type SectionText = { section: 'introduction' | 'discussion' | 'decisions' | number; body: string }

type DemoMinutes = { preparedBy?: string; participants: MinutesParticipant[]; sections: SectionText[] }

const DAY = 86_400_000

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Demo minutes: no ${what}`)
  return value
}

function ok<T extends { ok: boolean }>(result: T, what: string): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`Demo minutes, ${what}: ${JSON.stringify(result)}`)
  return result as Extract<T, { ok: true }>
}

/** The origin printed in the published PDFs' verification links when APP_URL is not set. */
const origin = () => appOrigin(`http://localhost:${config.port}`)

/**
 * Starts the minutes from the meeting, then writes the note's text over them: the sections
 * startMinutes made are kept (with their kind and agenda item) where the note has something
 * to say, and dropped where it has nothing.
 */
function writeMinutes(meetingId: number, content: DemoMinutes) {
  startMinutes({ meetingId, actor: SYSTEM_ACTOR })
  const minutes = must(getMinutes({ meetingId }), `minutes of meeting ${meetingId}`)
  const started = minutes.snapshot.sections
  const agendaSections = started.filter((s) => s.kind === 'agenda_item')
  const sections = content.sections.map(({ section, body }) => {
    const found = typeof section === 'number' ? agendaSections[section - 1] : started.find((s) => s.kind === section)
    // An agenda with a discussion item of its own starts without „Dyskusja”: the note adds it, as its author did.
    if (!found && section === 'discussion') return { id: null, title: 'Dyskusja', body }
    const { id, title } = must(found, `section ${section} of meeting ${meetingId}`)
    return { id, title, body }
  })
  ok(
    saveMinutes({
      meetingId,
      baseRevision: minutes.revision,
      input: {
        topic: minutes.snapshot.topic,
        place: minutes.snapshot.place,
        preparedBy: content.preparedBy ?? null,
        participants: content.participants,
        sections,
      },
      actor: SYSTEM_ACTOR,
    }),
    `saving meeting ${meetingId}`,
  )
}

/** The minutes' current revision: every step of the cycle is taken over the latest one. */
const revisionOf = (meetingId: number) => must(getMinutes({ meetingId }), `minutes of meeting ${meetingId}`).revision

/** An action item as the minutes record it; the team's page and the next agenda pick it up. */
function actionItem(meetingId: number, input: { text: string; ownerOrganisationIds: number[]; dueText: string; dueDate: string }) {
  const { ownerOrganisationIds, ...rest } = input
  ok(
    addActionItem({ meetingId, input: { ...rest, owners: ownerOrganisationIds.map((id) => `organisation:${id}`) }, actor: SYSTEM_ACTOR }),
    `action item ${input.text}`,
  )
}

/** A small real PDF standing for the file shown at the meeting, laid out like Narada's own documents. */
function presentationPdf({
  title,
  presenter,
  date,
  points,
  fundingNotice,
}: {
  title: string
  presenter: string
  date: string
  points: string[]
  fundingNotice: string | null
}) {
  return renderPdf({
    meta: { title, author: presenter, subject: 'Prezentacja na spotkaniu grupy roboczej', createdAt: new Date(`${date}T09:00:00Z`) },
    options: { fundingNotice },
    layout: (doc) => {
      drawTitleBlock(doc, {
        documentKind: title,
        bodyName: presenter,
        dateLine: 'Spotkanie grupy roboczej ds. współpracy OPS/PCPR z PUP, 13 grudnia 2013 r.',
      })
      drawSectionHeading(doc, 'Najważniejsze informacje')
      drawBulletList(doc, points)
      drawParagraph(doc, 'Materiał przedstawiony na spotkaniu; pełna treść w notatce grupy roboczej.')
    },
  })
}

async function attachPresentation(
  meetingId: number,
  input: { title: string; fileName: string; presenterPersonId: number; agendaItemId: number; bytes: Buffer },
) {
  const upload = await storeUploadStream({ data: Readable.from([input.bytes]), fileName: input.fileName })
  ok(
    createPresentation({
      meetingId,
      input: { title: input.title, presenterPersonId: input.presenterPersonId, agendaItemId: input.agendaItemId, visibility: 'public' },
      upload,
      actor: SYSTEM_ACTOR,
    }),
    `presentation ${input.title}`,
  )
}

function agendaItemIds(meetingId: number): number[] {
  const ai = schema.agendaItems
  return db
    .select({ id: ai.id })
    .from(ai)
    .where(eq(ai.meetingId, meetingId))
    .orderBy(asc(ai.day), asc(ai.position))
    .all()
    .map((row) => row.id)
}

// 1. Katowice, 16.06.2009 — ../shared/samples/000_*.txt: approved by the team and published in full.
const katowice: DemoMinutes = {
  participants: [
    {
      organisation: 'Zakład Doskonalenia Zawodowego, Biuro Pośrednictwa Pracy i Poradnictwa Zawodowego Profesja',
      name: 'Przedstawiciel Zakładu',
      role: null,
    },
    { organisation: 'Ochotniczy Hufiec Pracy', name: 'Przedstawiciel OHP', role: null },
    { organisation: 'Śląska Fundacja Obywatelska Lex Civis', name: 'Przedstawiciel Fundacji', role: null },
    { organisation: 'Urząd Miasta Katowice', name: 'Małgorzata Moryń-Trzęsimiech', role: 'Naczelnik Wydziału Polityki Społecznej' },
    {
      organisation: 'Urząd Miasta Katowice',
      name: 'Gizela Przeor',
      role: 'podinspektor Wydziału Polityki Społecznej, Referat ds. Organizacji Pozarządowych',
    },
    { organisation: 'Miejski Ośrodek Pomocy Społecznej w Katowicach', name: 'Zastępca Dyrektora MOPS', role: null },
    { organisation: 'Powiatowy Urząd Pracy w Katowicach', name: 'Przedstawiciel PUP', role: null },
  ],
  sections: [
    {
      section: 'introduction',
      body: 'Uczestnikami spotkania Zespołu Doradczego ds. pomocy osobom bezrobotnym byli przedstawiciele organizacji pozarządowych zajmujących się pomocą osobom bezrobotnym w mieście Katowice, przedstawiciele Wydziału Polityki Społecznej Urzędu Miasta Katowice oraz przedstawiciele Miejskiego Ośrodka Pomocy Społecznej w Katowicach i Powiatowego Urzędu Pracy w Katowicach.',
    },
    {
      section: 1,
      body: [
        'Tematem przewodnim spotkania była prezentacja działań podejmowanych przez Miasto Katowice w ramach Miejskiej Strategii Rozwiązywania Problemów Społecznych na rzecz osób bezrobotnych poprzez:',
        '',
        '- działalność prowadzoną przez instytucje miejskie,',
        '- organizacje pozarządowe.',
      ].join('\n'),
    },
    {
      section: 2,
      body: 'Omówiono zadania Zespołów Doradczych oraz planowane efekty pracy tych Zespołów. Następnie przedstawiciele organizacji dokonali prezentacji swoich placówek.',
    },
    { section: 3, body: 'Przedstawiciel PUP dokonał prezentacji działań Powiatowego Urzędu Pracy na rzecz osób bezrobotnych.' },
    {
      section: 4,
      body: [
        'Zastępca Dyrektora MOPS dokonał prezentacji działań na rzecz osób bezrobotnych. Poinformowano, iż:',
        '',
        '- MOPS pomaga osobom zagrożonym wykluczeniem społecznym oraz osobom już wykluczonym;',
        '- MOPS prowadzi szereg zajęć grupowych dla osób bezrobotnych;',
        '- **warunkiem uzyskania pomocy MOPS jest rejestracja w PUP**; część osób bezrobotnych rejestruje się tylko po to, aby uzyskać ubezpieczenie zdrowotne, w niektórych przypadkach ubezpieczenie zdrowotne pokrywa MOPS;',
        '- wolontariat jest również formą aktywizacji osób bezrobotnych.',
      ].join('\n'),
    },
    {
      section: 5,
      body: 'Przedstawiciel OHP poinformował, iż Hufiec zajmuje się przede wszystkim **pośrednictwem pracy dla osób do 25 roku życia** i ściśle współpracuje z MOPS i PUP. OHP nie ma możliwości przymuszenia osoby do zarejestrowania się i podjęcia zatrudnienia.',
    },
    {
      section: 6,
      body: 'Przedstawiciel Zakładu poinformował, iż Zakład zajmuje się m.in. poradnictwem zawodowym i również ściśle współpracuje z MOPS i PUP. Działalność statutowa Zakładu jest nakierowana na działania dotyczące bezrobocia.',
    },
    {
      section: 7,
      body: 'Fundacja świadczy bezpłatne poradnictwo prawne i jest zainteresowana aktywizacją osób bezrobotnych. Organizacja może „reklamować” MOPS i PUP, np. w postaci dystrybucji ulotek.',
    },
    { section: 'discussion', body: 'Poinformowano również, iż MOPS i PUP zawarły umowę, której zakres współpracy jest bardzo szeroki.' },
    {
      section: 'decisions',
      body: [
        '- Członkowie Zespołu zapoznali się z zadaniami Zespołów Doradczych i z ofertą instytucji miejskich oraz organizacji pozarządowych na rzecz osób bezrobotnych.',
        '- Śląska Fundacja Obywatelska Lex Civis może informować o ofercie MOPS i PUP, np. przez dystrybucję ulotek.',
      ].join('\n'),
    },
  ],
}

// 2. ROPS Kraków, 13.12.2013 — ../shared/samples/001_*.txt, a report written by Prekursor.
const rops: DemoMinutes = {
  preparedBy: 'Prekursor',
  participants: [
    { organisation: 'Regionalny Ośrodek Polityki Społecznej w Krakowie', name: 'Przedstawiciel ROPS w Krakowie', role: null },
    { organisation: 'Miejski Ośrodek Pomocy Społecznej w Tarnowie', name: 'Jakub Wrona', role: null },
    { organisation: 'Urząd Pracy Powiatu Krakowskiego', name: 'Anna Flacht', role: 'Naczelnik Wydziału Ewidencji i Świadczeń' },
    { organisation: 'Powiatowy Urząd Pracy w Tarnowie', name: 'Przedstawiciel PUP w Tarnowie', role: null },
  ],
  sections: [
    {
      section: 'introduction',
      body: 'Spotkanie grupy roboczej ds. współpracy OPS/PCPR z powiatowymi urzędami pracy poświęcone było pracom nad rekomendacjami dotyczącymi współpracy tych instytucji. Grupa robocza działa w ramach Regionalnej Platformy Współpracy przy Regionalnym Ośrodku Polityki Społecznej w Krakowie.',
    },
    {
      section: 1,
      body: [
        'Jakub Wrona z Miejskiego Ośrodka Pomocy Społecznej w Tarnowie przedstawił dobrą praktykę współpracy OPS z PUP: program oddłużania **„SOS w oddłużaniu”**, w którym osoby zamieszkujące w lokalach należących do spółdzielni mieszkaniowych mogą częściowo spłacać swoje zaległe czynsze.',
        '',
        '- Osoby te – wspólni klienci MOPS Tarnów i PUP Tarnów – na zasadzie umów stażowych pracują i spłacają część swojego długu.',
        '- Działanie to – oprócz korzyści finansowych – ma na celu aktywizację i mobilizację osób z niego korzystających do działania.',
      ].join('\n'),
    },
    {
      section: 2,
      body: 'Anna Flacht, Naczelnik Wydziału Ewidencji i Świadczeń Urzędu Pracy Powiatu Krakowskiego, omówiła planowane zmiany w ustawie o promocji zatrudnienia i instytucjach rynku pracy. Nowelizacja zakłada wiele zmian we współpracy PUP, OPS oraz PCPR. Prelegentka przeanalizowała zapisy nowelizacji, ze szczególnym naciskiem na trudności związane z **profilowaniem osób bezrobotnych**.',
    },
    {
      section: 3,
      body: 'Kwestia profilowania wzbudziła szeroką dyskusję. Uczestnicy spotkania ogólnie zgodzili się co do zasady profilowania, lecz wyrazili wątpliwości co do czasu i narzędzi, jakie ustawodawca przewiduje na przeprowadzenie tego procesu.',
    },
    {
      section: 4,
      body: 'W drugiej części spotkania uczestnicy pracowali w grupach nad ramowym planem rekomendacji dotyczących współpracy OPS/PCPR z PUP. Praca grupowa zaowocowała szczegółowymi zapisami co do kształtu rekomendacji; uczestnicy przeanalizowali wzajemnie swoje propozycje.',
    },
    {
      section: 'decisions',
      body: [
        '- Początek 2014 r. zostanie przeznaczony na **porządkowanie prezentowanych dotychczas informacji**.',
        '- Rekomendacje przybiorą formę opracowania, które będzie dystrybuowane wśród ośrodków pomocy społecznej, powiatowych centrów pomocy rodzinie oraz powiatowych urzędów pracy w województwie małopolskim.',
      ].join('\n'),
    },
  ],
}

// 3. Wodzisław Śląski, 11.05.2017 — ../shared/samples/002_*.txt: still being written.
const wodzislaw: DemoMinutes = {
  participants: [
    {
      organisation: 'Miejski Ośrodek Pomocy Społecznej w Wodzisławiu Śląskim',
      name: 'Przedstawiciele MOPS',
      role: 'stały skład Grupy Roboczej',
    },
    { organisation: 'Centrum Inicjatyw Społecznych', name: 'Przedstawiciele CIS z Rybnika', role: 'stały skład Grupy Roboczej' },
    { organisation: null, name: 'Specjaliści – nauczyciele akademiccy i szkolni', role: 'stały skład Grupy Roboczej' },
    {
      organisation: 'Powiatowy Urząd Pracy w Wodzisławiu Śląskim',
      name: 'Przedstawicielka PUP',
      role: 'pośrednictwo pracy; zaproszony gość',
    },
    {
      organisation: 'Powiatowy Urząd Pracy w Wodzisławiu Śląskim',
      name: 'Przedstawicielka PUP',
      role: 'Doradca zawodowy; zaproszony gość',
    },
  ],
  sections: [
    {
      section: 'introduction',
      body: 'Głównym zagadnieniem spotkania była aktywizacja zawodowa. W spotkaniu oprócz stałego składu Grupy Roboczej udział wzięli zaproszeni goście – przedstawicielki Powiatowego Urzędu Pracy w Wodzisławiu Śląskim.',
    },
    {
      section: 1,
      body: [
        'Przedstawicielki PUP przedstawiły katalog usług i form aktywizacji osób bezrobotnych, w tym:',
        '',
        '- podnoszenie kwalifikacji zawodowych,',
        '- rodzaje wsparcia finansowego oferowanego przez PUP.',
      ].join('\n'),
    },
    { section: 2, body: 'Udzielono szczegółowej informacji w zakresie pracy doradców zawodowych, uwzględniając ścieżkę pracy z klientem.' },
    {
      section: 3,
      body: 'Przedstawicielki PUP złożyły wstępną deklarację aktywnego uczestnictwa w wypracowywanym przez Grupę Roboczą modelu pracy socjalnej, który zakłada stworzenie systemu współpracy międzyinstytucjonalnej mającego poprawić jakość i efektywność pomocy oferowanej osobie potrzebującej.',
    },
    {
      section: 'decisions',
      body: [
        '- Szczegóły współpracy MOPS–PUP w pracy z rodzinami objętymi projektem zostaną doprecyzowane w porozumieniu, które zostanie zawarte **najpóźniej w III kwartale 2017 r.**',
        '- Kolejne spotkanie Grupy Roboczej odbędzie się 16 maja 2017 r. o godz. 13:00 w sali konferencyjnej MOPS przy ul. Daszyńskiego 3 i zostanie poświęcone analizie koncepcji i narzędzi badawczych oraz omówieniu czynności pracownika socjalnego.',
      ].join('\n'),
    },
  ],
}

export async function seedMinutes({ organisationIds, personIds, meetings }: Ids) {
  const org = (key: string) => must(organisationIds.get(key), `institution ${key}`)
  const person = (key: string) => must(personIds.get(key), `person ${key}`)

  writeMinutes(meetings.katowiceMeeting, katowice)
  ok(
    await circulateMinutes({
      meetingId: meetings.katowiceMeeting,
      commentsDueAt: new Date(Date.now() + 14 * DAY),
      baseRevision: revisionOf(meetings.katowiceMeeting),
      actor: SYSTEM_ACTOR,
      origin: origin(),
    }),
    'circulating Katowice',
  )
  ok(
    approveMinutes({
      meetingId: meetings.katowiceMeeting,
      approvedBy: 'Zespół Doradczy na kolejnym spotkaniu',
      approvedOn: '2009-07-14',
      baseRevision: revisionOf(meetings.katowiceMeeting),
      actor: SYSTEM_ACTOR,
    }),
    'approving Katowice',
  )
  ok(
    await publishMinutes({
      meetingId: meetings.katowiceMeeting,
      visibility: 'public',
      baseRevision: revisionOf(meetings.katowiceMeeting),
      actor: SYSTEM_ACTOR,
      origin: origin(),
    }),
    'publishing Katowice',
  )

  const [wronaItem, flachtItem] = agendaItemIds(meetings.ropsMeeting)
  const ropsNotice =
    'Projekt współfinansowany przez Unię Europejską z Europejskiego Funduszu Społecznego w ramach Programu Operacyjnego Kapitał Ludzki'
  await attachPresentation(meetings.ropsMeeting, {
    title: '„SOS w oddłużaniu” – dobra praktyka współpracy MOPS i PUP w Tarnowie',
    fileName: 'SOS w oddłużaniu – MOPS Tarnów.pdf',
    presenterPersonId: person('wrona'),
    agendaItemId: must(wronaItem, 'the first ROPS agenda item'),
    bytes: await presentationPdf({
      title: '„SOS w oddłużaniu”',
      presenter: 'Jakub Wrona, Miejski Ośrodek Pomocy Społecznej w Tarnowie',
      date: '2013-12-13',
      fundingNotice: ropsNotice,
      points: [
        'Program oddłużania: osoby zamieszkujące w lokalach spółdzielni mieszkaniowych częściowo spłacają zaległe czynsze.',
        'Wspólni klienci MOPS Tarnów i PUP Tarnów pracują na zasadzie umów stażowych i spłacają część swojego długu.',
        'Oprócz korzyści finansowych: aktywizacja i mobilizacja uczestników do działania.',
      ],
    }),
  })
  await attachPresentation(meetings.ropsMeeting, {
    title: 'Planowane zmiany w ustawie o promocji zatrudnienia i instytucjach rynku pracy',
    fileName: 'Nowelizacja ustawy o promocji zatrudnienia – UPPK.pdf',
    presenterPersonId: person('flacht'),
    agendaItemId: must(flachtItem, 'the second ROPS agenda item'),
    bytes: await presentationPdf({
      title: 'Planowane zmiany w ustawie o promocji zatrudnienia i instytucjach rynku pracy',
      presenter: 'Anna Flacht, Naczelnik Wydziału Ewidencji i Świadczeń, Urząd Pracy Powiatu Krakowskiego',
      date: '2013-12-13',
      fundingNotice: ropsNotice,
      points: [
        'Nowelizacja zmienia zasady współpracy powiatowych urzędów pracy z OPS i PCPR.',
        'Profilowanie osób bezrobotnych: założenia i trudności.',
        'Czas i narzędzia przewidziane na przeprowadzenie profilowania.',
      ],
    }),
  })
  writeMinutes(meetings.ropsMeeting, rops)
  actionItem(meetings.ropsMeeting, {
    text: 'Porządkowanie informacji prezentowanych dotychczas na spotkaniach grupy roboczej, jako podstawy rekomendacji',
    ownerOrganisationIds: [org('ropsKrakow')],
    dueText: 'początek 2014 r.',
    dueDate: '2014-03-31',
  })
  ok(
    approveMinutes({
      meetingId: meetings.ropsMeeting,
      approvedBy: 'Grupa robocza na kolejnym spotkaniu',
      approvedOn: '2014-02-07',
      baseRevision: revisionOf(meetings.ropsMeeting),
      actor: SYSTEM_ACTOR,
    }),
    'approving ROPS',
  )
  // The report on ROPS's site was public; the group's own minutes, with its plan of work, stay with the group.
  ok(
    await publishMinutes({
      meetingId: meetings.ropsMeeting,
      visibility: 'members',
      baseRevision: revisionOf(meetings.ropsMeeting),
      actor: SYSTEM_ACTOR,
      origin: origin(),
    }),
    'publishing ROPS',
  )

  writeMinutes(meetings.may11, wodzislaw)
  actionItem(meetings.may11, {
    text: 'Zawarcie porozumienia MOPS–PUP doprecyzowującego szczegóły współpracy w pracy z rodzinami objętymi projektem',
    ownerOrganisationIds: [org('mopsWodzislaw'), org('pupWodzislaw')],
    dueText: 'najpóźniej w III kwartale 2017 r.',
    dueDate: '2017-09-30',
  })
  must(addCarryOverAgendaItem({ meetingId: meetings.may16, actor: SYSTEM_ACTOR }) ?? undefined, 'carry-over agenda item')
}
