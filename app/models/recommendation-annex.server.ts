import { and, asc, eq, sql } from 'drizzle-orm'
import { db, schema, type Db, type Tx } from '~/db.server'
import { RECOMMENDATION_LIMITS } from '~/schemas/recommendation'
import type { Actor } from './audit.server'
import { auditDocument, documentRow } from './document/document.server'
import { documentFilePath, removeDocumentFile, storeDocumentFile } from './document/files.server'
import type { RecommendationAnnex } from './recommendation-snapshot'

const df = schema.documentFiles

/** Why an annex was not added or removed: an i18n key. */
export type AnnexError =
  | 'recommendation.error.annex.fileEmpty'
  | 'recommendation.error.annex.fileTooBig'
  | 'recommendation.error.annex.fileType'
  | 'recommendation.error.annex.title'
  | 'recommendation.error.annex.notFound'
  | 'recommendation.error.wrongState'

/** The annexes in their order. */
export function listAnnexes({ id }: { id: number }, tx: Db | Tx = db): RecommendationAnnex[] {
  return tx
    .select({ id: df.id, title: df.title, fileName: df.fileName, sizeBytes: df.sizeBytes, sha256: df.sha256 })
    .from(df)
    .where(eq(df.documentId, id))
    .orderBy(asc(df.position), asc(df.id))
    .all()
}

/**
 * Attaches a file to the text while it can still change: its type is sniffed from its bytes,
 * it is stored under a random name, and the annex goes last.
 */
export function addAnnex({
  id,
  title,
  file,
  actor,
}: {
  id: number
  title: string
  file: { fileName: string; bytes: Buffer }
  actor: Actor
}): { ok: true; fileId: number } | { ok: false; error: AnnexError } {
  const annexTitle = title.trim()
  if (!annexTitle || annexTitle.length > RECOMMENDATION_LIMITS.annexTitle || /[\r\n]/.test(annexTitle))
    return { ok: false, error: 'recommendation.error.annex.title' }
  const document = documentRow(db, id)
  if (!document || document.kind !== 'recommendation') throw new Response('Not Found', { status: 404 })
  if (!annexesOpen(document.state)) return { ok: false, error: 'recommendation.error.wrongState' }
  const stored = storeDocumentFile(file)
  if (!stored.ok) return { ok: false, error: `recommendation.error.annex.${stored.reason}` }
  try {
    return db.transaction((tx) => {
      const now = documentRow(tx, id)!
      if (!annexesOpen(now.state)) throw new AnnexRefused()
      const position =
        tx
          .select({ n: sql<number>`coalesce(max(${df.position}) + 1, 0)` })
          .from(df)
          .where(eq(df.documentId, id))
          .get()?.n ?? 0
      const { fileName } = stored.file
      const { id: fileId } = tx
        .insert(df)
        .values({
          documentId: id,
          position,
          title: annexTitle,
          fileName,
          storedName: stored.file.storedName,
          contentType: stored.file.contentType,
          sizeBytes: stored.file.sizeBytes,
          sha256: stored.file.sha256,
          uploadedByUserId: actor.userId,
        })
        .returning({ id: df.id })
        .get()
      touch(tx, id, actor)
      auditDocument(tx, {
        kind: 'recommendation',
        id,
        action: 'annexAdded',
        actor,
        after: { fileId, title: annexTitle, fileName, sizeBytes: stored.file.sizeBytes, sha256: stored.file.sha256 },
      })
      return { ok: true as const, fileId }
    })
  } catch (error) {
    removeDocumentFile(stored.file.storedName)
    if (error instanceof AnnexRefused) return { ok: false, error: 'recommendation.error.wrongState' }
    throw error
  }
}

class AnnexRefused extends Error {}

/** An annex is part of the document: changing one raises its revision, so a step or save over the one before sees it. */
function touch(tx: Tx, id: number, actor: Actor) {
  tx.update(schema.documents)
    .set({ revision: sql`${schema.documents.revision} + 1`, updatedAt: new Date().toISOString(), updatedByUserId: actor.userId })
    .where(eq(schema.documents.id, id))
    .run()
}

/**
 * Annexes change only while the text is drafted: the consultation's frozen version lists them,
 * and members comment on that. The page offers the form in the same state alone.
 */
const annexesOpen = (state: string) => state === 'drafting'

/**
 * Removes an annex while the text is drafted (no frozen version lists it), and its bytes with it.
 */
export function removeAnnex({
  id,
  fileId,
  actor,
}: {
  id: number
  fileId: number
  actor: Actor
}): { ok: true } | { ok: false; error: AnnexError } {
  const removed = db.transaction((tx) => {
    const document = documentRow(tx, id)
    if (!document || document.kind !== 'recommendation') throw new Response('Not Found', { status: 404 })
    if (!annexesOpen(document.state)) return { ok: false as const, error: 'recommendation.error.wrongState' as const }
    const file = tx
      .select({ title: df.title, fileName: df.fileName, sha256: df.sha256, storedName: df.storedName })
      .from(df)
      .where(and(eq(df.id, fileId), eq(df.documentId, id)))
      .get()
    if (!file) return { ok: false as const, error: 'recommendation.error.annex.notFound' as const }
    tx.delete(df).where(eq(df.id, fileId)).run()
    touch(tx, id, actor)
    const { storedName, ...kept } = file
    auditDocument(tx, { kind: 'recommendation', id, action: 'annexRemoved', actor, before: { fileId, ...kept } })
    return { ok: true as const, storedName }
  })
  if (!removed.ok) return removed
  removeDocumentFile(removed.storedName)
  return { ok: true }
}

/** Where an annex's bytes are, with the type they were sniffed as and the name to serve them under. */
export function annexFile({
  id,
  fileId,
}: {
  id: number
  fileId: number
}): { path: string; fileName: string; contentType: string; sizeBytes: number } | undefined {
  const row = db
    .select({ storedName: df.storedName, fileName: df.fileName, contentType: df.contentType, sizeBytes: df.sizeBytes })
    .from(df)
    .where(and(eq(df.id, fileId), eq(df.documentId, id)))
    .get()
  return row && { path: documentFilePath(row.storedName), fileName: row.fileName, contentType: row.contentType, sizeBytes: row.sizeBytes }
}
