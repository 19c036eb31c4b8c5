import crypto from 'node:crypto'
import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import type { DocumentState } from '#db/schema/enums'
import { db, schema, type Tx } from '~/db.server'
import type { Actor } from '../audit.server'

const dv = schema.documentVersions

export type VersionSummary = {
  id: number
  number: number
  state: DocumentState
  createdAt: string
  createdByName: string | null
  verificationCode: string | null
}

/** A frozen version with its snapshot parsed as the kind's own type. */
export type DocumentVersion<Snapshot> = {
  id: number
  documentId: number
  number: number
  state: DocumentState
  snapshot: Snapshot
  createdAt: string
  createdByUserId: number | null
  verificationCode: string | null
  pdfSha256: string | null
}

/** What a published version archives: the PDF's bytes, their SHA-256 and the code printed on them. */
export type Publication = { verificationCode: string; pdf: Buffer; pdfSha256: string }

/**
 * Freezes a document's snapshot as its next version, in the transaction of the step that
 * freezes it; returns the version's number. Versions are never changed afterwards.
 */
export function freezeVersion<Snapshot>(
  tx: Tx,
  {
    documentId,
    state,
    actor,
    snapshot,
    publication,
  }: { documentId: number; state: DocumentState; actor: Actor; snapshot: Snapshot; publication?: Publication },
): number {
  const last =
    tx
      .select({ n: sql<number>`coalesce(max(${dv.number}), 0)` })
      .from(dv)
      .where(eq(dv.documentId, documentId))
      .get()?.n ?? 0
  tx.insert(dv)
    .values({ documentId, number: last + 1, state, snapshot: JSON.stringify(snapshot), createdByUserId: actor.userId, ...publication })
    .run()
  return last + 1
}

/** The frozen versions of a document, newest first. */
export function listVersions({ documentId }: { documentId: number }): VersionSummary[] {
  return db
    .select({
      id: dv.id,
      number: dv.number,
      state: dv.state,
      createdAt: dv.createdAt,
      createdByName: sql<string | null>`(select name from users where users.id = ${dv.createdByUserId})`,
      verificationCode: dv.verificationCode,
    })
    .from(dv)
    .where(eq(dv.documentId, documentId))
    .orderBy(desc(dv.number))
    .all()
}

// Everything of a version but the PDF's bytes, which only the download needs.
const versionColumns = {
  id: dv.id,
  documentId: dv.documentId,
  number: dv.number,
  state: dv.state,
  snapshot: dv.snapshot,
  createdAt: dv.createdAt,
  createdByUserId: dv.createdByUserId,
  verificationCode: dv.verificationCode,
  pdfSha256: dv.pdfSha256,
}

function parsed<Snapshot>(row: (Omit<DocumentVersion<Snapshot>, 'snapshot'> & { snapshot: string }) | undefined) {
  return row ? { ...row, snapshot: JSON.parse(row.snapshot) as Snapshot } : undefined
}

export function getVersion<Snapshot>({
  documentId,
  number,
}: {
  documentId: number
  number: number
}): DocumentVersion<Snapshot> | undefined {
  return parsed<Snapshot>(
    db
      .select(versionColumns)
      .from(dv)
      .where(and(eq(dv.documentId, documentId), eq(dv.number, number)))
      .get(),
  )
}

/**
 * The version the document was published as, if any: what outsiders read and what /verify
 * vouches for. A withdrawn document keeps it.
 */
export function getPublishedVersion<Snapshot>({ documentId }: { documentId: number }): DocumentVersion<Snapshot> | undefined {
  return parsed<Snapshot>(
    db
      .select(versionColumns)
      .from(dv)
      .where(and(eq(dv.documentId, documentId), eq(dv.state, 'published')))
      .orderBy(desc(dv.number))
      .get(),
  )
}

/** The archived bytes of a published version's PDF. */
export function getPublishedPdf({ versionId }: { versionId: number }): Buffer | undefined {
  return (
    db
      .select({ pdf: dv.pdf })
      .from(dv)
      .where(and(eq(dv.id, versionId), eq(dv.state, 'published')))
      .get()?.pdf ?? undefined
  )
}

/** The verification codes of the published versions of several documents (for lists that link to /verify). */
export function publishedCodes(documentIds: number[]): Map<number, string> {
  if (documentIds.length === 0) return new Map()
  const rows = db
    .select({ documentId: dv.documentId, code: dv.verificationCode })
    .from(dv)
    .where(and(inArray(dv.documentId, documentIds), eq(dv.state, 'published')))
    .orderBy(dv.number)
    .all()
  return new Map(rows.flatMap((row) => (row.code ? [[row.documentId, row.code] as const] : [])))
}

/** A code for /verify/:code that nobody can guess: 12 characters of Crockford base32 (60 bits). */
export function newVerificationCode(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
  const bytes = crypto.randomBytes(12)
  return Array.from(bytes, (byte) => alphabet[byte % 32]).join('')
}

/** The publication record of a rendered PDF: a fresh code and the bytes' SHA-256. */
export function publicationOf(pdf: Buffer, verificationCode: string): Publication {
  return { verificationCode, pdf, pdfSha256: crypto.createHash('sha256').update(pdf).digest('hex') }
}
