import './support/setup'
import crypto from 'node:crypto'
import { bench, describe } from 'vitest'
import type { MinutesSnapshot } from '~/models/minutes.server'
import { renderMinutesPdf } from '~/pdf/minutes/build.server'

// A published record is served from its archived bytes (ADR 0009) instead of being rendered
// again from its snapshot: this measures what that saves per download, and what checking an
// uploaded copy on /verify costs (hashing the file).
const TIMING = { time: 3_000, warmupTime: 1_000 }
const paragraph =
  'Przedstawiciel Powiatowego Urzędu Pracy omówił zasady współpracy z ośrodkami pomocy społecznej, w tym wymianę informacji o osobach długotrwale bezrobotnych i **wspólne** kontrakty socjalne.'

const snapshot: MinutesSnapshot = {
  meetingId: 1,
  bodyId: 1,
  bodyName: 'Zespół Doradczy ds. pomocy osobom bezrobotnym',
  bodyKind: 'advisory_team',
  meetingNumber: 1,
  startsAt: '2009-06-16T08:00:00.000Z',
  endsAt: '2009-06-16T10:00:00.000Z',
  topic: 'Prezentacja działań podejmowanych przez Miasto Katowice na rzecz osób bezrobotnych',
  place: 'Urząd Miasta Katowice, ul. Młyńska 4, sala 5',
  participants: Array.from({ length: 18 }, (_, i) => ({
    organisation: `Instytucja nr ${Math.floor(i / 3) + 1} w Łodzi`,
    name: `Zażółć Gęślą ${i + 1}`,
    role: 'specjalista pracy socjalnej',
  })),
  sections: Array.from({ length: 8 }, (_, i) => ({
    id: i + 1,
    kind: 'agenda_item' as const,
    agendaItemId: null,
    title: `Punkt ${i + 1}: współpraca OPS i PUP`,
    body: `${paragraph}\n\n- pierwsze ustalenie\n- drugie ustalenie\n\n${paragraph}`,
  })),
  actionItems: Array.from({ length: 6 }, (_, i) => ({
    id: i + 1,
    text: `Zadanie ${i + 1}: porozumienie MOPS–PUP`,
    owner: 'Miejski Ośrodek Pomocy Społecznej',
    dueText: 'najpóźniej w III kwartale 2017 r.',
    dueDate: '2017-09-30',
    state: 'open' as const,
    stateNote: null,
  })),
  preparedBy: 'Gizela Przeor, podinspektor',
  approvedBy: 'Zespół na kolejnym spotkaniu',
  approvedOn: '2009-07-14',
  fundingNotice: null,
  state: 'published',
  visibility: 'public',
  publication: {
    code: '0123456789AB',
    verifyUrl: 'https://narada.example.pl/verify/0123456789AB',
    publishedAt: '2009-07-15T10:00:00.000Z',
    publishedBy: 'Gizela Przeor',
  },
  updatedAt: '2009-07-15T10:00:00.000Z',
}

const archived = await renderMinutesPdf({ snapshot })
console.log(`Minutes PDF: 8 sections, 18 participants, 6 action items — ${Math.round(archived.length / 1024)} KiB`)

describe('a published minutes PDF', () => {
  bench(
    'render again from the snapshot',
    async () => {
      await renderMinutesPdf({ snapshot })
    },
    TIMING,
  )
  bench(
    'serve the archived bytes (copy)',
    () => {
      Buffer.from(archived)
    },
    TIMING,
  )
  bench(
    'verify an uploaded copy (SHA-256)',
    () => {
      crypto.createHash('sha256').update(archived).digest('hex')
    },
    TIMING,
  )
})
