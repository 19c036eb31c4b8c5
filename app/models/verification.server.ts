import crypto from 'node:crypto'
import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm'
import { documentKinds, type DocumentKind, type DocumentState, type DocumentVisibility } from '#db/schema/enums'
import { db, schema } from '~/db.server'
import { translator, type Lang, type MessageKey, type Translate } from '~/i18n/messages'
import { formatDate, formatDay, formatDayRange } from '~/utils/format'
import { readMultipartForm } from '~/utils/multipart.server'
import { warsawDay } from '~/utils/time'
import { documentKindRules } from './document/kinds'
import type { MinutesSnapshot } from './minutes.server'
import { maxUploadBytes } from './presentation.server'
import type { AgreementSnapshot } from './agreement/snapshot'
import type { RecommendationSnapshot } from './recommendation-snapshot'

const d = schema.documents
const dv = schema.documentVersions

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

/** One line of what a kind says about its document („Zatwierdzenie: Zespół na spotkaniu nr 2, 20.06.2031 r.”), in the reader's language. */
export type VerifiedFact = { label: MessageKey; value: string }

/** What the public verification page says about a published version, whatever its kind: nothing more. */
export type VerifiedDocument = {
  code: string
  kind: DocumentKind
  documentId: number
  bodyId: number
  version: number
  pdfSha256: string
  /** Minutes: the meeting's topic; a recommendation: its title. */
  title: string
  bodyName: string
  /** The document's page, and its published PDF (for those who may read it). */
  documentHref: string
  pdfHref: string
  publishedAt: string
  publishedBy: string | null
  visibility: DocumentVisibility
  facts: VerifiedFact[]
  /** A withdrawn document still verifies: it is what was published, and the page says it was withdrawn. */
  withdrawn: { at: string; reason: string } | null
}

type Found = { documentId: number; state: DocumentState; snapshot: string }
type Publication = { publishedAt: string; publishedBy: string | null } | null
type Description = Pick<VerifiedDocument, 'title' | 'bodyName' | 'documentHref' | 'pdfHref' | 'facts' | 'withdrawn'> & {
  publication: Publication
}

/** Each kind reads its own snapshot into what the page says; a kind without a describer does not compile. */
const describers: { [K in DocumentKind]: (found: Found, t: Translate, lang: Lang) => Description } = {
  minutes({ snapshot }, t, lang) {
    const s = JSON.parse(snapshot) as MinutesSnapshot
    const when =
      warsawDay(s.startsAt) === warsawDay(s.endsAt)
        ? t('verify.pdf.onDay', { date: formatDate(s.startsAt, lang) })
        : t('verify.pdf.onDays', { days: formatDayRange(s.startsAt, s.endsAt, lang) })
    const approvedOn = s.approvedOn ? formatDay(s.approvedOn, lang) : null
    const approval =
      s.approvedBy && approvedOn
        ? t('verify.approvedValue', { by: s.approvedBy, date: approvedOn })
        : (s.approvedBy ?? approvedOn ?? t('verify.notApproved'))
    return {
      title: s.topic,
      bodyName: s.bodyName,
      documentHref: `/meetings/${s.meetingId}/minutes`,
      pdfHref: `/meetings/${s.meetingId}/minutes.pdf`,
      facts: [
        { label: 'verify.meeting', value: t('verify.meetingValue', { number: s.meetingNumber, when }) },
        { label: 'verify.approved', value: approval },
      ],
      withdrawn: null,
      publication: s.publication ?? null,
    }
  },
  recommendation({ documentId, state, snapshot }, t, lang) {
    const s = JSON.parse(snapshot) as RecommendationSnapshot
    const facts: VerifiedFact[] = []
    if (s.number) facts.push({ label: 'verify.number', value: s.number })
    if (s.adoption)
      facts.push({
        label: 'verify.adopted',
        value: t('verify.adoptedValue', { number: s.adoption.meetingNumber, date: formatDay(s.adoption.adoptedOn, lang) }),
      })
    return {
      title: s.title,
      bodyName: s.bodyName,
      documentHref: `/recommendations/${documentId}`,
      pdfHref: `/recommendations/${documentId}/publication.pdf`,
      facts,
      withdrawn: state === 'withdrawn' ? withdrawalOf(documentId) : null,
      publication: s.publication,
    }
  },
  // Both the frozen PDF the parties signed and the signed record verify, once the agreement is concluded.
  agreement({ documentId, state, snapshot }, t, lang) {
    const s = JSON.parse(snapshot) as AgreementSnapshot
    const row = db
      .select({ publishedAt: d.publishedAt, concludedOn: schema.agreements.concludedOn, terminatedOn: schema.agreements.terminatedOn })
      .from(d)
      .innerJoin(schema.agreements, eq(schema.agreements.id, d.id))
      .where(eq(d.id, documentId))
      .get()
    const facts: VerifiedFact[] = [
      { label: 'verify.number', value: s.number },
      { label: 'verify.parties', value: s.parties.map((p) => p.name).join('; ') },
    ]
    if (row?.concludedOn) facts.push({ label: 'verify.concluded', value: formatDay(row.concludedOn, lang) })
    facts.push({
      label: 'verify.validity',
      value: s.validTo
        ? `${formatDay(s.validFrom, lang)} – ${formatDay(s.validTo, lang)}`
        : t('verify.validFromIndefinite', { date: formatDay(s.validFrom, lang) }),
    })
    if (state !== 'signed')
      facts.push({
        label: 'verify.agreementState',
        value:
          t(`agreement.state.${state as AgreementSnapshot['state']}`) +
          (row?.terminatedOn ? ` (${formatDay(row.terminatedOn, lang)})` : ''),
      })
    if (s.signing) facts.push({ label: 'verify.signatures', value: String(s.signing.signatures.length) })
    return {
      title: s.title,
      bodyName: s.bodyName,
      documentHref: `/agreements/${documentId}`,
      pdfHref: `/agreements/${documentId}/agreement.pdf`,
      facts,
      withdrawn: null,
      publication: row?.publishedAt ? { publishedAt: row.publishedAt, publishedBy: null } : null,
    }
  },
}

function withdrawalOf(recommendationId: number): VerifiedDocument['withdrawn'] {
  const r = schema.recommendations
  const row = db.select({ at: r.withdrawnAt, reason: r.withdrawnReason }).from(r).where(eq(r.id, recommendationId)).get()
  return row?.at ? { at: row.at, reason: row.reason ?? '' } : null
}

/** A document of any kind in one of its kind's published states (a withdrawn recommendation too). */
const publishedDocument = or(
  ...documentKinds.map((kind) => and(eq(d.kind, kind), inArray(d.state, [...documentKindRules[kind].published]))),
)!

/**
 * The versions /verify vouches for: a published one; of an agreement, the signed record and the
 * one frozen PDF its signatures name — never a frozen text voided by going back to negotiation.
 */
const vouchedVersion = sql`(${dv.state} = 'published' or (${d.kind} = 'agreement' and (${dv.state} = 'signed' or ${dv.id} = (select frozen_version_id from agreements where agreements.id = ${d.id}))))`

/** The published version found by `where`, described by its kind; drafts and other versions never. */
function findPublished(where: SQL, lang: Lang): VerifiedDocument | undefined {
  const row = db
    .select({
      code: dv.verificationCode,
      number: dv.number,
      pdfSha256: dv.pdfSha256,
      snapshot: dv.snapshot,
      documentId: d.id,
      kind: d.kind,
      state: d.state,
      bodyId: d.bodyId,
      visibility: d.visibility,
    })
    .from(dv)
    .innerJoin(d, eq(d.id, dv.documentId))
    .where(and(where, vouchedVersion, publishedDocument))
    .orderBy(desc(dv.id))
    .get()
  if (!row?.code || !row.pdfSha256) return undefined
  const { publication, ...described } = describers[row.kind](row, translator(lang), lang)
  if (!publication) return undefined
  return {
    code: row.code,
    kind: row.kind,
    documentId: row.documentId,
    bodyId: row.bodyId,
    version: row.number,
    pdfSha256: row.pdfSha256,
    ...described,
    publishedAt: publication.publishedAt,
    publishedBy: publication.publishedBy,
    visibility: row.visibility,
  }
}

/** The published document a verification code belongs to; unknown and unpublished alike give undefined. */
export function getVerifiedDocument({ code, lang = 'pl' }: { code: string; lang?: Lang }): VerifiedDocument | undefined {
  const canonical = normaliseVerificationCode(code)
  return canonical ? findPublished(eq(dv.verificationCode, canonical), lang) : undefined
}

/** The published document whose PDF has exactly this SHA-256, if any. */
export function findPublishedDocumentBySha256({ sha256, lang = 'pl' }: { sha256: string; lang?: Lang }): VerifiedDocument | undefined {
  return /^[0-9a-f]{64}$/.test(sha256) ? findPublished(eq(dv.pdfSha256, sha256), lang) : undefined
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
