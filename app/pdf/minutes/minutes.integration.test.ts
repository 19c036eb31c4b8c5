import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { eq, inArray } from 'drizzle-orm'
import QRCode from 'qrcode'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db, schema } from '~/db.server'
import type { Actor } from '~/models/audit.server'
import { approveMinutes, publishMinutes } from '~/models/minutes-cycle.server'
import { getMinutes, getPublishedPdf, getPublishedVersion, saveMinutes, startMinutes, type MinutesSnapshot } from '~/models/minutes.server'
import { createInvitationScene } from '#tests/support/invitations'
import { pageTexts, pdfFile, pdfFonts, pdfInfo, qpdfCheck, squash } from '#tests/support/pdf'
import { renderPdf } from '../document.server'
import type { QrDrawing } from '../layout/qr'
import { renderMinutesPdf } from './build.server'
import { drawMinutes } from './layout'
import { buildMinutesView } from './view'

const POLISH = 'ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ'
const ORIGIN = 'https://narada.example.pl'
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')
const files: { remove(): void }[] = []
afterAll(() => files.forEach((file) => file.remove()))

function read(bytes: Buffer) {
  const file = pdfFile(bytes)
  files.push(file)
  return { file: file.file, text: squash(pageTexts(file.file).join(' ')), pages: pageTexts(file.file) }
}

/** The page streams uncompressed: what is painted, operator by operator. */
const contentStreams = (file: string) =>
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, '-'], { encoding: 'latin1', maxBuffer: 64 * 1024 * 1024 })
/** The watermark's grey, set inside a pagination artifact once per page (see page-chrome.ts). */
const WATERMARK_PAINT = /\/Artifact <<\s*\/Type \/Pagination\s*>> BDC\s+q\s+0\.890 0\.890 0\.890 rg/g

let scene: Awaited<ReturnType<typeof createInvitationScene>>
let actor: Actor
let names: { convening: string; mops: string; pup: string; body: string }
let draft: MinutesSnapshot

beforeAll(async () => {
  scene = await createInvitationScene()
  actor = { userId: scene.accounts.officer.user.id, ip: null }
  const orgs = db
    .select({ id: schema.organisations.id, name: schema.organisations.name })
    .from(schema.organisations)
    .where(inArray(schema.organisations.id, [scene.organisations.convening, scene.organisations.mops, scene.organisations.pup]))
    .all()
  const nameOf = (id: number) => orgs.find((o) => o.id === id)!.name
  const body = db.select({ name: schema.bodies.name }).from(schema.bodies).where(eq(schema.bodies.id, scene.bodyId)).get()!.name
  names = {
    convening: nameOf(scene.organisations.convening),
    mops: nameOf(scene.organisations.mops),
    pup: nameOf(scene.organisations.pup),
    body,
  }

  startMinutes({ meetingId: scene.meetingId, actor })
  const live = getMinutes({ meetingId: scene.meetingId })!
  const saved = saveMinutes({
    meetingId: scene.meetingId,
    baseRevision: live.revision,
    actor,
    input: {
      topic: 'Współpraca OPS i PUP w aktywizacji osób bezrobotnych',
      place: 'sala konferencyjna MOPS, ul. Daszyńskiego 3, Wodzisław Śląski',
      preparedBy: 'Gizela Prowadząca, podinspektor',
      participants: [
        { organisation: names.convening, name: 'Gizela Prowadząca', role: 'podinspektor Wydziału Polityki Społecznej' },
        { organisation: names.mops, name: 'Anna Łęcka', role: `Kierownik Działu — ${POLISH}` },
        { organisation: names.pup, name: 'Grzegorz Źdźbło', role: 'doradca zawodowy' },
        { organisation: names.mops, name: 'Żaneta Bez-Adresu', role: null },
      ],
      sections: [
        ...live.snapshot.sections.map((s) => ({
          id: s.id,
          title: s.title,
          body:
            s.kind === 'introduction'
              ? 'Spotkanie otworzyła **Pani Gizela Prowadząca**. Omówiono _zadania Zespołu_:\n- działalność instytucji miejskich,\n- organizacje pozarządowe'
              : s.kind === 'decisions'
                ? 'Ustalono, że szczegóły współpracy MOPS–PUP zostaną doprecyzowane w porozumieniu.'
                : '',
        })),
        {
          id: null,
          title: 'Prezentacje placówek',
          body: '1. Powiatowy Urząd Pracy – prezentacja działań\n2. Miejski Ośrodek Pomocy Społecznej – prezentacja działań',
        },
      ],
    },
  })
  if (!saved.ok) throw new Error(`saveMinutes: ${JSON.stringify(saved)}`)
  const [agreement, inventory] = db
    .insert(schema.actionItems)
    .values([
      {
        bodyId: scene.bodyId,
        meetingId: scene.meetingId,
        position: 0,
        text: 'Zawarcie porozumienia MOPS–PUP',
        dueText: 'najpóźniej w III kwartale 2031 r.',
        dueDate: '2031-09-30',
      },
      { bodyId: scene.bodyId, meetingId: scene.meetingId, position: 1, text: 'Porządkowanie informacji', dueDate: '2032-03-31' },
    ])
    .returning({ id: schema.actionItems.id })
    .all()
  db.insert(schema.actionItemOwners)
    .values([
      { actionItemId: agreement!.id, position: 0, organisationId: scene.organisations.mops },
      { actionItemId: agreement!.id, position: 1, organisationId: scene.organisations.pup },
      { actionItemId: agreement!.id, position: 2, personId: scene.people.mopsDelegate },
      { actionItemId: inventory!.id, position: 0, personId: scene.people.pupDelegate },
    ])
    .run()
  draft = getMinutes({ meetingId: scene.meetingId })!.snapshot
})

describe('the minutes PDF of a draft', () => {
  let bytes: Buffer
  let pdf: ReturnType<typeof read>
  beforeAll(async () => {
    bytes = await renderMinutesPdf({ snapshot: draft })
    pdf = read(bytes)
  })

  it('reads like the sample notes: title, team, number, day, place and topic', () => {
    expect(pdf.text).toContain('Notatka ze spotkania nr 1')
    expect(pdf.text).toContain(names.body)
    expect(pdf.text).toContain('w dniu 16.05.2031 r.')
    expect(pdf.text).toContain('Miejsce: sala konferencyjna MOPS, ul. Daszyńskiego 3, Wodzisław Śląski')
    expect(pdf.text).toContain('Temat: Współpraca OPS i PUP w aktywizacji osób bezrobotnych')
  })

  it('lists the participants under their institutions, Polish letters intact', () => {
    const at = (fragment: string) => pdf.text.indexOf(fragment)
    expect(at('Uczestnicy')).toBeGreaterThan(-1)
    for (const name of [names.convening, names.mops, names.pup]) expect(pdf.text).toContain(name)
    expect(pdf.text).toContain(`Anna Łęcka, Kierownik Działu — ${POLISH}`)
    // Both MOPS people under the one MOPS heading, before PUP.
    expect(at(names.mops)).toBeLessThan(at('Anna Łęcka'))
    expect(at('Żaneta Bez-Adresu')).toBeLessThan(at(names.pup))
  })

  it('prints the sections with their lists and emphasis, the decisions and the action items table', () => {
    expect(pdf.text).toContain('Spotkanie otworzyła Pani Gizela Prowadząca. Omówiono zadania Zespołu:')
    expect(pdf.text).toContain('• działalność instytucji miejskich,')
    expect(pdf.text).toContain('1. Powiatowy Urząd Pracy – prezentacja działań 2. Miejski Ośrodek Pomocy Społecznej')
    expect(pdf.text).not.toContain('**')
    expect(pdf.text).toContain('Ustalenia Ustalono, że szczegóły współpracy MOPS–PUP')
    expect(pdf.text).toMatch(
      // The owners' cell wraps, so pdftotext may read the due's and the state's lines interleaved.
      /Lp\. Zadanie Odpowiedzialni Termin Stan 1\. Zawarcie porozumienia MOPS–PUP .*najpóźniej w III (do )?kwartale 2031 r\. (do )?realizacji 2\./,
    )
    expect(pdf.text).toContain('31.03.2032 r.')
    expect(pdf.text).toContain(`Grzegorz Źdźbło (${names.pup})`)
    // Several owners, joined as Polish joins them.
    expect(pdf.text).toContain(`${names.mops}, ${names.pup} i Anna Łęcka (${names.mops})`)
    expect(pdf.text).toContain('Sporządził(a): Gizela Prowadząca, podinspektor')
    expect(pdf.text).toContain('Zatwierdził(a):')
  })

  it('is marked PROJEKT: in words under the title and as a watermark on every page', () => {
    expect(pdf.text).toContain('PROJEKT — dokument roboczy, niezatwierdzony')
    expect(contentStreams(pdf.file).match(WATERMARK_PAINT)).toHaveLength(pdf.pages.length)
  })

  it('numbers its pages', () => {
    pdf.pages.forEach((page, index) => expect(squash(page)).toContain(`Strona ${index + 1} z ${pdf.pages.length}`))
  })

  it('is PDF/A-2b with every font embedded, a title, an author and the Polish language', () => {
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
    const info = pdfInfo(pdf.file)
    expect(info).toMatch(new RegExp(`^Title:\\s+Notatka ze spotkania — ${names.body} — 16\\.05\\.2031 r\\.$`, 'm'))
    expect(info).toMatch(new RegExp(`^Author:\\s+${names.body}$`, 'm'))
    expect(info).toMatch(/^Tagged:\s+yes$/m)
  })

  it('gives the same bytes for the same text', async () => {
    expect(sha256(await renderMinutesPdf({ snapshot: draft }))).toBe(sha256(bytes))
  })
})

describe('approved and published minutes', () => {
  let approved: MinutesSnapshot

  beforeAll(() => {
    const result = approveMinutes({
      meetingId: scene.meetingId,
      approvedBy: 'Zespół na spotkaniu nr 2',
      approvedOn: '2031-06-20',
      baseRevision: getMinutes({ meetingId: scene.meetingId })!.revision,
      actor,
    })
    if (!result.ok) throw new Error(result.error)
    approved = getMinutes({ meetingId: scene.meetingId })!.snapshot
  })

  it('drops PROJEKT once approved and names who approved on which day', async () => {
    const pdf = read(await renderMinutesPdf({ snapshot: approved }))
    expect(pdf.text).not.toContain('PROJEKT')
    expect(contentStreams(pdf.file).match(WATERMARK_PAINT)).toBeNull()
    expect(pdf.text).toContain('Zatwierdził(a): Zespół na spotkaniu nr 2, 20.06.2031 r.')
    expect(pdf.text).not.toContain('Kod weryfikacyjny')
  })

  it('renders the published version to exactly the bytes whose SHA-256 publishMinutes recorded, every time', async () => {
    const result = await publishMinutes({
      meetingId: scene.meetingId,
      visibility: 'members',
      baseRevision: getMinutes({ meetingId: scene.meetingId })!.revision,
      actor,
      origin: ORIGIN,
    })
    if (!result.ok) throw new Error(result.error)
    const minutesId = getMinutes({ meetingId: scene.meetingId })!.id
    const version = getPublishedVersion({ minutesId })!
    expect(version.pdfSha256).toMatch(/^[0-9a-f]{64}$/)
    const first = await renderMinutesPdf({ snapshot: version.snapshot })
    const second = await renderMinutesPdf({ snapshot: getPublishedVersion({ minutesId })!.snapshot })
    expect(sha256(first)).toBe(version.pdfSha256)
    expect(Buffer.compare(first, second)).toBe(0)
    expect(Buffer.compare(getPublishedPdf({ versionId: version.id })!, first)).toBe(0)

    const pdf = read(first)
    const code = version.verificationCode!
    expect(pdf.text).not.toContain('PROJEKT')
    const lastPage = squash(pdf.pages.at(-1)!)
    expect(lastPage).toContain(`Kod weryfikacyjny: ${code}`)
    expect(lastPage).toContain(`${ORIGIN}/verify/${code}`)
    expect(lastPage).toMatch(/Opublikowano \d\d\.\d\d\.\d{4} r\., godz\. \d\d:\d\d\. Opublikował\(a\): Gizela Prowadząca/)
    expect(pdfInfo(pdf.file)).toMatch(new RegExp(`^CreationDate:\\s+${version.snapshot.publication!.publishedAt.slice(0, 19)}Z$`, 'm'))
  })

  it('draws the QR code of the verification address, module for module', async () => {
    const snapshot = getPublishedVersion({ minutesId: getMinutes({ meetingId: scene.meetingId })!.id })!.snapshot
    const view = buildMinutesView(snapshot)
    let drawing: QrDrawing | null = null
    const bytes = await renderPdf({ meta: view.meta, options: { pdfA: true }, layout: (doc) => void (drawing = drawMinutes(doc, view)) })
    const qr = drawing as QrDrawing | null
    if (!qr) throw new Error('no QR code drawn')
    const expected = QRCode.create(snapshot.publication!.verifyUrl, { errorCorrectionLevel: 'M' }).modules
    expect(qr.size).toBe(expected.size)

    // Rasterise the QR's page and read every module's centre back: dark where the code is.
    const tmp = pdfFile(bytes)
    files.push(tmp)
    const file = tmp.file
    const dpi = 288
    const scale = dpi / 72
    execFileSync('pdftoppm', [
      '-f',
      String(qr.page + 1),
      '-l',
      String(qr.page + 1),
      '-r',
      String(dpi),
      '-gray',
      '-singlefile',
      file,
      `${file}-page`,
    ])
    const image = readPgm(`${file}-page.pgm`)
    const mismatches: string[] = []
    for (let row = 0; row < expected.size; row++) {
      for (let column = 0; column < expected.size; column++) {
        const px = Math.round((qr.x + (column + 0.5) * qr.module) * scale)
        const py = Math.round((qr.y + (row + 0.5) * qr.module) * scale)
        const dark = image.at(px, py) < 128
        if (dark !== Boolean(expected.get(row, column))) mismatches.push(`${row},${column}`)
      }
    }
    expect(mismatches).toEqual([])
    // The quiet zone around it is white.
    expect(image.at(Math.round((qr.x - 2 * qr.module) * scale), Math.round((qr.y + 3.5 * qr.module) * scale))).toBeGreaterThan(200)
  })
})

/** A binary greyscale PGM (P5) as pdftoppm -gray writes it. */
function readPgm(path: string) {
  const data = readFileSync(path)
  const header = data
    .subarray(0, 64)
    .toString('latin1')
    .match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/)
  if (!header) throw new Error('not a PGM file')
  const width = Number(header[1])
  const offset = header[0].length
  return { at: (x: number, y: number) => data[offset + y * width + x] ?? 255 }
}
