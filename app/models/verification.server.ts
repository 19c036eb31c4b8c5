import crypto from 'node:crypto'
import { and, desc, eq, type SQL } from 'drizzle-orm'
import type { MinutesVisibility } from '#db/schema/enums'
import { db, schema } from '~/db.server'
import { readMultipartForm } from '~/utils/multipart.server'
import type { MinutesSnapshot } from './minutes.server'
import { maxUploadBytes } from './presentation.server'

const mn = schema.minutes
const mv = schema.minutesVersions

/** Crockford base32 as newVerificationCode writes it: no I, L, O or U. */
const CODE = /^[0-9A-HJKMNP-TV-Z]{12}$/

/**
 * A verification code as typed or scanned, in its canonical form: upper case, without spaces
 * or dashes, with the letters Crockford base32 reads as digits (O → 0, I and L → 1).
 * Anything that cannot be a code gives null.
 */
export function normaliseVerificationCode(input: string): string | null {
  const code = input
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
  return CODE.test(code) ? code : null
}

/** What the public verification page says about a published version: nothing more. */
export type VerifiedDocument = {
  code: string
  meetingId: number
  version: number
  pdfSha256: string
  bodyName: string
  meetingNumber: number
  startsAt: string
  endsAt: string
  topic: string
  approvedBy: string | null
  approvedOn: string | null
  publishedAt: string
  publishedBy: string | null
  visibility: MinutesVisibility
}

/** A published version of published minutes, found by `where`; drafts and other versions never. */
function findPublished(where: SQL): VerifiedDocument | undefined {
  const row = db
    .select({ code: mv.verificationCode, number: mv.number, pdfSha256: mv.pdfSha256, snapshot: mv.snapshot, meetingId: mn.meetingId })
    .from(mv)
    .innerJoin(mn, eq(mn.id, mv.minutesId))
    .where(and(where, eq(mv.state, 'published'), eq(mn.state, 'published')))
    .orderBy(desc(mv.id))
    .get()
  if (!row?.code || !row.pdfSha256) return undefined
  const snapshot = JSON.parse(row.snapshot) as MinutesSnapshot
  if (!snapshot.publication) return undefined
  return {
    code: row.code,
    meetingId: row.meetingId,
    version: row.number,
    pdfSha256: row.pdfSha256,
    bodyName: snapshot.bodyName,
    meetingNumber: snapshot.meetingNumber,
    startsAt: snapshot.startsAt,
    endsAt: snapshot.endsAt,
    topic: snapshot.topic,
    approvedBy: snapshot.approvedBy,
    approvedOn: snapshot.approvedOn,
    publishedAt: snapshot.publication.publishedAt,
    publishedBy: snapshot.publication.publishedBy,
    visibility: snapshot.visibility,
  }
}

/** The published document a verification code belongs to; unknown and unpublished alike give undefined. */
export function getVerifiedDocument({ code }: { code: string }): VerifiedDocument | undefined {
  const canonical = normaliseVerificationCode(code)
  return canonical ? findPublished(eq(mv.verificationCode, canonical)) : undefined
}

/** The published document whose PDF has exactly this SHA-256, if any. */
export function findPublishedDocumentBySha256({ sha256 }: { sha256: string }): VerifiedDocument | undefined {
  return /^[0-9a-f]{64}$/.test(sha256) ? findPublished(eq(mv.pdfSha256, sha256)) : undefined
}

/** Why an uploaded file was not checked: an i18n key shown next to the file field. */
export type UploadedPdfError =
  'verify.error.fileMissing' | 'verify.error.fileEmpty' | 'verify.error.fileTooBig' | 'verify.error.notPdf' | 'verify.error.oneFile'
export type UploadedPdfHash = { ok: true; sha256: string; sizeBytes: number } | { ok: false; error: UploadedPdfError }

class Refused extends Error {
  constructor(readonly reason: UploadedPdfError) {
    super(reason)
  }
}

const FILE_FIELD = 'file'
/** A PDF's header (%PDF-) may follow some junk, within its first kilobyte. */
const HEADER_WINDOW = 1024

/**
 * Reads the one PDF of a multipart form and hashes it as it streams in, keeping nothing but
 * its first kilobyte (to see that it is a PDF): it is compared, never stored.
 */
export async function hashUploadedPdf(
  request: Request,
  { maxBytes = maxUploadBytes() }: { maxBytes?: number } = {},
): Promise<UploadedPdfHash> {
  // A form sent without its file (urlencoded) has nothing to check.
  if (!/^multipart\/form-data;/i.test(request.headers.get('Content-Type') ?? '')) return { ok: false, error: 'verify.error.fileMissing' }
  let result: { sha256: string; sizeBytes: number; isPdf: boolean } | null = null
  let missing = false
  try {
    await readMultipartForm(request, async (file) => {
      if (file.field !== FILE_FIELD) return
      if (result || missing) throw new Refused('verify.error.oneFile')
      if (!file.fileName) {
        missing = true // an empty file input
        return
      }
      const hash = crypto.createHash('sha256')
      const head: Uint8Array[] = []
      let headBytes = 0
      let size = 0
      for await (const chunk of file.data) {
        size += chunk.byteLength
        if (size > maxBytes) throw new Refused('verify.error.fileTooBig')
        hash.update(chunk)
        if (headBytes < HEADER_WINDOW) {
          head.push(chunk.subarray(0, HEADER_WINDOW - headBytes))
          headBytes += Math.min(chunk.byteLength, HEADER_WINDOW - headBytes)
        }
      }
      result = { sha256: hash.digest('hex'), sizeBytes: size, isPdf: Buffer.concat(head).includes('%PDF-') }
    })
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: error.reason }
    throw error
  }
  const file = result as { sha256: string; sizeBytes: number; isPdf: boolean } | null
  if (!file) return { ok: false, error: 'verify.error.fileMissing' }
  if (file.sizeBytes === 0) return { ok: false, error: 'verify.error.fileEmpty' }
  if (!file.isPdf) return { ok: false, error: 'verify.error.notPdf' }
  return { ok: true, sha256: file.sha256, sizeBytes: file.sizeBytes }
}
