import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { renderPdf, type PdfOptions, type RenderPdfInput } from './document.server'
import {
  drawBulletList,
  drawKeyValues,
  drawParagraph,
  drawSectionHeading,
  drawSignatures,
  drawTable,
  drawTitleBlock,
  type Doc,
  type TableRow,
} from './layout'

const POLISH_LETTERS = 'ąćęłńóśźżĄĆĘŁŃÓŚŹŻ'
const FUNDING_NOTICE =
  'Projekt współfinansowany przez Unię Europejską z Europejskiego Funduszu Społecznego w ramach Programu Operacyjnego Kapitał Ludzki'
const INSTITUTIONS = [
  'Śląska Fundacja Obywatelska Lex Civis',
  'Miejski Ośrodek Pomocy Społecznej w Krakowie',
  'Powiatowy Urząd Pracy w Żywcu',
  'Regionalny Ośrodek Polityki Społecznej w Krakowie',
]
const PEOPLE = [
  'Małgorzata Moryń-Trzęsimiech',
  'Łukasz Żółkiewski',
  'Zażółć Gęślą-Jaźń',
  'Ewa Świętochowska',
  'Grzegorz Brzęczyszczykiewicz',
  'Agnieszka Ćwiklińska',
]

const FINDINGS =
  'że Powiatowy Urząd Pracy w Żywcu przekaże Śląskiej Fundacji Obywatelskiej Lex Civis dane o osobach długotrwale bezrobotnych, a Miejski Ośrodek Pomocy Społecznej przygotuje zestawienie usług. '

/** Four institutions of 14 people each: with the signature column, well over three pages. */
function attendanceRows(perInstitution = 14): { rows: TableRow[]; count: number } {
  const rows: TableRow[] = []
  let number = 0
  for (const institution of INSTITUTIONS) {
    rows.push({ group: institution })
    for (let index = 0; index < perInstitution; index++) {
      number++
      const position =
        index % 5 === 0
          ? 'Naczelnik Wydziału Polityki Społecznej, pełnomocnik ds. współpracy z organizacjami pozarządowymi i koordynator zespołu'
          : 'Specjalista pracy socjalnej'
      rows.push([`${number}.`, PEOPLE[index % PEOPLE.length] ?? '', position, `osoba${number}@example.pl`])
    }
  }
  return { rows, count: number }
}

function sampleLayout(rows: TableRow[], findingsLength: number) {
  return (doc: Doc) => {
    drawTitleBlock(doc, {
      documentKind: 'Lista obecności',
      bodyName: 'Zespół doradczy ds. ekonomii społecznej',
      subtitle: 'Zażółć gęślą jaźń — spotkanie pierwsze z cyklu trzech spotkań',
      dateLine: 'Kraków, 14–15 maja 2012 r.',
    })
    drawKeyValues(doc, [
      {
        label: 'Miejsce',
        value: 'Urząd Miasta Krakowa, pl. Wszystkich Świętych 3–4, sala Portretowa',
      },
      {
        label: 'Prowadzący',
        value: [{ text: 'Małgorzata Moryń-Trzęsimiech', bold: true }, ', przewodnicząca'],
      },
    ])
    drawSectionHeading(doc, '1. Cel spotkania')
    drawParagraph(doc, [
      'Zażółć gęślą jaźń. ZAŻÓŁĆ GĘŚLĄ JAŹŃ. ',
      { text: 'Uczestnicy', bold: true },
      ' omówili ',
      { text: 'rekomendacje', italic: true },
      ' dla instytucji rynku pracy i pomocy społecznej.',
    ])
    drawBulletList(doc, ['Przedstawienie wyników badań.', 'Dyskusja nad rekomendacjami Śląskiej Fundacji.'])
    drawSectionHeading(doc, '2. Lista uczestników')
    drawTable(doc, {
      columns: [
        { header: 'Lp.', width: 1, align: 'right' },
        { header: 'Imię i nazwisko', width: 5 },
        { header: 'Stanowisko', width: 5 },
        { header: 'E-mail', width: 5 },
      ],
      rows,
      signatureColumns: [{ header: 'Podpis', width: 3 }],
    })
    drawSectionHeading(doc, '3. Ustalenia')
    // Long enough to continue on the next page from inside a tagged paragraph.
    drawParagraph(doc, [{ text: 'Ustalono, ', bold: true }, FINDINGS.repeat(findingsLength)])
    drawSignatures(doc, [{ label: 'Sporządził(a)', name: 'Jan Kowalski', caption: 'sekretarz zespołu' }, { label: 'Zatwierdził(a)' }])
  }
}

const createdAt = new Date('2012-05-15T13:00:00Z')

function sampleInput(options: PdfOptions = {}, { rows = attendanceRows().rows, findingsLength = 40 } = {}): RenderPdfInput {
  return {
    meta: {
      title: 'Lista obecności – Zespół doradczy ds. ekonomii społecznej & partnerzy',
      author: 'Miejski Ośrodek Pomocy Społecznej w Krakowie',
      subject: 'Spotkanie nr 1 z 14–15 maja 2012 r.',
      keywords: ['lista obecności', 'zespół doradczy'],
      createdAt,
    },
    options: { fundingNotice: FUNDING_NOTICE, ...options },
    layout: sampleLayout(rows, findingsLength),
  }
}

let workDir: string
let fileCount = 0

function writePdf(bytes: Buffer) {
  const file = path.join(workDir, `document-${++fileCount}.pdf`)
  writeFileSync(file, bytes)
  return file
}

const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8' })
/** Page texts, in reading order; pdftotext separates pages with a form feed. */
const pageTexts = (file: string) => run('pdftotext', ['-enc', 'UTF-8', file, '-']).split('\f').slice(0, -1)
const squash = (text: string) => text.replace(/\s+/g, ' ')
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

describe('renderPdf', () => {
  let draft: Buffer
  let draftFile: string
  let archival: Buffer
  let archivalFile: string

  beforeAll(async () => {
    workDir = mkdtempSync(path.join(tmpdir(), 'narada-pdf-'))
    draft = await renderPdf(sampleInput({ watermark: 'PROJEKT' }))
    draftFile = writePdf(draft)
    archival = await renderPdf(sampleInput({ pdfA: true }))
    archivalFile = writePdf(archival)
  })

  afterAll(() => {
    // KEEP_PDF=1 keeps the rendered files, to look at them.
    if (process.env.KEEP_PDF) console.log(workDir)
    else rmSync(workDir, { recursive: true, force: true })
  })

  it('keeps every Polish letter and numbers every page "Strona n z N"', () => {
    const pages = pageTexts(archivalFile)
    expect(pages.length).toBeGreaterThanOrEqual(3)
    const text = squash(pages.join(' '))
    for (const letter of POLISH_LETTERS) expect(text).toContain(letter)
    expect(text).toContain('Zażółć gęślą jaźń. ZAŻÓŁĆ GĘŚLĄ JAŹŃ.')
    for (const name of [...PEOPLE, ...INSTITUTIONS]) expect(text).toContain(name)
    pages.forEach((page, index) => {
      expect(squash(page)).toContain(`Strona ${index + 1} z ${pages.length}`)
      expect(squash(page)).toContain(FUNDING_NOTICE)
    })
  })

  it('repeats the table header on every page and never splits a row', () => {
    const pages = pageTexts(archivalFile).map(squash)
    const { count } = attendanceRows()
    const tablePages = pages.filter((page) => /osoba\d+@example\.pl/.test(page))
    expect(tablePages.length).toBeGreaterThanOrEqual(2)
    for (const page of tablePages) expect(page).toContain('Imię i nazwisko')
    expect(pages.join(' ')).toContain(' (cd.)')
    for (let number = 1; number <= count; number++) {
      const email = `osoba${number}@example.pl`
      const page = pages.find((text) => text.includes(email))
      expect(page, email).toBeDefined()
      // The row's number and e-mail were drawn on the same page.
      expect(page).toMatch(new RegExp(`(^| )${number}\\. `))
    }
  })

  it('balances marked content and graphics state on every page', () => {
    for (const file of [draftFile, archivalFile]) {
      const qdf = run('qpdf', ['--qdf', '--object-streams=disable', file, '-'])
      const pages = qdf.split(/%% Contents for page \d+/).slice(1)
      expect(pages.length).toBe(pageTexts(file).length)
      for (const page of pages) {
        const content = page.slice(0, page.indexOf('endstream'))
        const count = (operator: string) => content.match(new RegExp(`(^|\\s)${operator}(?=\\s)`, 'g'))?.length ?? 0
        expect(count('BDC') + count('BMC')).toBe(count('EMC'))
        expect(count('q')).toBe(count('Q'))
      }
    }
  })

  it('passes qpdf --check', () => {
    for (const file of [draftFile, archivalFile]) {
      const result = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' })
      expect(result.stderr).toBe('')
      expect(result.stdout).toContain('No syntax or stream encoding errors found')
      expect(result.status).toBe(0)
    }
  })

  it('embeds every font', () => {
    const lines = run('pdffonts', [archivalFile]).trim().split('\n').slice(2)
    expect(lines.length).toBeGreaterThan(0)
    for (const line of lines) {
      expect(line).toMatch(/DejaVuSans/)
      // Columns: name type encoding emb sub uni object generation
      const [emb] = line.trim().split(/\s+/).slice(-5)
      expect(emb, line).toBe('yes')
    }
  })

  it('carries title, author, subject, dates, language and structure tags', async () => {
    const info = run('pdfinfo', ['-isodates', archivalFile])
    expect(info).toMatch(/^Title:\s+Lista obecności – Zespół doradczy ds\. ekonomii społecznej & partnerzy$/m)
    expect(info).toMatch(/^Author:\s+Miejski Ośrodek Pomocy Społecznej w Krakowie$/m)
    expect(info).toMatch(/^Subject:\s+Spotkanie nr 1 z 14–15 maja 2012 r\.$/m)
    expect(info).toMatch(/^Keywords:\s+lista obecności, zespół doradczy$/m)
    expect(info).toMatch(/^CreationDate:\s+2012-05-15T13:00:00Z$/m)
    expect(info).toMatch(/^ModDate:\s+2012-05-15T13:00:00Z$/m)
    expect(info).toMatch(/^Tagged:\s+yes$/m)
    expect(info).toMatch(/^Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)$/m)
    expect(archival.toString('latin1')).toContain('/Lang (pl-PL)')

    // poppler's -struct-text is slow on long documents (seconds per page): check a short one.
    const short = writePdf(await renderPdf(sampleInput({ pdfA: true }, { rows: attendanceRows(2).rows, findingsLength: 1 })))
    const structure = run('pdfinfo', ['-struct-text', short])
    expect(structure).toMatch(/^Document\n {2}H1 \(block\)\n {4}"Lista obecności"$/m)
    expect(structure).toMatch(/^ {2}H2 \(block\)\n {4}"1\. Cel spotkania"$/m)
    expect(structure).toMatch(/^ {2}P \(block\)\n {4}"Zażółć gęślą jaźń\. ZAŻÓŁĆ GĘŚLĄ JAŹŃ\. Uczestnicy omówili/m)
    expect(structure).toMatch(/^ {6}LBody \(block\)\n {8}"Przedstawienie wyników badań\."$/m)
    expect(structure).toMatch(/^ {6}TH:\n {9}\/Scope \/Column\n {8}"Imię i nazwisko"$/m)
    expect(structure).toMatch(/^ {6}TH:\n {9}\/Scope \/Row\n {8}"Miejsce:"$/m)
    expect(structure).toMatch(/^ {6}TD\n {8}"Małgorzata Moryń-Trzęsimiech"$/m)
    expect(structure).not.toContain('Strona 1 z')
    // Header rows repeated on later pages are artifacts: the structure has the 2 key/value
    // headers and the table's 5 column headers once.
    const longStructure = run('pdfinfo', ['-struct', archivalFile])
    expect(longStructure.match(/^ {6}TH:?$/gm)).toHaveLength(7)
  })

  it('declares PDF/A-2b with an sRGB output intent only when asked, with valid XMP', () => {
    const raw = archival.toString('latin1')
    const xmp = archival.toString('utf8').match(/<\?xpacket begin[\s\S]*?<\?xpacket end="w"\?>/)?.[0] ?? ''
    expect(xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>B<\/pdfaid:conformance>/)
    expect(xmp).toContain('<xmp:CreateDate>2012-05-15T13:00:00Z</xmp:CreateDate>')
    expect(xmp).toContain('<xmp:ModifyDate>2012-05-15T13:00:00Z</xmp:ModifyDate>')
    expect(xmp).toContain('ekonomii społecznej &amp; partnerzy</rdf:li>')
    expect(xmp).not.toMatch(/&(?!amp;|lt;|gt;|quot;)/)
    expect(raw).toMatch(/\/Type \/OutputIntent\s+\/S \/GTS_PDFA1/)
    expect(raw).toContain('/OutputConditionIdentifier (sRGB IEC61966-2.1)')
    expect(raw).toMatch(/\/DestOutputProfile \d+ 0 R/)

    const draftRaw = draft.toString('latin1')
    expect(draftRaw).not.toContain('pdfaid:part')
    expect(draftRaw).not.toContain('/OutputIntent')
  })

  it('draws the watermark without disturbing the text', () => {
    const draftPages = pageTexts(draftFile)
    const plain = writePdf(Buffer.from(archival))
    expect(draftPages).toEqual(pageTexts(plain))
    expect(draftPages.join('')).not.toMatch(/PROJEKT|PR\s*O|JE\s*KT/)
    // Drawn as outlines behind the content, once per page: a filled path in every page stream.
    const pageCount = draftPages.length
    const streams = run('qpdf', ['--qdf', '--object-streams=disable', draftFile, '-'])
    expect(streams.match(/\/Artifact <<\s*\/Type \/Pagination\s*>> BDC\s+q\s+0\.890 0\.890 0\.890 rg/g)).toHaveLength(pageCount)
  })

  it('renders the same input to the same bytes', async () => {
    const again = await renderPdf(sampleInput({ pdfA: true }))
    expect(sha256(again)).toBe(sha256(archival))
    const draftAgain = await renderPdf(sampleInput({ watermark: 'PROJEKT' }))
    expect(sha256(draftAgain)).toBe(sha256(draft))

    const later = sampleInput({ pdfA: true })
    later.meta.createdAt = new Date('2012-05-16T09:00:00Z')
    expect(sha256(await renderPdf(later))).not.toBe(sha256(archival))
  })

  it('prints only the page number when there is no funding notice', async () => {
    const input = sampleInput({ fundingNotice: null }, { rows: attendanceRows(2).rows, findingsLength: 1 })
    const pages = pageTexts(writePdf(await renderPdf(input)))
    expect(squash(pages[0] ?? '')).toContain(`Strona 1 z ${pages.length}`)
    expect(pages.join('')).not.toContain('współfinansowany')
  })

  it('rejects a table row with the wrong number of cells', async () => {
    const input = sampleInput()
    input.layout = (doc) => drawTable(doc, { columns: [{ header: 'Lp.', width: 1 }], rows: [['1.', 'x']] })
    await expect(renderPdf(input)).rejects.toThrow('Table row has 2 cells, expected 1')
  })
})
