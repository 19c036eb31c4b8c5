import { beforeAll, describe, expect, it } from 'vitest'
import { baseURL, fileAddress, get, location, login, post, textOf } from '#tests/support/http'
import type { MinutesScene } from '#tests/support/published-minutes'

type Published = { code: string; pdfSha256: string; number: number; snapshot: { topic: string } }
let open: MinutesScene
let closed: MinutesScene
let openVersion: Published
let closedVersion: Published
let genuine: Buffer

beforeAll(async () => {
  const { createMinutesScene, publishSceneMinutes } = await import('#tests/support/published-minutes')
  open = await createMinutesScene({ open: true })
  closed = await createMinutesScene()
  openVersion = await publishSceneMinutes(open, { visibility: 'public', origin: baseURL })
  closedVersion = await publishSceneMinutes(closed, { visibility: 'members', origin: baseURL })
  const response = await get(`/meetings/${open.meetingId}/minutes.pdf`, { headers: { 'Accept-Encoding': 'identity' } })
  expect(response.status).toBe(200)
  genuine = Buffer.from(await response.arrayBuffer())
})

/** A multipart form as a browser sends it: the file under `file`, from our own origin. */
async function upload(path: string, file: { bytes: Buffer; name?: string } | null, { origin = baseURL }: { origin?: string } = {}) {
  const form = new FormData()
  form.append(
    'file',
    file ? new Blob([Uint8Array.from(file.bytes)], { type: 'application/pdf' }) : new Blob([]),
    file ? (file.name ?? 'notatka.pdf') : '',
  )
  const response = await fetch(new URL(path, baseURL), {
    method: 'POST',
    body: form,
    headers: { Origin: origin, 'X-Forwarded-For': fileAddress },
    redirect: 'manual',
  })
  const html = await response.text()
  return { response, html, text: textOf(html) }
}

const flipped = (bytes: Buffer, at = Math.floor(bytes.length / 2)) => {
  const copy = Buffer.from(bytes)
  copy[at] = copy[at]! ^ 0x01
  return copy
}

describe('/verify/:code', () => {
  it('names the published document, its kind, meeting, version, approval, publication and SHA-256 to anyone, with links to it', async () => {
    const response = await get(`/verify/${openVersion.code}`)
    expect(response.status).toBe(200)
    const html = await response.text()
    const text = textOf(html)
    expect(text).toContain('Rodzaj dokumentu Notatka ze spotkania')
    expect(text).toContain(`Temat ${openVersion.snapshot.topic}`)
    expect(text).toContain(`Zespół ${open.bodyName}`)
    expect(text).toContain('Spotkanie nr 1, w dniu 16.05.2031 r.')
    expect(text).toContain(`Wersja ${openVersion.number}`)
    expect(text).toContain('Zatwierdzenie Zespół na spotkaniu nr 2, 20.06.2031 r.')
    expect(text).toMatch(/Opublikowano \d\d\.\d\d\.\d{4} r\., godz\. \d\d:\d\d, Gizela Prowadząca/)
    expect(text).toContain(openVersion.pdfSha256)
    expect(text).toContain('Dostępność publicznie')
    expect(html).toContain(`href="/meetings/${open.meetingId}/minutes.pdf"`)
    expect(html).toContain(`href="/meetings/${open.meetingId}/minutes"`)
    expect(text).not.toContain('wycofan')
  })

  it('links to a members-only document only for those who may read it', async () => {
    const signedOut = await (await get(`/verify/${closedVersion.code}`)).text()
    expect(textOf(signedOut)).toContain(closedVersion.pdfSha256)
    expect(textOf(signedOut)).toContain('dla członków zespołu')
    expect(signedOut).not.toContain(`/meetings/${closed.meetingId}/minutes.pdf`)
    const member = await login(closed.accounts.member.email, closed.accounts.member.password)
    expect(await (await get(`/verify/${closedVersion.code}`, { cookie: member })).text()).toContain(
      `href="/meetings/${closed.meetingId}/minutes.pdf"`,
    )
    const outsider = await login(closed.accounts.outsider.email, closed.accounts.outsider.password)
    expect(await (await get(`/verify/${closedVersion.code}`, { cookie: outsider })).text()).not.toContain(
      `/meetings/${closed.meetingId}/minutes.pdf`,
    )
  })

  it('says the downloaded PDF is exactly this document', async () => {
    const { response, text } = await upload(`/verify/${openVersion.code}`, { bytes: genuine })
    expect(response.status).toBe(200)
    expect(text).toContain(`Ten plik jest dokładnie tym dokumentem (wersja ${openVersion.number}).`)
    expect(text).toContain(`Suma SHA-256 sprawdzonego pliku: ${openVersion.pdfSha256}`)
    expect(text).not.toContain('NIE jest')
  })

  it('says a file changed by one byte, or another document, is NOT this document', async () => {
    const changed = await upload(`/verify/${openVersion.code}`, { bytes: flipped(genuine) })
    expect(changed.response.status).toBe(200)
    expect(changed.text).toContain('Ten plik NIE jest tym dokumentem — różni się od opublikowanego.')
    expect(changed.text).not.toContain(`Suma SHA-256 sprawdzonego pliku: ${openVersion.pdfSha256}`)
    // The members-only document is genuine, but not the one this code names.
    const closedPdf = await get(`/meetings/${closed.meetingId}/minutes.pdf`, {
      cookie: await login(closed.accounts.member.email, closed.accounts.member.password),
    })
    const other = await upload(`/verify/${openVersion.code}`, { bytes: Buffer.from(await closedPdf.arrayBuffer()) })
    expect(other.text).toContain('Ten plik NIE jest tym dokumentem')
  })

  it('refuses a missing, empty or non-PDF file next to the field', async () => {
    const cases: [Parameters<typeof upload>[1], string][] = [
      [null, 'Wybierz plik PDF.'],
      [{ bytes: Buffer.alloc(0) }, 'Wybrany plik jest pusty.'],
      [{ bytes: Buffer.from('MZ\x90\x00 to nie jest PDF'), name: 'notatka.pdf' }, 'To nie jest plik PDF.'],
    ]
    for (const [file, message] of cases) {
      const { response, text } = await upload(`/verify/${openVersion.code}`, file)
      expect(response.status, message).toBe(400)
      expect(text, message).toContain(message)
      expect(text, message).not.toContain('Ten plik')
    }
    const urlencoded = await post(`/verify/${openVersion.code}`, { file: 'notatka.pdf' })
    expect(urlencoded.status).toBe(400)
    expect(textOf(await urlencoded.text())).toContain('Wybierz plik PDF.')
  })

  it('answers 404 for unknown and malformed codes, and reveals nothing unpublished', async () => {
    for (const code of ['ZZZZZZZZZZZZ', 'abc', '0000000000000000', '%3Cscript%3E']) {
      const response = await get(`/verify/${code}`)
      expect(response.status, code).toBe(404)
    }
    expect((await upload('/verify/ZZZZZZZZZZZZ', { bytes: genuine })).response.status).toBe(404)

    // A code on a version of minutes that are not published (yet) is no code at all.
    const { createMinutesScene } = await import('#tests/support/published-minutes')
    const { db, schema } = await import('~/db.server')
    const { getMinutesId } = await import('~/models/minutes.server')
    const draft = await createMinutesScene()
    const minutesId = getMinutesId({ meetingId: draft.meetingId })!
    db.insert(schema.documentVersions)
      .values({
        documentId: minutesId,
        number: 1,
        state: 'approved',
        snapshot: '{}',
        verificationCode: 'QQQQQQQQQQQQ',
        pdfSha256: 'a'.repeat(64),
      })
      .run()
    const response = await get('/verify/QQQQQQQQQQQQ')
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain(draft.bodyName)
  })

  it('sends a code typed in lower case or with dashes to its canonical page', async () => {
    const typed = `${openVersion.code.slice(0, 4).toLowerCase()}-${openVersion.code.slice(4)}`
    const response = await get(`/verify/${typed}`)
    expect(response.status).toBe(302)
    expect(location(response)).toBe(`/verify/${openVersion.code}`)
  })

  it('refuses an upload from a foreign origin', async () => {
    const { response } = await upload(`/verify/${openVersion.code}`, { bytes: genuine }, { origin: 'https://evil.example' })
    expect(response.status).toBe(403)
  })
})

describe('/verify', () => {
  it('finds the published document an uploaded PDF is, and links to its page', async () => {
    const { response, html, text } = await upload('/verify', { bytes: genuine })
    expect(response.status).toBe(200)
    expect(text).toContain(
      `Ten plik jest opublikowanym dokumentem: Notatka ze spotkania „${openVersion.snapshot.topic}” zespołu „${open.bodyName}” (wersja ${openVersion.number}).`,
    )
    expect(text).toContain(`Suma SHA-256 sprawdzonego pliku: ${openVersion.pdfSha256}`)
    expect(html).toContain(`href="/verify/${openVersion.code}"`)
  })

  it('says when no published document is the uploaded PDF', async () => {
    const { response, text } = await upload('/verify', { bytes: flipped(genuine) })
    expect(response.status).toBe(200)
    expect(text).toContain('Żaden opublikowany dokument nie jest tym plikiem')
    expect(text).not.toContain('Ten plik jest opublikowanym dokumentem')
  })

  it('goes to the page of a typed code, and keeps a malformed one with an error next to the field', async () => {
    const good = await get(`/verify?code=${encodeURIComponent(` ${openVersion.code.toLowerCase()} `)}`)
    expect(good.status).toBe(302)
    expect(location(good)).toBe(`/verify/${openVersion.code}`)
    const bad = await get('/verify?code=123')
    expect(bad.status).toBe(200)
    const html = await bad.text()
    expect(textOf(html)).toContain('Kod weryfikacyjny ma 12 znaków: cyfry i litery.')
    expect(html).toMatch(/<input[^>]*name="code"[^>]*value="123"/)
    expect(html).toMatch(/<input[^>]*name="code"[^>]*aria-invalid="true"/)
  })
})

describe('/verify for a recommendation', () => {
  it('names its kind, title, number and adoption, and says plainly when and why it was withdrawn', async () => {
    const { publishedRecommendation } = await import('#tests/support/published-recommendation')
    const { newVerificationCode } = await import('~/models/document/versions.server')
    const { db, schema } = await import('~/db.server')
    const { eq } = await import('drizzle-orm')
    const code = newVerificationCode()
    const id = publishedRecommendation(open, { code, sha256: 'd'.repeat(64) })

    const published = textOf(await (await get(`/verify/${code}`)).text())
    expect(published).toContain('Rodzaj dokumentu Rekomendacje')
    expect(published).toContain('Tytuł Standardy współpracy OPS i PUP')
    expect(published).toContain(`Numer ROPS/REK/${id}/2031`)
    expect(published).toContain('Przyjęcie na spotkaniu nr 4, 20.06.2031 r.')
    expect(published).not.toContain('wycofan')

    db.update(schema.documents).set({ state: 'withdrawn' }).where(eq(schema.documents.id, id)).run()
    db.update(schema.recommendations)
      .set({ withdrawnAt: '2031-09-01T08:00:00.000Z', withdrawnReason: 'Zastąpione nowym opracowaniem.' })
      .where(eq(schema.recommendations.id, id))
      .run()
    const response = await get(`/verify/${code}`)
    expect(response.status).toBe(200)
    const withdrawn = textOf(await response.text())
    expect(withdrawn).toContain('Dokument wycofany')
    expect(withdrawn).toContain('Ten dokument opublikowano, a 01.09.2031 r. wycofano. Powód wycofania: Zastąpione nowym opracowaniem.')
    expect(withdrawn).toContain('Tytuł Standardy współpracy OPS i PUP')

    const { langCookie } = await import('~/i18n/lang.server')
    const english = textOf(await (await get(`/verify/${code}`, { cookie: await langCookie.serialize('en') })).text())
    expect(english).toContain('Kind of document Recommendations')
    expect(english).toContain(
      'This document was published and then withdrawn on 01/09/2031. Reason for the withdrawal: Zastąpione nowym opracowaniem.',
    )
  })
})
