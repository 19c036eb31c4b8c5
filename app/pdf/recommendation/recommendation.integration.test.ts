import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RecommendationSnapshot } from '~/models/recommendation-snapshot'
import { pageTexts, pdfFile, pdfFonts, pdfInfo, qpdfCheck, squash } from '#tests/support/pdf'
import { renderRecommendationPdf } from './build.server'
import { largeRecommendationSnapshot, recommendationSnapshot } from '#tests/support/recommendation-snapshots'

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')
const files: { remove(): void }[] = []
afterAll(() => files.forEach((file) => file.remove()))

function read(bytes: Buffer) {
  const file = pdfFile(bytes)
  files.push(file)
  const pages = pageTexts(file.file).map(squash)
  return { file: file.file, pages, text: pages.join(' ') }
}

/** The page numbers the table of contents prints after each entry's text. */
function contentsEntries(contentsPage: string, titles: string[]): Map<string, number> {
  return new Map(
    titles.map((title) => {
      const at = contentsPage.indexOf(title)
      expect(at, `„${title}” in the table of contents`).toBeGreaterThanOrEqual(0)
      const number = /^\s*(\d+)/.exec(contentsPage.slice(at + title.length))
      expect(number, `a page number after „${title}”`).not.toBeNull()
      return [title, Number(number![1])]
    }),
  )
}

describe('the published recommendations PDF', () => {
  const snapshot = recommendationSnapshot()
  let bytes: Buffer
  let pdf: ReturnType<typeof read>

  beforeAll(async () => {
    bytes = await renderRecommendationPdf({ snapshot })
    pdf = read(bytes)
  })

  it('opens with a title page naming the centre, the team, the title, the number and the adoption', () => {
    const title = pdf.pages[0]
    expect(title).toContain('Regionalny Ośrodek Polityki Społecznej w Krakowie')
    expect(title).toContain('Regionalna Platforma Współpracy')
    expect(title).toContain('Grupa robocza ds. współpracy OPS/PCPR z PUP')
    expect(title).toContain('Rekomendacje dotyczące współpracy OPS/PCPR z PUP w województwie małopolskim')
    expect(title).toContain('Nr ROPS-KR/REK/1/2014')
    expect(title).toContain('Przyjęte przez zespół na spotkaniu nr 3 w dniu 14.03.2014 r.')
    expect(title).toContain('Projekt współfinansowany ze środków Unii Europejskiej')
    expect(pdf.text).not.toContain('PROJEKT')
  })

  it('has a table of contents whose page numbers are the pages the chapters and the annex begin on', () => {
    const contents = pdf.pages[1]
    expect(contents).toContain('Spis treści')
    const headings = [
      ...snapshot.chapters.map((chapter) => `${chapter.number} ${chapter.title}`),
      'Załącznik. Skład zespołu w okresie prac i adresaci rekomendacji',
    ]
    const printed = contentsEntries(contents!, ['Streszczenie', ...headings])
    for (const [heading, page] of printed) {
      expect(pdf.pages[page - 1], `„${heading}” on page ${page}`).toContain(heading)
      // …and not already on an earlier page of the content (the table of contents itself aside).
      for (let earlier = 2; earlier < page - 1; earlier++) expect(pdf.pages[earlier]).not.toContain(heading)
    }
  })

  it('prints the chapters and their numbered recommendations with their own addressees and time frames', () => {
    expect(pdf.text).toContain('1. Wymiana informacji o wspólnych klientach')
    expect(pdf.text).toContain('1.1. Jeden punkt kontaktowy w każdej instytucji')
    expect(pdf.text).toContain('1.2. Bezpieczna wymiana danych')
    expect(pdf.text).toContain('2.1. Wspólne konferencje przypadków')
    expect(pdf.text).toContain('Adresaci: ośrodek pomocy społecznej (MOPS/GOPS/OPS), powiatowy urząd pracy (PUP)')
    expect(pdf.text).toContain('Proponowany termin: do końca 2014 r.')
    expect(pdf.text).toContain('ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ')
  })

  it('ends with the annex: the team during the work, the addressees and the annexed files', () => {
    const annex = pdf.pages.findIndex(
      (page, index) => index > 1 && page.includes('Załącznik. Skład zespołu w okresie prac i adresaci rekomendacji'),
    )
    expect(annex).toBeGreaterThan(1)
    const rest = pdf.pages.slice(annex).join(' ')
    expect(rest).toContain('Miejski Ośrodek Pomocy Społecznej w Tarnowie')
    expect(rest).toContain('Anna Łęcka')
    expect(rest).toContain('Powiatowy Urząd Pracy w Nowym Sączu')
    expect(rest).toContain('Adresaci rekomendacji')
    expect(rest).toContain('powiatowe centrum pomocy rodzinie (PCPR)')
    expect(rest).toContain('Harmonogram wdrożenia')
  })

  it('carries its verification code and address, and numbers its pages', () => {
    expect(pdf.text).toContain('Kod weryfikacyjny: 7K3M9QW2XB4D')
    expect(pdf.text).toContain('https://narada.example.pl/verify/7K3M9QW2XB4D')
    pdf.pages.forEach((page, index) => expect(page).toContain(`Strona ${index + 1} z ${pdf.pages.length}`))
  })

  it('is a tagged PDF/A-2b with every font embedded, in Polish', () => {
    const check = qpdfCheck(pdf.file)
    expect(check.stderr).toBe('')
    expect(check.status).toBe(0)
    const fonts = pdfFonts(pdf.file)
    expect(fonts.length).toBeGreaterThan(0)
    for (const font of fonts) expect(font, font.name).toMatchObject({ embedded: true })
    const raw = bytes.toString('latin1')
    expect(raw).toMatch(/<pdfaid:part>2<\/pdfaid:part>/)
    expect(raw).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/)
    expect(raw).toContain('/Lang (pl-PL)')
    expect(raw).toContain('/S /TOC')
    const info = pdfInfo(pdf.file)
    expect(info).toMatch(/^Title:\s+Rekomendacje — Rekomendacje dotyczące współpracy/m)
    expect(info).toMatch(/^Tagged:\s+yes$/m)
  })

  it('gives the same bytes every time it is rendered from the same snapshot', async () => {
    expect(sha256(await renderRecommendationPdf({ snapshot }))).toBe(sha256(bytes))
  })
})

describe('a draft', () => {
  it('says PROJEKT and has no number nor verification block', async () => {
    const draft: RecommendationSnapshot = {
      ...recommendationSnapshot(),
      state: 'drafting',
      number: null,
      publication: null,
      adoption: null,
    }
    const pdf = read(await renderRecommendationPdf({ snapshot: draft }))
    expect(pdf.pages[0]).toContain('PROJEKT — dokument roboczy, nieprzyjęty')
    expect(pdf.text).not.toContain('Kod weryfikacyjny')
    expect(pdf.text).not.toContain('Nr ROPS-KR')
  })
})

describe('a publication of a hundred pages', () => {
  it('renders whole, its table of contents pointing at the right pages', async () => {
    const snapshot = largeRecommendationSnapshot()
    const pdf = read(await renderRecommendationPdf({ snapshot }))
    expect(pdf.pages.length).toBeGreaterThanOrEqual(100)
    const contentsPages = pdf.pages.slice(1, 4).join(' ')
    const last = snapshot.chapters.at(-1)!
    const printed = contentsEntries(contentsPages, [`${last.number} ${last.title}`])
    const page = printed.get(`${last.number} ${last.title}`)!
    expect(pdf.pages[page - 1]).toContain(`${last.number} ${last.title}`)
  })
})
