import { afterEach, describe, expect, it } from 'vitest'
import { pageTexts, pdfFile } from '#tests/support/pdf'
import { renderPdf } from '../document.server'
import { unbreakablePieces } from './column-widths'
import { drawTable, type TableData } from './table'

const ROPS = 'Regionalny Ośrodek Polityki Społecznej Województwa Zachodniopomorskiego'
const files: { remove(): void }[] = []
afterEach(() => files.splice(0).forEach((file) => file.remove()))

async function tableText(data: TableData) {
  const bytes = await renderPdf({
    meta: { title: 'Tabela', author: 'Narada', subject: 'Tabela', createdAt: new Date('2012-05-15T13:00:00Z') },
    layout: (doc) => drawTable(doc, data),
  })
  const file = pdfFile(bytes)
  files.push(file)
  return pageTexts(file.file).join('\n')
}

/** Every word pdftotext reads back is a whole word of the table (or of the page label), or a part of it ending with its hyphen. */
function expectNoSplitWords(text: string, data: TableData) {
  const strings = [
    ...data.columns.map((column) => column.header),
    ...(data.signatureColumns ?? []).map((column) => column.header),
    ...data.rows.flatMap((row) => ('group' in row ? [row.group] : [...row])),
    'Strona 1 z 1',
  ]
  const words = new Set([...strings.flatMap(unbreakablePieces), ...strings.flatMap((text) => text.split(/\s+/))])
  const read = text.split(/\s+/).filter(Boolean)
  expect(read.filter((word) => !words.has(word))).toEqual([])
  return read
}

describe('drawTable', () => {
  it('wraps a long institution name at spaces in a narrow column, never inside „Zachodniopomorskiego”', async () => {
    const data: TableData = {
      columns: [
        { header: 'Lp.', width: 1.2 },
        { header: 'Zadanie', width: 6.4 },
        { header: 'Odpowiedzialni', width: 4 },
        { header: 'Termin', width: 3.4 },
        { header: 'Stan', width: 3 },
      ],
      rows: [
        ['1.', 'Przygotować zestawienie rekomendacji dla powiatów', ROPS, 'III kwartał 2012 r.', 'otwarte'],
        ['2.', 'Rozesłać notatkę', 'Anna Źdźbło-Łęcka', '30.06.2012 r.', 'wykonane'],
      ],
    }
    const text = await tableText(data)
    const read = expectNoSplitWords(text, data)
    expect(read).toContain('Zachodniopomorskiego')
    expect(read).toContain('Odpowiedzialni')
  })

  it('keeps whole words with a signature column per day', async () => {
    const data: TableData = {
      columns: [
        { header: 'Lp.', width: 1.2, align: 'right' },
        { header: 'Imię i nazwisko', width: 5 },
        { header: 'Stanowisko / Instytucja', width: 6 },
      ],
      rows: [{ group: ROPS }, ['1.', 'Grzegorz Brzęczyszczykiewicz', `Starszy specjalista ds. współpracy — ${ROPS}`]],
      signatureColumns: ['14.05.2012 r.', '15.05.2012 r.', '16.05.2012 r.'].map((date) => ({ header: `Podpis ${date}`, width: 3 })),
    }
    const text = await tableText(data)
    const read = expectNoSplitWords(text, data)
    expect(read).toContain('Brzęczyszczykiewicz')
    expect(read.filter((word) => word === 'Zachodniopomorskiego')).toHaveLength(2)
  })

  it('breaks inside a word only when the word is wider than the whole table', async () => {
    const word = 'Konstantynopolitańczykowianeczka'.repeat(4)
    const text = await tableText({ columns: [{ header: 'Nazwa', width: 1 }], rows: [[word]] })
    expect(text.replace(/\s+/g, '')).toContain(word)
    expect(text.split(/\s+/)).not.toContain(word)
  })
})
