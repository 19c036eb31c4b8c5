import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createInvitationScene } from '#tests/support/invitations'
import { sampleFiles } from '#tests/support/zip'
import { config } from '~/config.server'
import { db, schema } from '~/db.server'
import {
  createPresentation,
  getPresentationFile,
  listPresentations,
  receivePresentationForm,
  replacePresentationFile,
  storeUploadStream,
} from './presentation.server'

const actor = { userId: null, ip: '192.0.2.45' }
const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex')
const uploadsListing = () => (fs.existsSync(config.uploadsDir) ? fs.readdirSync(config.uploadsDir).sort() : [])

async function* chunks(bytes: Buffer, size = 1000) {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size)
}

function multipartRequest(fields: Record<string, string>, file: { name: string; bytes: Buffer; type?: string }) {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  form.append('file', new Blob([Uint8Array.from(file.bytes)], { type: file.type ?? 'application/octet-stream' }), file.name)
  return new Request('http://localhost/meetings/1/presentations', { method: 'POST', body: form })
}

describe('presentation files', () => {
  it('stores the bytes on disk under a random name with their SHA-256, and records the upload with its audit row', async () => {
    const scene = await createInvitationScene()
    const pdf = sampleFiles.pdf()
    const upload = await storeUploadStream({ data: chunks(pdf, 7), fileName: 'Prezentacja MOPS – Łódź.pdf' })
    expect(upload).toMatchObject({
      fileName: 'Prezentacja MOPS – Łódź.pdf',
      contentType: 'application/pdf',
      sizeBytes: pdf.length,
      sha256: sha256(pdf),
    })
    expect(upload.storedName).toMatch(/^[0-9a-f]{32}\.pdf$/)
    const saved = createPresentation({
      meetingId: scene.meetingId,
      input: { title: 'Oferta MOPS', presenterPersonId: scene.people.mopsDelegate, agendaItemId: null, visibility: 'members' },
      upload,
      actor,
    })
    expect(saved).toMatchObject({ ok: true, version: 1 })
    const found = getPresentationFile({ presentationId: saved.ok ? saved.id : 0 })!
    const onDisk = fs.readFileSync(found.path)
    expect(onDisk.equals(pdf)).toBe(true)
    expect(sha256(onDisk)).toBe(found.file.sha256)
    const audit = db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.entityId, String(scene.meetingId)))
      .all()
      .filter((r) => r.action === 'presentation.upload')
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ fileName: 'Prezentacja MOPS – Łódź.pdf', sha256: sha256(pdf) })
  })

  it('refuses a file over the limit and leaves nothing in UPLOADS_DIR', async () => {
    const before = uploadsListing()
    const request = multipartRequest(
      { intent: 'upload', title: 'Za duży' },
      { name: 'duży.pdf', bytes: Buffer.concat([sampleFiles.pdf(), Buffer.alloc(200_000, 0x20)]) },
    )
    const result = await receivePresentationForm(request, { maxBytes: 100_000 })
    expect(result.upload).toBeNull()
    expect(result.fileError).toBe('presentations.error.fileTooBig')
    expect(result.fields.get('title')).toBe('Za duży')
    expect(uploadsListing()).toEqual(before)
  })

  it('refuses a renamed executable and an empty file, keeping nothing', async () => {
    const before = uploadsListing()
    const exe = await receivePresentationForm(
      multipartRequest({ intent: 'upload', title: 'X' }, { name: 'prezentacja.pdf', bytes: sampleFiles.exe(), type: 'application/pdf' }),
    )
    expect(exe.fileError).toBe('presentations.error.fileType')
    const empty = await receivePresentationForm(
      multipartRequest({ intent: 'upload', title: 'X' }, { name: 'pusty.pdf', bytes: Buffer.alloc(0) }),
    )
    expect(empty.fileError).toBe('presentations.error.fileEmpty')
    expect(uploadsListing()).toEqual(before)
  })

  it.each([
    ['Raport v=2.pdf', 'Raport v=2.pdf'],
    ['Raport; wersja 2.pdf', 'Raport; wersja 2.pdf'],
    ["Sprawozdanie 'roczne' <2026>.pdf", "Sprawozdanie 'roczne' <2026>.pdf"],
    ['Доклад – Łódź 東京.pdf', 'Доклад – Łódź 東京.pdf'],
    ['poly.html', 'poly.pdf'],
  ])('accepts a PDF sent as %j and keeps it as %j', async (sent, kept) => {
    const result = await receivePresentationForm(
      multipartRequest({ intent: 'upload', title: 'Raport' }, { name: sent, bytes: sampleFiles.pdf() }),
    )
    expect(result.fileError).toBeNull()
    expect(result.upload).toMatchObject({ fileName: kept, contentType: 'application/pdf' })
    expect(result.fields.get('title')).toBe('Raport')
  })

  it('shortens a 300-character name, keeping its extension', async () => {
    const result = await receivePresentationForm(
      multipartRequest(
        { intent: 'upload', title: 'Długi' },
        { name: `${'Sprawozdanie z działalności '.repeat(11)}.pdf`, bytes: sampleFiles.pdf() },
      ),
    )
    expect(result.upload!.fileName).toMatch(/^Sprawozdanie z działalności .+\.pdf$/)
    expect(result.upload!.fileName.length).toBeLessThanOrEqual(120)
  })

  /** A status thrown as a Response, which Remix answers with. */
  const thrownStatus = (promise: Promise<unknown>) =>
    promise.then(
      () => 'no error',
      (error: unknown) => (error instanceof Response ? error.status : error),
    )
  const rawRequest = (contentType: string, body: string) =>
    new Request('http://localhost/meetings/1/presentations', { method: 'POST', headers: { 'Content-Type': contentType }, body })

  it('answers 400 to a malformed multipart body and keeps nothing', async () => {
    const before = uploadsListing()
    const cut = `--XX\r\nContent-Disposition: form-data; name="intent"\r\n\r\nupload\r\n--XX\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 bez końca`
    expect(await thrownStatus(receivePresentationForm(rawRequest('multipart/form-data; boundary=XX', cut)))).toBe(400)
    expect(await thrownStatus(receivePresentationForm(rawRequest('multipart/form-data', cut)))).toBe(400)
    expect(await thrownStatus(receivePresentationForm(rawRequest('multipart/form-data; boundary=XX', 'nie multipart')))).toBe(400)
    expect(uploadsListing()).toEqual(before)
  })

  it('answers 413 to a text field over 64 KB or text over 1 MB in all, keeping nothing', async () => {
    const before = uploadsListing()
    const long = multipartRequest({ intent: 'upload', title: 'x'.repeat(64 * 1024 + 1) }, { name: 'a.pdf', bytes: sampleFiles.pdf() })
    expect(await thrownStatus(receivePresentationForm(long))).toBe(413)
    const many = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`pole${i}`, 'y'.repeat(60 * 1024)]))
    expect(await thrownStatus(receivePresentationForm(multipartRequest(many, { name: 'a.pdf', bytes: sampleFiles.pdf() })))).toBe(413)
    expect(uploadsListing()).toEqual(before)
  })

  it('removes the temp file when the stream breaks mid-way', async () => {
    const before = uploadsListing()
    async function* broken() {
      yield sampleFiles.pdf()
      throw new Error('client went away')
    }
    await expect(storeUploadStream({ data: broken(), fileName: 'przerwany.pdf' })).rejects.toThrow('client went away')
    expect(uploadsListing()).toEqual(before)
  })

  it('keeps version 1 when the file is replaced, and serves the latest unless told', async () => {
    const scene = await createInvitationScene()
    const first = await storeUploadStream({ data: chunks(sampleFiles.pdf()), fileName: 'program.pdf' })
    const saved = createPresentation({
      meetingId: scene.meetingId,
      input: { title: 'Program', presenterPersonId: null, agendaItemId: null, visibility: 'public' },
      upload: first,
      actor,
    })
    if (!saved.ok) throw new Error('not saved')
    const pptx = sampleFiles.pptx()
    const second = await storeUploadStream({ data: chunks(pptx), fileName: 'program v2.pptx' })
    expect(replacePresentationFile({ meetingId: scene.meetingId, presentationId: saved.id, upload: second, actor })).toMatchObject({
      ok: true,
      version: 2,
    })
    const latest = getPresentationFile({ presentationId: saved.id })!
    expect(latest.file).toMatchObject({
      version: 2,
      fileName: 'program v2.pptx',
      contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    })
    expect(fs.readFileSync(latest.path).equals(pptx)).toBe(true)
    const v1 = getPresentationFile({ presentationId: saved.id, version: 1 })!
    expect(fs.readFileSync(v1.path).equals(sampleFiles.pdf())).toBe(true)
    expect(listPresentations({ meetingId: scene.meetingId, access: 'member' })[0]!.files.map((f) => f.version)).toEqual([2, 1])
    // A replacement for another meeting's presentation is refused and its file removed.
    const stray = await storeUploadStream({ data: chunks(sampleFiles.png()), fileName: 'obcy.png' })
    expect(replacePresentationFile({ meetingId: scene.meetingId + 100000, presentationId: saved.id, upload: stray, actor }).ok).toBe(false)
    expect(fs.existsSync(path.join(config.uploadsDir, stray.storedName))).toBe(false)
  })

  it('shows members-only files to the team and public ones to visitors', async () => {
    const scene = await createInvitationScene()
    for (const [title, visibility] of [
      ['Wewnętrzna', 'members'],
      ['Jawna', 'public'],
    ] as const) {
      const upload = await storeUploadStream({ data: chunks(sampleFiles.png()), fileName: `${title}.png` })
      createPresentation({
        meetingId: scene.meetingId,
        input: { title, presenterPersonId: null, agendaItemId: null, visibility },
        upload,
        actor,
      })
    }
    expect(listPresentations({ meetingId: scene.meetingId, access: 'member' }).map((p) => p.title)).toEqual(['Wewnętrzna', 'Jawna'])
    expect(listPresentations({ meetingId: scene.meetingId, access: 'public' }).map((p) => p.title)).toEqual(['Jawna'])
    expect(listPresentations({ meetingId: scene.meetingId, access: 'none' })).toEqual([])
  })
})
