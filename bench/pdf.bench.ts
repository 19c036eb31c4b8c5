import './support/setup'
import { bench, describe } from 'vitest'
import { renderPdf, type PdfOptions } from '~/pdf/document.server'
import { drawTable, drawTitleBlock, type Doc, type TableRow } from '~/pdf/layout'

const ROWS = 200
// A render allocates a lot: a longer warm-up and run keep JIT and GC noise out of the ratios.
const TIMING = { time: 3_000, warmupTime: 1_000 }
const INSTITUTIONS = [
  'Śląska Fundacja Obywatelska Lex Civis',
  'Miejski Ośrodek Pomocy Społecznej w Krakowie',
  'Powiatowy Urząd Pracy w Żywcu',
  'Regionalny Ośrodek Polityki Społecznej w Krakowie',
]
const PEOPLE = [
  'Małgorzata Moryń-Trzęsimiech',
  'Łukasz Żółkiewski',
  'Ewa Świętochowska',
  'Grzegorz Brzęczyszczykiewicz',
  'Agnieszka Ćwiklińska',
]

const rows: TableRow[] = Array.from({ length: ROWS }, (_, index) => [
  `${index + 1}.`,
  PEOPLE[index % PEOPLE.length]!,
  INSTITUTIONS[index % INSTITUTIONS.length]!,
  index % 7 === 0
    ? 'Naczelnik Wydziału Polityki Społecznej, pełnomocnik ds. współpracy z organizacjami pozarządowymi'
    : 'Specjalista pracy socjalnej',
])

function layout(doc: Doc) {
  drawTitleBlock(doc, {
    documentKind: 'Lista obecności',
    bodyName: 'Zespół doradczy ds. ekonomii społecznej',
    dateLine: 'Kraków, 14 maja 2012 r.',
  })
  drawTable(doc, {
    columns: [
      { header: 'Lp.', width: 1, align: 'right' },
      { header: 'Imię i nazwisko', width: 5 },
      { header: 'Instytucja', width: 6 },
      { header: 'Stanowisko', width: 6 },
    ],
    rows,
  })
}

const render = (options: PdfOptions) =>
  renderPdf({
    meta: { title: 'Lista obecności', author: 'Narada', subject: 'Benchmark', createdAt: new Date('2012-05-15T13:00:00Z') },
    options,
    layout,
  })

const sizes = await Promise.all([render({}), render({ pdfA: true }), render({ watermark: 'PROJEKT' })])
console.log(
  `PDF: ${ROWS}-row table, ${sizes.map((bytes) => `${Math.round(bytes.length / 1024)} KiB`).join(' / ')} (plain / PDF/A / watermark)`,
)

describe(`PDF, ${ROWS}-row table`, () => {
  bench(
    'renderPdf plain',
    async () => {
      await render({})
    },
    TIMING,
  )
  bench(
    'renderPdf pdfA: true',
    async () => {
      await render({ pdfA: true })
    },
    TIMING,
  )
  bench(
    'renderPdf watermark',
    async () => {
      await render({ watermark: 'PROJEKT' })
    },
    TIMING,
  )
})
