import { and, asc, eq, sql } from 'drizzle-orm'
import type { DocumentKind, DocumentSectionKind, DocumentState, DocumentVisibility } from '#db/schema/enums'
import { schema, type Db, type Tx } from '~/db.server'
import { recordAudit, type Actor } from '../audit.server'
import { isEditable, rulesOf } from './kinds'

const d = schema.documents
const ds = schema.documentSections

/** The core's row of a document: what every kind shares. */
export type DocumentRow = {
  id: number
  kind: DocumentKind
  bodyId: number
  state: DocumentState
  visibility: DocumentVisibility
  revision: number
  commentsDueAt: string | null
  publishedAt: string | null
  publishedByUserId: number | null
  createdAt: string
  updatedAt: string
  updatedByUserId: number | null
}

export function documentRow(tx: Db | Tx, id: number): DocumentRow | undefined {
  return tx.select().from(d).where(eq(d.id, id)).get()
}

/** Starts a document of a kind in its first state; the kind's own row is inserted with the returned id. */
export function createDocument(
  tx: Tx,
  {
    kind,
    bodyId,
    state,
    visibility = 'members',
    actor,
  }: { kind: DocumentKind; bodyId: number; state: DocumentState; visibility?: DocumentVisibility; actor: Actor },
): number {
  return tx.insert(d).values({ kind, bodyId, state, visibility, updatedByUserId: actor.userId }).returning({ id: d.id }).get().id
}

/** Why a save or a step was refused. */
export type DocumentRefusal = 'stale' | 'wrongState' | 'locked'

/**
 * Claims the next revision of an editable document for a save, but only over the revision the
 * writer started from (optimistic locking): `stale` when someone saved meanwhile, `locked` when
 * the document is past editing. The caller writes the text in the same transaction.
 */
export function claimSave(
  tx: Tx,
  { id, baseRevision, actor }: { id: number; baseRevision: number; actor: Actor },
): { ok: true; revision: number; row: DocumentRow } | { ok: false; reason: DocumentRefusal } {
  const row = documentRow(tx, id)
  if (!row) throw new Response('Not Found', { status: 404 })
  if (!isEditable(row.kind, row.state)) return { ok: false, reason: 'locked' }
  const updated = tx
    .update(d)
    .set({ revision: sql`${d.revision} + 1`, updatedAt: new Date().toISOString(), updatedByUserId: actor.userId })
    .where(and(eq(d.id, id), eq(d.revision, baseRevision)))
    .returning({ revision: d.revision })
    .get()
  return updated ? { ok: true, revision: updated.revision, row } : { ok: false, reason: 'stale' }
}

/**
 * Moves a document from one of `from` to `to`, over the revision the officer saw: one step of
 * its cycle, in the caller's transaction (which freezes the version and writes the audit row).
 * `set` carries the core's fields the step changes (deadline, visibility, publication).
 */
export function stepDocument(
  tx: Tx,
  {
    id,
    from,
    to,
    baseRevision,
    set = {},
  }: {
    id: number
    from: readonly DocumentState[]
    to: DocumentState
    baseRevision: number
    set?: Partial<Pick<DocumentRow, 'commentsDueAt' | 'visibility' | 'publishedAt' | 'publishedByUserId'>>
  },
): { ok: true; before: DocumentState; row: DocumentRow } | { ok: false; reason: DocumentRefusal } {
  const row = documentRow(tx, id)
  if (!row) throw new Response('Not Found', { status: 404 })
  if (!from.includes(row.state)) return { ok: false, reason: 'wrongState' }
  if (row.revision !== baseRevision) return { ok: false, reason: 'stale' }
  tx.update(d)
    .set({ ...set, state: to, revision: sql`${d.revision} + 1` })
    .where(eq(d.id, id))
    .run()
  return { ok: true, before: row.state, row: documentRow(tx, id)! }
}

/** One audit row of a document's step or change: `<kind>.<action>` on the kind's entity type. */
export function auditDocument(
  tx: Db | Tx,
  {
    kind,
    id,
    action,
    actor,
    before,
    after,
  }: { kind: DocumentKind; id: number; action: string; actor: Actor; before?: Record<string, unknown>; after?: Record<string, unknown> },
) {
  const prefix = rulesOf(kind).auditPrefix
  recordAudit(tx, {
    actorUserId: actor.userId,
    ip: actor.ip,
    action: `${prefix}.${action}`,
    entityType: prefix,
    entityId: id,
    before,
    after,
  })
}

/** A section as the kinds read it; `details` is the kind's own JSON, parsed by the kind. */
export type DocumentSection = {
  id: number
  parentId: number | null
  kind: DocumentSectionKind
  agendaItemId: number | null
  title: string
  body: string
  details: string | null
}

/** The sections in reading order (a child follows its parent). */
export function listSections(tx: Db | Tx, documentId: number): DocumentSection[] {
  return tx
    .select({
      id: ds.id,
      parentId: ds.parentId,
      kind: ds.kind,
      agendaItemId: ds.agendaItemId,
      title: ds.title,
      body: ds.body,
      details: ds.details,
    })
    .from(ds)
    .where(eq(ds.documentId, documentId))
    .orderBy(asc(ds.position), asc(ds.id))
    .all()
}

/** A section as saved: `id: null` adds it; `children` sit inside it (a chapter's recommendations). */
export type SectionInput = {
  id: number | null
  /** The kind of a new section; an existing one keeps its own. */
  kind: DocumentSectionKind
  title: string
  body: string
  details?: string | null
  agendaItemId?: number | null
  children?: SectionInput[]
}

/**
 * Writes the text of a document as given, in order, keeping the ids of the sections it names
 * (comments point at them) and removing those it leaves out. Children are written after their
 * parent, so the stored order is the reading order. Returns the ids in that order.
 */
export function replaceSections(tx: Tx, documentId: number, sections: SectionInput[]): number[] {
  const existing = new Set(
    tx
      .select({ id: ds.id })
      .from(ds)
      .where(eq(ds.documentId, documentId))
      .all()
      .map((row) => row.id),
  )
  const kept = new Set<number>()
  const collect = (inputs: SectionInput[]) =>
    inputs.forEach((input) => {
      if (input.id !== null && existing.has(input.id)) kept.add(input.id)
      collect(input.children ?? [])
    })
  collect(sections)
  // Children first: removing a parent would cascade to a child that moved elsewhere.
  for (const id of existing) if (!kept.has(id)) tx.update(ds).set({ parentId: null }).where(eq(ds.parentId, id)).run()
  for (const id of existing) if (!kept.has(id)) tx.delete(ds).where(eq(ds.id, id)).run()

  const order: number[] = []
  const write = (inputs: SectionInput[], parentId: number | null) =>
    inputs.forEach((input) => {
      const position = order.length
      const fields = { parentId, position, title: input.title, body: input.body, details: input.details ?? null }
      let id: number
      if (input.id !== null && kept.has(input.id)) {
        id = input.id
        tx.update(ds).set(fields).where(eq(ds.id, id)).run()
      } else {
        id = tx
          .insert(ds)
          .values({ documentId, kind: input.kind, agendaItemId: input.agendaItemId ?? null, ...fields })
          .returning({ id: ds.id })
          .get().id
      }
      order.push(id)
      write(input.children ?? [], id)
    })
  write(sections, null)
  return order
}
