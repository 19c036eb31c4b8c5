// The recommendations of ROPS Kraków's working group in the demo data (db/seed/recommendations.ts)
// as a signed-out visitor meets them: on the public portal, on /recommendations and on the team's
// page, read in full, downloaded as the published PDF and verified at the address printed on it;
// and as the group meets them: on the minutes of the meeting that adopted them.
import crypto from 'node:crypto'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { member } from '#tests/support/accounts'
import { baseURL, get, login, textOf, uniqueAddress } from '#tests/support/http'
import { pageTexts, pdfFile, pdfFonts, qpdfCheck, squash } from '#tests/support/pdf'
import { db, schema } from '~/db.server'

const TITLE = 'Rekomendacje dotyczące współpracy OPS/PCPR z PUP w województwie małopolskim'
const TEAM = 'Grupa robocza ds. współpracy OPS/PCPR z powiatowymi urzędami pracy'
const NUMBER = 'ROPS-KR/REK/1/2014'
const CHAPTERS = ['Wymiana informacji o wspólnych klientach', 'Organizacja współpracy', 'Kompetencje kadr i monitorowanie']
const INSTITUTIONS = [
  'Regionalny Ośrodek Polityki Społecznej w Krakowie',
  'Miejski Ośrodek Pomocy Społecznej w Tarnowie',
  'Urząd Pracy Powiatu Krakowskiego',
  'Powiatowy Urząd Pracy w Tarnowie',
]

const mainOf = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'))
const textOfPage = async (path: string, cookie?: string) => {
  const response = await get(path, { cookie })
  expect(response.status, path).toBe(200)
  const html = mainOf(await response.text())
  return { html, text: textOf(html) }
}

const demo = {} as { id: number; bodyId: number; adoptedMeetingId: number }
let memberCookie: string
let pdf: Buffer
let pages: string[]

beforeAll(async () => {
  const row = db
    .select({ id: schema.recommendations.id, bodyId: schema.documents.bodyId, adoptedMeetingId: schema.recommendations.adoptedMeetingId })
    .from(schema.recommendations)
    .innerJoin(schema.documents, eq(schema.documents.id, schema.recommendations.id))
    .where(eq(schema.recommendations.title, TITLE))
    .get()
  if (!row?.adoptedMeetingId) throw new Error(`No adopted demo recommendation „${TITLE}”`)
  Object.assign(demo, row)
  memberCookie = await login(member.email, member.password)

  const response = await get(`/recommendations/${demo.id}/publication.pdf`)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('application/pdf')
  pdf = Buffer.from(await response.arrayBuffer())
  const file = pdfFile(pdf)
  try {
    pages = pageTexts(file.file).map(squash)
  } finally {
    file.remove()
  }
})

describe('a signed-out visitor', () => {
  it('finds the published recommendations of Małopolska on the public portal, with their number and team', async () => {
    const { html, text } = await textOfPage('/')
    expect(html).toContain(`href="/recommendations/${demo.id}"`)
    expect(text).toContain(TITLE)
    expect(text).toContain(NUMBER)
    expect(text).toContain(TEAM)
  })

  it('finds them on /recommendations and on the team’s page', async () => {
    for (const path of [
      '/recommendations',
      `/recommendations?body=${demo.bodyId}`,
      `/recommendations?year=2014`,
      `/bodies/${demo.bodyId}`,
    ]) {
      const { html, text } = await textOfPage(path)
      expect(html, path).toContain(`href="/recommendations/${demo.id}"`)
      expect(text, path).toContain(TITLE)
    }
    const { text } = await textOfPage(`/bodies/${demo.bodyId}`)
    expect(text).toContain('Rekomendacje')
    expect(text).toContain(NUMBER)
  })

  it('reads them: the demo notice, the chapters and the numbered recommendations with their time frames', async () => {
    const { text } = await textOfPage(`/recommendations/${demo.id}`)
    expect(text).toContain(TITLE)
    expect(text).toContain(NUMBER)
    expect(text).toContain('Tekst przykładowy (dane demonstracyjne)')
    for (const chapter of CHAPTERS) expect(text).toContain(chapter)
    expect(text).toContain('Wspólne konferencje przypadku')
    expect(text).toContain('do końca 2014 r.')
    // The comment taken in during the consultation is in the published text.
    expect(text).toContain('„SOS w oddłużaniu”')
  })

  it('downloads a PDF/A with a title page, a table of contents whose page numbers are right, and the annex of the group’s institutions', () => {
    const file = pdfFile(pdf)
    try {
      const check = qpdfCheck(file.file)
      expect(check.status, check.stdout + check.stderr).toBe(0)
      const fonts = pdfFonts(file.file)
      expect(fonts.length).toBeGreaterThan(0)
      expect(fonts.filter((font) => !font.embedded)).toEqual([])
    } finally {
      file.remove()
    }
    expect(pdf.toString('latin1')).toMatch(/pdfaid:part[^0-9]{1,4}2/)

    const [title] = pages
    expect(title).toContain(TITLE)
    expect(title).toContain(TEAM)
    expect(title).toContain(NUMBER)
    expect(title).toContain('Regionalny Ośrodek Polityki Społecznej w Krakowie')
    expect(pages.join(' ')).not.toContain('PROJEKT')

    const tocAt = pages.findIndex((page) => page.includes('Spis treści'))
    expect(tocAt, 'a page with „Spis treści”').toBeGreaterThanOrEqual(0)
    const toc = pages[tocAt]!
    for (const chapter of CHAPTERS) {
      const entry = new RegExp(`${chapter}[ .…]*(\\d+)`).exec(toc)
      expect(entry, `„${chapter}” in the table of contents`).not.toBeNull()
      const page = Number(entry![1])
      expect(page).toBeGreaterThan(tocAt + 1)
      expect(pages[page - 1], `page ${page} holds „${chapter}”`).toContain(chapter)
    }

    const annex = pages.slice(tocAt + 1).find((page) => INSTITUTIONS.every((institution) => page.includes(institution)))
    expect(annex, 'a page naming every institution of the group').toBeDefined()
    expect(annex).toContain('Jakub Wrona')
    expect(annex).toContain('Anna Flacht')
  })

  it('verifies the PDF at the address printed on it, and by uploading it; a file changed by one byte is refused', async () => {
    const printed = new RegExp(`${baseURL}/verify/([0-9A-Z]{12})`).exec(pages.join(' '))
    expect(printed, 'the verification address printed on the PDF').not.toBeNull()
    const code = printed![1]!
    const sha256 = crypto.createHash('sha256').update(pdf).digest('hex')
    const version = db
      .select({ code: schema.documentVersions.verificationCode, sha256: schema.documentVersions.pdfSha256 })
      .from(schema.documentVersions)
      .where(eq(schema.documentVersions.documentId, demo.id))
      .all()
      .find((row) => row.code)
    expect(version).toEqual({ code, sha256 })

    const { text } = await textOfPage(new URL(printed![0]).pathname)
    expect(text).toContain(sha256)
    expect(text).toContain(TITLE)
    expect(text).toContain(NUMBER)

    async function upload(path: string, bytes: Buffer) {
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'rekomendacje.pdf')
      const response = await fetch(new URL(path, baseURL), {
        method: 'POST',
        body: form,
        headers: { Origin: baseURL, 'X-Forwarded-For': uniqueAddress() },
        redirect: 'manual',
      })
      expect(response.status).toBe(200)
      return textOf(mainOf(await response.text()))
    }
    const changed = Buffer.from(pdf)
    const at = changed.length - 20
    changed.writeUInt8(changed.readUInt8(at) ^ 1, at)

    expect(await upload(`/verify/${code}`, pdf)).toContain('Ten plik jest dokładnie tym dokumentem')
    expect(await upload(`/verify/${code}`, changed)).toContain('Ten plik NIE jest tym dokumentem')
    const found = await upload('/verify', pdf)
    expect(found).toContain('Ten plik jest opublikowanym dokumentem')
    expect(found).toContain(TEAM)
    expect(await upload('/verify', changed)).toContain('Żaden opublikowany dokument nie jest tym plikiem')
  })

  it('does not see the meeting that adopted them, held for the group alone', async () => {
    expect((await get(`/meetings/${demo.adoptedMeetingId}`)).status).toBe(404)
    expect((await get(`/meetings/${demo.adoptedMeetingId}/minutes`)).status).toBe(404)
  })
})

describe('the group', () => {
  it('went through the whole cycle: consultation, two comments of its members resolved, adoption at its meeting of 12.06.2014', () => {
    const comments = db
      .select({ author: schema.users.name, resolution: schema.documentComments.resolution, note: schema.documentComments.resolutionNote })
      .from(schema.documentComments)
      .innerJoin(schema.users, eq(schema.users.id, schema.documentComments.authorUserId))
      .where(eq(schema.documentComments.documentId, demo.id))
      .orderBy(schema.documentComments.createdAt)
      .all()
    expect(comments.map(({ author, resolution }) => ({ author, resolution }))).toEqual([
      { author: 'Jakub Wrona', resolution: 'accepted' },
      { author: 'Anna Flacht', resolution: 'rejected' },
    ])
    expect(comments[1]?.note).toBeTruthy()
    const recommendation = db
      .select({ number: schema.recommendations.number, adoptedOn: schema.recommendations.adoptedOn, state: schema.documents.state })
      .from(schema.recommendations)
      .innerJoin(schema.documents, eq(schema.documents.id, schema.recommendations.id))
      .where(eq(schema.recommendations.id, demo.id))
      .get()
    expect(recommendation).toEqual({ number: NUMBER, adoptedOn: '2014-06-12', state: 'published' })
  })

  it('finds them on the minutes of the meeting that adopted them, linked', async () => {
    const { html, text } = await textOfPage(`/meetings/${demo.adoptedMeetingId}/minutes`, memberCookie)
    expect(html).toContain(`href="/recommendations/${demo.id}"`)
    expect(text).toContain(TITLE)
  })
})
