import './support/setup'
import { bench, describe } from 'vitest'
import type { AgendaView } from '~/pdf/agenda/layout'
import { createPdfServer } from '~/pdf/serve/pdf-server'
import { renderPdfJob, type PdfJob } from '~/pdf/serve/render.server'

// What a download of „Program spotkania” costs once its bytes are kept by the SHA-256 of its
// view (app/pdf/serve), against rendering it for every request as before.
const TIMING = { time: 3_000, warmupTime: 1_000 }

const view: AgendaView = {
  meta: {
    title: 'Program spotkania — Zespół Doradczy ds. ekonomii społecznej, Spotkanie nr 7',
    author: 'Regionalny Ośrodek Polityki Społecznej w Krakowie',
    subject: 'Spotkanie nr 7: Współpraca OPS i PUP, 14 maja 2012 r.',
    keywords: ['Program spotkania', 'Zespół Doradczy ds. ekonomii społecznej'],
    createdAt: new Date('2012-05-01T10:00:00.000Z'),
  },
  fundingNotice: 'Projekt współfinansowany ze środków Unii Europejskiej w ramach Europejskiego Funduszu Społecznego',
  bodyName: 'Zespół Doradczy ds. ekonomii społecznej',
  subtitle: 'Spotkanie nr 7 — Współpraca OPS i PUP',
  dateLine: '14 maja 2012 r.',
  details: [
    { label: 'Termin', value: '14.05.2012 r., godz. 10:00–15:00' },
    { label: 'Miejsce', value: 'Urząd Marszałkowski, ul. Racławicka 56, sala 112' },
  ],
  cancelled: null,
  days: [
    {
      heading: '14 maja 2012 r.',
      items: Array.from({ length: 10 }, (_, i) => ({
        time: `${String(10 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`,
        title: `Punkt ${i + 1}: wymiana informacji o osobach długotrwale bezrobotnych`,
        kind: 'Prezentacja',
        description: 'Wyniki badań ankietowych z 2011 r. i wnioski dla Żor, Wodzisławia Śląskiego i Łodzi.',
        track: null,
        speakers: ['Małgorzata Moryń-Trzęsimiech (Powiatowy Urząd Pracy w Żywcu)'],
        moderator: null,
      })),
    },
  ],
  fileName: 'program-spotkania-nr-7.pdf',
}
const job: PdfJob = { kind: 'agenda', view }
const server = createPdfServer({ render: renderPdfJob, version: 'bench', concurrency: 1, maxWaiting: 8, maxBytes: 32 * 1024 * 1024 })
const first = await server.respond(new Request('http://narada.test/agenda.pdf'), job)
const etag = first.headers.get('ETag')!

describe('a download of the agenda PDF', () => {
  bench(
    'rendered for every request',
    async () => {
      await renderPdfJob(job)
    },
    TIMING,
  )
  bench(
    'served from the cache (view digest, copy of the bytes)',
    async () => {
      await (await server.respond(new Request('http://narada.test/agenda.pdf'), job)).arrayBuffer()
    },
    TIMING,
  )
  bench(
    'revalidated with If-None-Match (304)',
    async () => {
      await server.respond(new Request('http://narada.test/agenda.pdf', { headers: { 'If-None-Match': etag } }), job)
    },
    TIMING,
  )
})
