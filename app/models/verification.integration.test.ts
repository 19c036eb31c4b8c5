import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { db, schema } from '~/db.server'
import { createMinutesScene, publishSceneMinutes, type MinutesScene } from '#tests/support/published-minutes'
import { publishedRecommendation } from '#tests/support/published-recommendation'
import { newVerificationCode } from './document/versions.server'
import { getMinutesId } from './minutes.server'
import { findPublishedDocumentBySha256, getVerifiedDocument, hashUploadedPdf, normaliseVerificationCode } from './verification.server'

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

function multipart(files: { name?: string; filename: string; bytes: Buffer }[]) {
  const form = new FormData()
  form.append('note', 'pole tekstowe')
  for (const file of files)
    form.append(file.name ?? 'file', new Blob([Uint8Array.from(file.bytes)], { type: 'application/pdf' }), file.filename)
  return new Request('http://narada.test/verify', { method: 'POST', body: form })
}

describe('normaliseVerificationCode', () => {
  it('reads a code as people type it: any case, spaces, dashes, O for 0 and I or L for 1', () => {
    expect(normaliseVerificationCode('7k3m-9qw2-xb4d')).toBe('7K3M9QW2XB4D')
    expect(normaliseVerificationCode(' 7K3M 9QW2 XB4D ')).toBe('7K3M9QW2XB4D')
    expect(normaliseVerificationCode('O1IL23456789')).toBe('011123456789')
  })

  it('refuses what cannot be a code', () => {
    for (const typed of ['', '7K3M9QW2XB4', '7K3M9QW2XB4DD', '7K3M9QW2XB4U', '<script>x</s', 'ĄĆĘŁŃÓŚŹŻĄĆĘ'])
      expect(normaliseVerificationCode(typed), typed).toBeNull()
  })
})

describe('hashUploadedPdf', () => {
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200_000, 'x'), Buffer.from('\n%%EOF\n')])

  it('hashes the one PDF of the form as it streams in', async () => {
    await expect(hashUploadedPdf(multipart([{ filename: 'notatka.pdf', bytes: pdf }]))).resolves.toEqual({
      ok: true,
      sha256: sha256(pdf),
      sizeBytes: pdf.length,
    })
    // Readers accept a PDF header after some bytes of junk.
    const prefixed = Buffer.concat([Buffer.from('junk\n'), pdf])
    await expect(hashUploadedPdf(multipart([{ filename: 'notatka.pdf', bytes: prefixed }]))).resolves.toMatchObject({
      ok: true,
      sha256: sha256(prefixed),
    })
  })

  it('refuses a file over the limit, an empty one, one that is not a PDF, two files and none', async () => {
    await expect(hashUploadedPdf(multipart([{ filename: 'notatka.pdf', bytes: pdf }]), { maxBytes: 100_000 })).resolves.toEqual({
      ok: false,
      error: 'verify.error.fileTooBig',
    })
    await expect(hashUploadedPdf(multipart([{ filename: 'notatka.pdf', bytes: Buffer.alloc(0) }]))).resolves.toEqual({
      ok: false,
      error: 'verify.error.fileEmpty',
    })
    await expect(hashUploadedPdf(multipart([{ filename: 'notatka.pdf', bytes: Buffer.from('MZ\x90\x00 program') }]))).resolves.toEqual({
      ok: false,
      error: 'verify.error.notPdf',
    })
    await expect(
      hashUploadedPdf(
        multipart([
          { filename: 'a.pdf', bytes: pdf },
          { filename: 'b.pdf', bytes: pdf },
        ]),
      ),
    ).resolves.toEqual({ ok: false, error: 'verify.error.oneFile' })
    await expect(hashUploadedPdf(multipart([{ filename: '', bytes: Buffer.alloc(0) }]))).resolves.toEqual({
      ok: false,
      error: 'verify.error.fileMissing',
    })
    await expect(hashUploadedPdf(multipart([]))).resolves.toEqual({ ok: false, error: 'verify.error.fileMissing' })
  })

  it.each(['Raport v=2.pdf', 'Raport; wersja 2.pdf', '"Uchwała" <nr 5>.pdf', `${'Протокол '.repeat(33)}.pdf`])(
    'hashes a PDF whatever its name: %j',
    async (filename) => {
      await expect(hashUploadedPdf(multipart([{ filename, bytes: pdf }]))).resolves.toEqual({
        ok: true,
        sha256: sha256(pdf),
        sizeBytes: pdf.length,
      })
    },
  )

  it('answers 400 to a malformed multipart body', async () => {
    const cut = `--XX\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.7 bez końca`
    const request = new Request('http://narada.test/verify', {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data; boundary=XX' },
      body: cut,
    })
    const status = await hashUploadedPdf(request).then(
      () => 'no error',
      (error: unknown) => (error instanceof Response ? error.status : error),
    )
    expect(status).toBe(400)
  })
})

describe('finding published documents', () => {
  let scene: MinutesScene
  let published: Awaited<ReturnType<typeof publishSceneMinutes>>

  beforeAll(async () => {
    scene = await createMinutesScene()
    published = await publishSceneMinutes(scene, { visibility: 'members', origin: 'https://narada.example.pl' })
  })

  it('finds the published version by its code, however typed, and by its SHA-256', () => {
    const expected = {
      code: published.code,
      kind: 'minutes',
      version: published.number,
      pdfSha256: published.pdfSha256,
      title: published.snapshot.topic,
      bodyName: scene.bodyName,
      documentHref: `/meetings/${scene.meetingId}/minutes`,
      pdfHref: `/meetings/${scene.meetingId}/minutes.pdf`,
      visibility: 'members',
      publishedBy: 'Gizela Prowadząca',
      facts: [
        { label: 'verify.meeting', value: 'nr 1, w dniu 16.05.2031 r.' },
        { label: 'verify.approved', value: 'Zespół na spotkaniu nr 2, 20.06.2031 r.' },
      ],
      withdrawn: null,
    }
    expect(getVerifiedDocument({ code: published.code })).toMatchObject(expected)
    expect(getVerifiedDocument({ code: published.code.toLowerCase() })).toMatchObject(expected)
    expect(findPublishedDocumentBySha256({ sha256: published.pdfSha256 })).toMatchObject(expected)
    expect(findPublishedDocumentBySha256({ sha256: 'f'.repeat(64) })).toBeUndefined()
    expect(findPublishedDocumentBySha256({ sha256: 'not a hash' })).toBeUndefined()
    // The kind's lines in the reader's language.
    expect(getVerifiedDocument({ code: published.code, lang: 'en' })?.facts).toEqual([
      { label: 'verify.meeting', value: 'no. 1, on 16/05/2031' },
      { label: 'verify.approved', value: 'Zespół na spotkaniu nr 2, 20/06/2031' },
    ])
  })

  it('finds nothing that is not published', async () => {
    const draft = await createMinutesScene()
    const minutesId = getMinutesId({ meetingId: draft.meetingId })!
    db.insert(schema.documentVersions)
      .values({
        documentId: minutesId,
        number: 1,
        state: 'circulated',
        snapshot: '{}',
        verificationCode: 'RRRRRRRRRRRR',
        pdfSha256: 'b'.repeat(64),
      })
      .run()
    expect(getVerifiedDocument({ code: 'RRRRRRRRRRRR' })).toBeUndefined()
    expect(findPublishedDocumentBySha256({ sha256: 'b'.repeat(64) })).toBeUndefined()
    // A published version of minutes taken back from publication is not vouched for either.
    const publishedId = getMinutesId({ meetingId: scene.meetingId })!
    db.update(schema.documents).set({ state: 'approved' }).where(eq(schema.documents.id, publishedId)).run()
    expect(getVerifiedDocument({ code: published.code })).toBeUndefined()
    db.update(schema.documents).set({ state: 'published' }).where(eq(schema.documents.id, publishedId)).run()
    expect(getVerifiedDocument({ code: published.code })).toBeDefined()
  })

  it('finds a published recommendation, and still vouches for it once withdrawn, saying when and why', () => {
    const code = newVerificationCode()
    const sha256 = createHash('sha256').update(code).digest('hex')
    const id = publishedRecommendation(scene, { code, sha256 })
    const expected = {
      code,
      kind: 'recommendation',
      version: 1,
      pdfSha256: sha256,
      title: 'Standardy współpracy OPS i PUP',
      bodyName: scene.bodyName,
      documentHref: `/recommendations/${id}`,
      pdfHref: `/recommendations/${id}/publication.pdf`,
      publishedAt: '2031-07-01T10:00:00.000Z',
      publishedBy: 'Gizela Prowadząca',
      visibility: 'public',
      facts: [
        { label: 'verify.number', value: `ROPS/REK/${id}/2031` },
        { label: 'verify.adopted', value: 'na spotkaniu nr 4, 20.06.2031 r.' },
      ],
      withdrawn: null,
    }
    expect(getVerifiedDocument({ code })).toEqual({ ...expected, documentId: id, bodyId: scene.bodyId })
    expect(findPublishedDocumentBySha256({ sha256 })).toMatchObject(expected)

    db.update(schema.documents).set({ state: 'withdrawn' }).where(eq(schema.documents.id, id)).run()
    db.update(schema.recommendations)
      .set({ withdrawnAt: '2031-09-01T08:00:00.000Z', withdrawnReason: 'Zastąpione nowym opracowaniem.' })
      .where(eq(schema.recommendations.id, id))
      .run()
    expect(getVerifiedDocument({ code })).toMatchObject({
      ...expected,
      withdrawn: { at: '2031-09-01T08:00:00.000Z', reason: 'Zastąpione nowym opracowaniem.' },
    })

    // Adopted but not yet published (or taken back to drafting): no code vouches for it.
    db.update(schema.documents).set({ state: 'adopted' }).where(eq(schema.documents.id, id)).run()
    expect(getVerifiedDocument({ code })).toBeUndefined()
    expect(findPublishedDocumentBySha256({ sha256 })).toBeUndefined()
  })
})
