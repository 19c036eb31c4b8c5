import type { RecommendationChapter, RecommendationSnapshot } from '~/models/recommendation-snapshot'

const POLISH = 'ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ'

/** A published recommendation document of the kind sample 001's group writes, for rendering alone. */
export function recommendationSnapshot(): RecommendationSnapshot {
  return {
    documentId: 41,
    bodyId: 2,
    bodyName: 'Grupa robocza ds. współpracy OPS/PCPR z PUP',
    convener: 'Regionalny Ośrodek Polityki Społecznej w Krakowie',
    umbrella: 'Regionalna Platforma Współpracy przy ROPS w Krakowie',
    title: 'Rekomendacje dotyczące współpracy OPS/PCPR z PUP w województwie małopolskim',
    summary: `Tekst przykładowy. Grupa robocza zebrała doświadczenia ośrodków i urzędów pracy (${POLISH}).`,
    addresseeKinds: ['ops', 'pcpr', 'pup'],
    chapters: [
      {
        id: 1,
        number: '1.',
        title: 'Wymiana informacji o wspólnych klientach',
        body: 'Instytucje obsługują w dużej części **tych samych** klientów.',
        items: [
          {
            id: 2,
            number: '1.1.',
            title: 'Jeden punkt kontaktowy w każdej instytucji',
            body: 'Każdy OPS, PCPR i PUP wyznacza osobę do kontaktu.',
            addresseeKinds: ['ops', 'pup'],
            timeFrame: 'do końca 2014 r.',
          },
          {
            id: 3,
            number: '1.2.',
            title: 'Bezpieczna wymiana danych',
            body: '- zakres danych uzgodniony w porozumieniu\n- przekazywanie elektroniczne',
            addresseeKinds: [],
            timeFrame: null,
          },
        ],
      },
      {
        id: 4,
        number: '2.',
        title: 'Wspólne działania',
        body: '',
        items: [
          {
            id: 5,
            number: '2.1.',
            title: 'Wspólne konferencje przypadków',
            body: 'Pracownik socjalny i doradca klienta spotykają się z klientem razem.',
            addresseeKinds: [],
            timeFrame: 'na bieżąco',
          },
        ],
      },
    ],
    annexes: [{ id: 9, title: 'Harmonogram wdrożenia', fileName: 'harmonogram.pdf', sizeBytes: 1234, sha256: 'a'.repeat(64) }],
    members: [
      { organisation: 'Miejski Ośrodek Pomocy Społecznej w Tarnowie', kind: 'ops', delegate: 'Anna Łęcka', deputy: null },
      { organisation: 'Powiatowy Urząd Pracy w Nowym Sączu', kind: 'pup', delegate: 'Jan Żółć', deputy: 'Ewa Ślęzak' },
    ],
    fundingNotice: 'Projekt współfinansowany ze środków Unii Europejskiej w ramach Europejskiego Funduszu Społecznego',
    state: 'published',
    visibility: 'public',
    adoption: { meetingId: 7, meetingNumber: 3, adoptedOn: '2014-03-14' },
    number: 'ROPS-KR/REK/1/2014',
    publication: {
      code: '7K3M9QW2XB4D',
      verifyUrl: 'https://narada.example.pl/verify/7K3M9QW2XB4D',
      publishedAt: '2014-03-20T10:00:00.000Z',
      publishedBy: 'Jakub Wrona',
    },
    updatedAt: '2014-03-14T12:00:00.000Z',
  }
}

const PARAGRAPH =
  'Ośrodki pomocy społecznej i powiatowe urzędy pracy uzgadniają wspólny plan działań wobec osób długotrwale bezrobotnych, ' +
  'korzystających jednocześnie ze świadczeń pomocy społecznej, tak aby żadna z instytucji nie działała w oderwaniu od drugiej. '

/** A publication of about a hundred pages: 36 chapters of 6 recommendations, each a few paragraphs long. */
export function largeRecommendationSnapshot(): RecommendationSnapshot {
  let id = 100
  const chapters: RecommendationChapter[] = Array.from({ length: 36 }, (_, c) => ({
    id: id++,
    number: `${c + 1}.`,
    title: `Obszar współpracy numer ${c + 1}`,
    body: PARAGRAPH.repeat(2),
    items: Array.from({ length: 6 }, (_, i) => ({
      id: id++,
      number: `${c + 1}.${i + 1}.`,
      title: `Rekomendacja ${c + 1}.${i + 1} — ${POLISH}`,
      body: `${PARAGRAPH.repeat(3)}\n\n${PARAGRAPH.repeat(2)}\n\n- pierwszy krok wdrożenia\n- drugi krok wdrożenia`,
      addresseeKinds: i % 2 ? ['ops' as const] : [],
      timeFrame: i % 3 ? null : 'do końca 2015 r.',
    })),
  }))
  return { ...recommendationSnapshot(), chapters }
}
