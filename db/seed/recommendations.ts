/**
 * The recommendations of ROPS Kraków's working group (../shared/samples/001_*.txt): the note
 * says the group drafted „rekomendacje” for the OPS, PCPR and PUP of Małopolska and would order
 * its material at the start of 2014. The demo takes them through their whole cycle: drafted,
 * sent for consultation, two members' comments resolved (one taken in, one not), adopted at the
 * group's meeting of June 2014, whose minutes link back, and published to everyone as
 * „ROPS-KR/REK/1/2014”. The text is the demo's own, and its summary says so.
 */
import crypto from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { OrganisationKind } from '#db/schema/enums'
import { config } from '~/config.server'
import { db, schema } from '~/db.server'
import { appOrigin } from '~/mail/mailer.server'
import { addAgendaItem } from '~/models/agenda.server'
import { setAttendance } from '~/models/attendance.server'
import { SYSTEM_ACTOR, type Actor } from '~/models/audit.server'
import { inviteMembers, listInvitations } from '~/models/invitation.server'
import { createMeeting, setMeetingState } from '~/models/meeting.server'
import { approveMinutes, publishMinutes } from '~/models/minutes-cycle.server'
import { getMinutes, saveMinutes, startMinutes } from '~/models/minutes.server'
import {
  createRecommendation,
  getRecommendation,
  saveRecommendation,
  type RecommendationContentInput,
} from '~/models/recommendation.server'
import {
  addRecommendationComment,
  adoptRecommendation,
  publishRecommendation,
  resolveRecommendationComment,
  startConsultation,
} from '~/models/recommendation-cycle.server'
import { createUser } from '~/models/user.server'

type Ids = {
  bodyId: number
  personIds: Map<string, number>
  /** The account of Jakub Wrona (MOPS Tarnów), the demo's member. */
  memberUserId: number
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Demo recommendations: no ${what}`)
  return value
}

function ok<T extends { ok: boolean }>(result: T, what: string): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`Demo recommendations, ${what}: ${JSON.stringify(result)}`)
  return result as Extract<T, { ok: true }>
}

/** The origin printed in the published PDF's verification link when APP_URL is not set, as for the minutes. */
const origin = () => appOrigin(`http://localhost:${config.port}`)

/** A moment of 2014 in Warsaw (summer time, UTC+2), as the cycle's steps record it. */
const at = (day: string, time = '10:00') => new Date(`${day}T${time}:00+02:00`)

export const RECOMMENDATION_TITLE = 'Rekomendacje dotyczące współpracy OPS/PCPR z PUP w województwie małopolskim'

type DemoItem = { title: string; body: string; addresseeKinds?: OrganisationKind[]; timeFrame?: string }
type DemoChapter = { title: string; body: string; items: DemoItem[] }

const exampleOfTarnow =
  'Przykładem jest program „SOS w oddłużaniu” MOPS w Tarnowie i PUP w Tarnowie: wspólni klienci na zasadzie umów stażowych pracują i spłacają część zadłużenia czynszowego, co oprócz korzyści finansowych aktywizuje ich i mobilizuje do działania.'

function chapters({ withTarnowExample }: { withTarnowExample: boolean }): DemoChapter[] {
  return [
    {
      title: 'Wymiana informacji o wspólnych klientach',
      body: 'Wspólnymi klientami są osoby bezrobotne korzystające jednocześnie z pomocy społecznej, w tym osoby z niepełnosprawnościami i rodziny wielodzietne. Nowelizacja ustawy o promocji zatrudnienia i instytucjach rynku pracy, wprowadzająca profilowanie osób bezrobotnych, wymaga, aby ośrodki pomocy społecznej, powiatowe centra pomocy rodzinie i powiatowe urzędy pracy wiedziały o sobie więcej niż dotąd.',
      items: [
        {
          title: 'Porozumienie o wymianie informacji',
          body: [
            'OPS, PCPR i PUP działające na terenie jednego powiatu zawierają pisemne porozumienie określające:',
            '',
            '- zakres informacji o wspólnych klientach, które instytucje sobie przekazują, z poszanowaniem przepisów o ochronie danych osobowych,',
            '- sposób i terminy przekazywania informacji,',
            '- osoby odpowiedzialne za wymianę informacji w każdej z instytucji.',
          ].join('\n'),
          timeFrame: 'do końca 2014 r.',
        },
        {
          title: 'Wspólne konferencje przypadku',
          body: 'Dla osób i rodzin, których sytuacja wymaga działań kilku instytucji, pracownik socjalny OPS i doradca klienta PUP — a w sprawach osób z niepełnosprawnościami także pracownik PCPR — zwołują wspólną konferencję przypadku i uzgadniają **jeden plan działań** zamiast dwóch odrębnych kontraktów.',
          addresseeKinds: ['ops', 'pcpr', 'pup'],
          timeFrame: 'na bieżąco',
        },
      ],
    },
    {
      title: 'Organizacja współpracy',
      body: 'Współpraca instytucji opiera się dziś często na osobistych znajomościach pracowników. Rekomendacje tego rozdziału mają sprawić, by działała niezależnie od zmian kadrowych.',
      items: [
        {
          title: 'Osoby do kontaktu',
          body: 'Każda instytucja wyznacza osobę do kontaktu w sprawach współpracy i jej zastępcę oraz podaje ich dane partnerom i Regionalnemu Ośrodkowi Polityki Społecznej w Krakowie, który prowadzi i udostępnia ich wykaz dla województwa.',
          timeFrame: 'w ciągu 3 miesięcy od publikacji rekomendacji',
        },
        {
          title: 'Wspólne programy aktywizacji',
          body: [
            'OPS i PUP przygotowują wspólne programy aktywizacji dla osób najbardziej oddalonych od rynku pracy, łączące instrumenty rynku pracy (staże, prace społecznie użyteczne) z pracą socjalną i instrumentami aktywnej integracji.',
            ...(withTarnowExample ? ['', exampleOfTarnow] : []),
          ].join('\n'),
          addresseeKinds: ['ops', 'pup'],
          timeFrame: 'od II połowy 2014 r.',
        },
      ],
    },
    {
      title: 'Kompetencje kadr i monitorowanie',
      body: 'Rekomendacje są skuteczne, gdy znają je pracownicy pierwszego kontaktu i gdy wiadomo, czy są stosowane.',
      items: [
        {
          title: 'Wspólne szkolenia pracowników',
          body: 'Pracownicy socjalni OPS i PCPR oraz doradcy klienta PUP uczestniczą we wspólnych szkoleniach z zasad profilowania osób bezrobotnych, z instrumentów rynku pracy i pomocy społecznej oraz z prowadzenia konferencji przypadku. Szkolenia organizuje Regionalny Ośrodek Polityki Społecznej w Krakowie we współpracy z Wojewódzkim Urzędem Pracy w Krakowie.',
          addresseeKinds: ['rops', 'wup'],
          timeFrame: 'co najmniej raz w roku',
        },
        {
          title: 'Monitorowanie współpracy',
          body: [
            'Instytucje raz w roku przekazują Regionalnemu Ośrodkowi Polityki Społecznej w Krakowie zestawienie:',
            '',
            '- liczby wspólnych klientów,',
            '- liczby przeprowadzonych konferencji przypadku,',
            '- liczby osób objętych wspólnymi programami aktywizacji i osób, które podjęły zatrudnienie.',
            '',
            'ROPS przedstawia wnioski z zestawień na forum Regionalnej Platformy Współpracy.',
          ].join('\n'),
          addresseeKinds: ['ops', 'pcpr', 'pup', 'rops'],
          timeFrame: 'corocznie, do 31 marca za rok poprzedni',
        },
      ],
    },
  ]
}

const summary =
  'Tekst przykładowy (dane demonstracyjne): rekomendacje grupy roboczej ds. współpracy OPS/PCPR z powiatowymi urzędami pracy, działającej w ramach Regionalnej Platformy Współpracy przy Regionalnym Ośrodku Polityki Społecznej w Krakowie. Porządkują wnioski ze spotkań grupy z lat 2013–2014 i są adresowane do ośrodków pomocy społecznej, powiatowych centrów pomocy rodzinie oraz powiatowych urzędów pracy w województwie małopolskim.'

const addresseeKinds: OrganisationKind[] = ['ops', 'pcpr', 'pup']

/** The whole text over the live one: chapters and items are matched by their order, so their ids (and the comments on them) stay. */
function content(id: number, withTarnowExample: boolean): RecommendationContentInput {
  const live = must(getRecommendation({ id }), `recommendation ${id}`).snapshot
  return {
    title: RECOMMENDATION_TITLE,
    summary,
    addresseeKinds,
    chapters: chapters({ withTarnowExample }).map((chapter, c) => ({
      id: live.chapters[c]?.id ?? null,
      title: chapter.title,
      body: chapter.body,
      items: chapter.items.map((item, i) => ({
        id: live.chapters[c]?.items[i]?.id ?? null,
        title: item.title,
        body: item.body,
        addresseeKinds: item.addresseeKinds ?? [],
        timeFrame: item.timeFrame ?? null,
      })),
    })),
  }
}

const revisionOf = (id: number) => must(getRecommendation({ id }), `recommendation ${id}`).revision

/** The section id of a recommendation by its number („2.2.”). */
function itemId(id: number, number: string): number {
  const items = must(getRecommendation({ id }), `recommendation ${id}`).snapshot.chapters.flatMap((chapter) => chapter.items)
  return must(items.find((item) => item.number === number)?.id, `recommendation ${number}`)
}

/**
 * The group's meeting of 12 June 2014 at ROPS, which adopted the text. Held for the group
 * alone, so the public record of the group keeps its one public meeting of 2013.
 */
function adoptionMeeting(bodyId: number) {
  const { id } = createMeeting({
    bodyId,
    input: {
      topic: `Przyjęcie dokumentu „${RECOMMENDATION_TITLE}”`,
      purpose: 'Omówienie uwag zgłoszonych w konsultacjach i przyjęcie rekomendacji.',
      startsAt: '2014-06-12T10:00',
      endsAt: '2014-06-12T13:00',
      venueName: 'Regionalny Ośrodek Polityki Społecznej w Krakowie',
      isPublic: false,
    },
    actor: SYSTEM_ACTOR,
  })
  const items = [
    { startTime: '10:00', endTime: '11:00', kind: 'discussion', title: 'Omówienie uwag zgłoszonych w konsultacjach' },
    { startTime: '11:00', endTime: '11:30', kind: 'other', title: `Przyjęcie dokumentu „${RECOMMENDATION_TITLE}”` },
    { startTime: '11:30', endTime: '13:00', kind: 'discussion', title: 'Upowszechnienie rekomendacji wśród OPS, PCPR i PUP' },
  ] as const
  for (const item of items) {
    ok(addAgendaItem({ meetingId: id, input: { day: '2014-06-12', speakerIds: [], ...item }, actor: SYSTEM_ACTOR }), item.title)
  }
  inviteMembers({ meetingId: id, actor: SYSTEM_ACTOR })
  setAttendance({
    meetingId: id,
    entries: listInvitations({ meetingId: id }).map((invitation) => ({ invitationId: invitation.id, state: 'present' as const })),
    actor: SYSTEM_ACTOR,
  })
  setMeetingState({ id, state: 'held', actor: SYSTEM_ACTOR })
  return id
}

/** The minutes of the adoption meeting, written over the sections startMinutes drew from the agenda, approved and published to the group. */
async function adoptionMinutes(meetingId: number) {
  startMinutes({ meetingId, actor: SYSTEM_ACTOR })
  const minutes = must(getMinutes({ meetingId }), `minutes of meeting ${meetingId}`)
  const [comments, adoption, outreach] = minutes.snapshot.sections.filter((section) => section.kind === 'agenda_item')
  const texts = new Map<number | undefined, string>([
    [
      minutes.snapshot.sections.find((section) => section.kind === 'introduction')?.id,
      'Spotkanie poświęcone było zakończeniu prac nad rekomendacjami dotyczącymi współpracy OPS/PCPR z powiatowymi urzędami pracy.',
    ],
    [
      comments?.id,
      'Omówiono dwie uwagi zgłoszone w konsultacjach: przykład programu „SOS w oddłużaniu” dopisano do rekomendacji 2.2; termin zawarcia porozumień z rekomendacji 1.1 pozostawiono bez zmian.',
    ],
    [adoption?.id, `Grupa robocza przyjęła dokument **„${RECOMMENDATION_TITLE}”** w brzmieniu po konsultacjach.`],
    [
      outreach?.id,
      'Dokument zostanie opublikowany i przekazany ośrodkom pomocy społecznej, powiatowym centrom pomocy rodzinie i powiatowym urzędom pracy w województwie małopolskim.',
    ],
    [
      minutes.snapshot.sections.find((section) => section.kind === 'decisions')?.id,
      '- Przyjęto rekomendacje dotyczące współpracy OPS/PCPR z PUP w województwie małopolskim.\n- ROPS w Krakowie opublikuje dokument i roześle go instytucjom, do których jest adresowany.',
    ],
  ])
  ok(
    saveMinutes({
      meetingId,
      baseRevision: minutes.revision,
      input: {
        topic: minutes.snapshot.topic,
        place: minutes.snapshot.place,
        preparedBy: 'Regionalny Ośrodek Polityki Społecznej w Krakowie',
        participants: minutes.snapshot.participants,
        sections: minutes.snapshot.sections.flatMap(({ id, title }) => (texts.has(id) ? [{ id, title, body: texts.get(id)! }] : [])),
      },
      actor: SYSTEM_ACTOR,
    }),
    'saving the minutes of the adoption meeting',
  )
  ok(
    approveMinutes({
      meetingId,
      approvedBy: 'Grupa robocza w trybie obiegowym',
      approvedOn: '2014-06-20',
      baseRevision: must(getMinutes({ meetingId }), 'minutes').revision,
      actor: SYSTEM_ACTOR,
    }),
    'approving the minutes of the adoption meeting',
  )
  ok(
    await publishMinutes({
      meetingId,
      visibility: 'members',
      baseRevision: must(getMinutes({ meetingId }), 'minutes').revision,
      actor: SYSTEM_ACTOR,
      origin: origin(),
    }),
    'publishing the minutes of the adoption meeting',
  )
}

export async function seedRecommendations({ bodyId, personIds, memberUserId }: Ids) {
  db.update(schema.bodies).set({ recommendationNumberPattern: 'ROPS-KR/REK/{nr}/{rok}' }).where(eq(schema.bodies.id, bodyId)).run()
  // Anna Flacht (UPPK) comments as a member of the group; nobody signs in as her in the demo, so her password is random.
  const flacht = ok(
    await createUser({
      fields: {
        email: 'anna.flacht@narada.local',
        name: 'Anna Flacht',
        role: 'member',
        personId: must(personIds.get('flacht'), 'Anna Flacht'),
      },
      password: crypto.randomBytes(24).toString('base64url'),
      actor: SYSTEM_ACTOR,
    }),
    'the account of Anna Flacht',
  ).id
  const wrona: Actor & { userId: number } = { userId: memberUserId, ip: null }
  const annaFlacht: Actor & { userId: number } = { userId: flacht, ip: null }

  const id = createRecommendation({ bodyId, input: { title: RECOMMENDATION_TITLE, summary, addresseeKinds }, actor: SYSTEM_ACTOR })
  ok(saveRecommendation({ id, baseRevision: revisionOf(id), input: content(id, false), actor: SYSTEM_ACTOR }), 'saving the draft')

  ok(
    await startConsultation({
      id,
      // The consultation refuses a past deadline; the deadline of 2014 is written once the comments are in.
      commentsDueAt: new Date(Date.now() + 7 * 86_400_000),
      baseRevision: revisionOf(id),
      actor: SYSTEM_ACTOR,
      origin: origin(),
    }),
    'starting the consultation',
  )
  const tarnow = ok(
    addRecommendationComment({
      id,
      sectionId: itemId(id, '2.2.'),
      body: 'Proponuję wskazać jako przykład wspólnego programu dobrą praktykę z Tarnowa, „SOS w oddłużaniu”: staże dla wspólnych klientów MOPS i PUP połączone ze spłatą zadłużenia czynszowego.',
      actor: wrona,
      now: at('2014-05-05', '12:30'),
    }),
    'the comment of Jakub Wrona',
  ).id
  const deadline = ok(
    addRecommendationComment({
      id,
      sectionId: itemId(id, '1.1.'),
      body: 'Termin „do końca 2014 r.” na zawarcie porozumień jest zbyt krótki dla urzędów pracy obsługujących kilkanaście gmin. Proponuję „do końca I półrocza 2015 r.”.',
      actor: annaFlacht,
      now: at('2014-05-12', '09:15'),
    }),
    'the comment of Anna Flacht',
  ).id
  db.update(schema.documents)
    .set({ commentsDueAt: at('2014-05-16', '23:59').toISOString() })
    .where(eq(schema.documents.id, id))
    .run()
  ok(saveRecommendation({ id, baseRevision: revisionOf(id), input: content(id, true), actor: SYSTEM_ACTOR }), 'taking the comment in')
  ok(
    resolveRecommendationComment({
      id,
      commentId: tarnow,
      resolution: 'accepted',
      note: 'Przykład dopisano w rekomendacji 2.2.',
      actor: SYSTEM_ACTOR,
    }),
    'accepting the comment of Jakub Wrona',
  )
  ok(
    resolveRecommendationComment({
      id,
      commentId: deadline,
      resolution: 'rejected',
      note: 'Grupa pozostała przy terminie do końca 2014 r.: znowelizowana ustawa o promocji zatrudnienia obowiązuje od 27 maja 2014 r., a wspólne działania OPS i PUP wymagają porozumień już w tym roku.',
      actor: SYSTEM_ACTOR,
    }),
    'rejecting the comment of Anna Flacht',
  )

  const meetingId = adoptionMeeting(bodyId)
  ok(adoptRecommendation({ id, meetingId, baseRevision: revisionOf(id), actor: SYSTEM_ACTOR }), 'adopting')
  await adoptionMinutes(meetingId)
  ok(
    await publishRecommendation({
      id,
      visibility: 'public',
      baseRevision: revisionOf(id),
      actor: SYSTEM_ACTOR,
      origin: origin(),
      now: at('2014-06-30', '12:00'),
    }),
    'publishing',
  )
  return { recommendationId: id, adoptionMeetingId: meetingId }
}
