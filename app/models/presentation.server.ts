import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { and, asc, desc, eq, inArray, max } from 'drizzle-orm'
import type { PresentationVisibility } from '#db/schema/enums'
import { config } from '~/config.server'
import { db, schema } from '~/db.server'
import { SNIFF_HEAD_BYTES, SNIFF_TAIL_BYTES, keptFileName, sniffFileType } from '~/utils/file-type.server'
import { readMultipartForm } from '~/utils/multipart.server'
import { recordAudit, type Actor } from './audit.server'
import type { MeetingAccess } from './meeting.server'

const pr = schema.presentations
const pf = schema.presentationFiles

/** MAX_UPLOAD_MB (default 50) in bytes. */
export function maxUploadBytes(): number {
  const mb = Number(process.env.MAX_UPLOAD_MB ?? 50)
  return Math.floor((Number.isFinite(mb) && mb > 0 ? mb : 50) * 1024 * 1024)
}

/** A file received and checked, already under its final random name in UPLOADS_DIR. */
export type StoredUpload = { fileName: string; storedName: string; contentType: string; sizeBytes: number; sha256: string }

/** Why a file was refused: an i18n key shown next to the file field. */
export type UploadError =
  'presentations.error.fileMissing' | 'presentations.error.fileEmpty' | 'presentations.error.fileTooBig' | 'presentations.error.fileType'

class UploadRefused extends Error {
  constructor(readonly reason: UploadError) {
    super(reason)
  }
}

const FILE_FIELD = 'file'

function uploadsDir() {
  fs.mkdirSync(config.uploadsDir, { recursive: true })
  return config.uploadsDir
}

/**
 * Streams one file part to a temp file in UPLOADS_DIR while hashing and counting it, never
 * holding it whole in memory; stops as soon as it passes `maxBytes`. A file of an allowed
 * type (sniffed from its bytes) is renamed to its final random name; anything else, and
 * any failure on the way (a client gone mid-stream too), leaves nothing behind.
 */
export async function storeUploadStream({
  data,
  fileName,
  maxBytes = maxUploadBytes(),
}: {
  data: AsyncIterable<Uint8Array>
  fileName: string
  maxBytes?: number
}): Promise<StoredUpload> {
  const dir = uploadsDir()
  const random = crypto.randomBytes(16).toString('hex')
  const tempPath = path.join(dir, `.upload-${random}.tmp`)
  const hash = crypto.createHash('sha256')
  let size = 0
  const handle = await fs.promises.open(tempPath, 'wx+', 0o600)
  let closed = false
  try {
    for await (const chunk of data) {
      size += chunk.byteLength
      if (size > maxBytes) throw new UploadRefused('presentations.error.fileTooBig')
      hash.update(chunk)
      let written = 0
      while (written < chunk.byteLength) {
        const { bytesWritten } = await handle.write(chunk, written, chunk.byteLength - written)
        written += bytesWritten
      }
    }
    if (size === 0) throw new UploadRefused('presentations.error.fileEmpty')
    const head = Buffer.alloc(Math.min(size, SNIFF_HEAD_BYTES))
    await handle.read(head, 0, head.length, 0)
    const tailLength = Math.min(size, SNIFF_TAIL_BYTES)
    const tail = Buffer.alloc(tailLength)
    await handle.read(tail, 0, tailLength, size - tailLength)
    const type = sniffFileType(head, tail, size)
    if (!type) throw new UploadRefused('presentations.error.fileType')
    await handle.sync()
    await handle.close()
    closed = true
    const storedName = `${random}.${type.extension}`
    await fs.promises.rename(tempPath, path.join(dir, storedName))
    return {
      fileName: keptFileName(fileName, type),
      storedName,
      contentType: type.contentType,
      sizeBytes: size,
      sha256: hash.digest('hex'),
    }
  } catch (error) {
    if (!closed) await handle.close().catch(() => {})
    await fs.promises.rm(tempPath, { force: true })
    throw error
  }
}

/** Removes a stored file that did not make it into the database. */
export function discardUpload(upload: StoredUpload | null | undefined) {
  if (upload) fs.rmSync(path.join(config.uploadsDir, upload.storedName), { force: true })
}

/**
 * Reads a multipart form: its text fields in memory, the `file` part streamed to disk.
 * Gives the fields, the stored file (if it was accepted) or why it was refused; a malformed
 * body throws 400, text fields over their limits 413.
 */
export async function receivePresentationForm(
  request: Request,
  { maxBytes = maxUploadBytes() } = {},
): Promise<{ fields: FormData; upload: StoredUpload | null; fileError: UploadError | null }> {
  let upload: StoredUpload | null = null
  let fileError: UploadError | null = null
  let fields: FormData
  try {
    fields = await readMultipartForm(request, async (file) => {
      if (file.field !== FILE_FIELD) return
      if (upload || fileError) throw new UploadRefused('presentations.error.fileMissing') // one file a form
      if (!file.fileName) {
        fileError = 'presentations.error.fileMissing' // an empty file input
        return
      }
      try {
        upload = await storeUploadStream({ data: file.data, fileName: file.fileName, maxBytes })
      } catch (error) {
        // Refused: the rest of the form is still read, for the form shown again.
        if (!(error instanceof UploadRefused)) throw error
        fileError = error.reason
      }
    })
  } catch (error) {
    discardUpload(upload)
    if (error instanceof UploadRefused) return { fields: new FormData(), upload: null, fileError: error.reason }
    throw error
  }
  if (!upload && !fileError) fileError = 'presentations.error.fileMissing'
  return { fields, upload, fileError }
}

export type PresentationInput = {
  title: string
  presenterPersonId: number | null
  agendaItemId: number | null
  visibility: PresentationVisibility
}

export type PresentationSaveResult = { ok: true; id: number; version: number } | { ok: false; fieldErrors: Record<string, string[]> }

/** Records a new presentation with its first file, and its audit row, in one transaction. */
export function createPresentation({
  meetingId,
  input,
  upload,
  actor,
}: {
  meetingId: number
  input: PresentationInput
  upload: StoredUpload
  actor: Actor
}): PresentationSaveResult {
  const fieldErrors: Record<string, string[]> = {}
  if (input.agendaItemId !== null) {
    const item = db
      .select({ id: schema.agendaItems.id })
      .from(schema.agendaItems)
      .where(and(eq(schema.agendaItems.id, input.agendaItemId), eq(schema.agendaItems.meetingId, meetingId)))
      .get()
    if (!item) fieldErrors.agendaItemId = ['presentations.error.agendaItem']
  }
  if (input.presenterPersonId !== null) {
    const person = db.select({ id: schema.people.id }).from(schema.people).where(eq(schema.people.id, input.presenterPersonId)).get()
    if (!person) fieldErrors.presenterPersonId = ['presentations.error.presenter']
  }
  if (Object.keys(fieldErrors).length) {
    discardUpload(upload)
    return { ok: false, fieldErrors }
  }
  try {
    return db.transaction((tx) => {
      const row = tx
        .insert(pr)
        .values({
          meetingId,
          agendaItemId: input.agendaItemId,
          title: input.title,
          presenterPersonId: input.presenterPersonId,
          visibility: input.visibility,
          createdBy: actor.userId,
        })
        .returning({ id: pr.id })
        .get()
      tx.insert(pf)
        .values({ presentationId: row.id, version: 1, ...upload, uploadedBy: actor.userId })
        .run()
      recordAudit(tx, {
        actorUserId: actor.userId,
        action: 'presentation.upload',
        entityType: 'meeting',
        entityId: meetingId,
        after: {
          presentationId: row.id,
          title: input.title,
          visibility: input.visibility,
          fileName: upload.fileName,
          sizeBytes: upload.sizeBytes,
          sha256: upload.sha256,
        },
        ip: actor.ip,
      })
      return { ok: true as const, id: row.id, version: 1 }
    })
  } catch (error) {
    discardUpload(upload)
    throw error
  }
}

/** Adds the next version of a presentation's file; the earlier versions stay. */
export function replacePresentationFile({
  meetingId,
  presentationId,
  upload,
  actor,
}: {
  meetingId: number
  presentationId: number
  upload: StoredUpload
  actor: Actor
}): PresentationSaveResult {
  try {
    return db.transaction((tx) => {
      const presentation = tx
        .select({ id: pr.id })
        .from(pr)
        .where(and(eq(pr.id, presentationId), eq(pr.meetingId, meetingId)))
        .get()
      if (!presentation) {
        discardUpload(upload)
        return { ok: false as const, fieldErrors: { presentationId: ['presentations.error.notFound'] } }
      }
      const last = tx
        .select({ version: max(pf.version) })
        .from(pf)
        .where(eq(pf.presentationId, presentationId))
        .get()
      const version = (last?.version ?? 0) + 1
      tx.insert(pf)
        .values({ presentationId, version, ...upload, uploadedBy: actor.userId })
        .run()
      recordAudit(tx, {
        actorUserId: actor.userId,
        action: 'presentation.replace',
        entityType: 'meeting',
        entityId: meetingId,
        after: { presentationId, version, fileName: upload.fileName, sizeBytes: upload.sizeBytes, sha256: upload.sha256 },
        ip: actor.ip,
      })
      return { ok: true as const, id: presentationId, version }
    })
  } catch (error) {
    discardUpload(upload)
    throw error
  }
}

/** Which visibilities a meeting access may see: insiders all, everyone else public ones. */
export function visibleVisibilities(access: MeetingAccess): PresentationVisibility[] {
  if (access === 'manage' || access === 'member') return ['members', 'public']
  if (access === 'public' || access === 'invitee') return ['public']
  return []
}

/** A meeting's presentations the access may see, each with all its versions, newest first. */
export function listPresentations({ meetingId, access }: { meetingId: number; access: MeetingAccess }) {
  const visibilities = visibleVisibilities(access)
  if (!visibilities.length) return []
  const rows = db
    .select({
      id: pr.id,
      title: pr.title,
      visibility: pr.visibility,
      agendaItemId: pr.agendaItemId,
      agendaItemTitle: schema.agendaItems.title,
      presenterName: schema.people.name,
      createdAt: pr.createdAt,
    })
    .from(pr)
    .leftJoin(schema.agendaItems, eq(schema.agendaItems.id, pr.agendaItemId))
    .leftJoin(schema.people, eq(schema.people.id, pr.presenterPersonId))
    .where(and(eq(pr.meetingId, meetingId), inArray(pr.visibility, visibilities)))
    .orderBy(asc(pr.createdAt), asc(pr.id))
    .all()
  if (!rows.length) return []
  const files = db
    .select({
      presentationId: pf.presentationId,
      version: pf.version,
      fileName: pf.fileName,
      contentType: pf.contentType,
      sizeBytes: pf.sizeBytes,
      uploadedAt: pf.uploadedAt,
    })
    .from(pf)
    .where(
      inArray(
        pf.presentationId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(desc(pf.version))
    .all()
  return rows.map((row) => ({ ...row, files: files.filter((f) => f.presentationId === row.id) }))
}

/** One version (the latest without `version`) of a presentation's file, with its meeting. */
export function getPresentationFile({ presentationId, version }: { presentationId: number; version?: number }) {
  const presentation = db
    .select({ id: pr.id, meetingId: pr.meetingId, visibility: pr.visibility })
    .from(pr)
    .where(eq(pr.id, presentationId))
    .get()
  if (!presentation) return null
  const file = db
    .select({
      version: pf.version,
      fileName: pf.fileName,
      storedName: pf.storedName,
      contentType: pf.contentType,
      sizeBytes: pf.sizeBytes,
      sha256: pf.sha256,
    })
    .from(pf)
    .where(
      version === undefined ? eq(pf.presentationId, presentationId) : and(eq(pf.presentationId, presentationId), eq(pf.version, version)),
    )
    .orderBy(desc(pf.version))
    .limit(1)
    .get()
  if (!file) return null
  return { ...presentation, file, path: path.join(config.uploadsDir, file.storedName) }
}
