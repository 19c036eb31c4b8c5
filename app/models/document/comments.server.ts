import { alias } from 'drizzle-orm/sqlite-core'
import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import type { CommentResolution } from '#db/schema/enums'
import { db, schema, type Db, type Tx } from '~/db.server'
import type { Actor } from '../audit.server'
import { auditDocument, documentRow } from './document.server'
import { isEditable, isOpenForComments, rulesOf } from './kinds'

const ds = schema.documentSections
const dc = schema.documentComments

/** Why a comment was not stored or not resolved; each kind words it in its own messages. */
export type CommentRefusal = 'notOpen' | 'deadlinePassed' | 'section' | 'commentNotFound' | 'alreadyResolved' | 'resolveLocked'

export type DocumentComment = {
  id: number
  sectionId: number | null
  sectionTitle: string | null
  authorName: string
  authorOrganisation: string | null
  body: string
  createdAt: string
  resolution: CommentResolution | null
  resolutionNote: string | null
  resolvedAt: string | null
  resolvedByName: string | null
}

/** A comment as the comments pages show it: its text, author and resolution. */
export type CommentView = Omit<DocumentComment, 'sectionId' | 'sectionTitle'>

/** The comments on one part of a document: a section, a removed section, or the whole text. */
export type CommentPart = { key: string; sectionId: number | null; title: string; removed: boolean; comments: CommentView[] }

const viewOf = ({ sectionId: _section, sectionTitle: _title, ...view }: DocumentComment): CommentView => view

/**
 * A document's comments by part, in reading order: the whole text (titled `whole`, for the page
 * to name), each section given, then each section removed since (by the title it had), and
 * how many there are and how many are open.
 */
export function commentParts(comments: DocumentComment[], sections: { id: number; title: string }[]) {
  const removedTitles = [...new Set(comments.filter((c) => c.sectionId === null && c.sectionTitle !== null).map((c) => c.sectionTitle!))]
  const parts: CommentPart[] = [
    {
      key: 'whole',
      sectionId: null,
      title: 'whole',
      removed: false,
      comments: comments.filter((c) => c.sectionId === null && c.sectionTitle === null).map(viewOf),
    },
    ...sections.map((s) => ({
      key: `s${s.id}`,
      sectionId: s.id,
      title: s.title,
      removed: false,
      comments: comments.filter((c) => c.sectionId === s.id).map(viewOf),
    })),
    ...removedTitles.map((title, i) => ({
      key: `removed-${i + 1}`,
      sectionId: null,
      title,
      removed: true,
      comments: comments.filter((c) => c.sectionId === null && c.sectionTitle === title).map(viewOf),
    })),
  ]
  return { parts, counts: { all: comments.length, open: comments.filter((c) => !c.resolution).length } }
}

const author = alias(schema.users, 'author')
const resolver = alias(schema.users, 'resolver')

/** Every comment on a document, oldest first, with its author's institution and who resolved it. */
export function listComments({ documentId }: { documentId: number }): DocumentComment[] {
  return db
    .select({
      id: dc.id,
      sectionId: dc.sectionId,
      sectionTitle: dc.sectionTitle,
      authorName: author.name,
      authorOrganisation: schema.organisations.name,
      body: dc.body,
      createdAt: dc.createdAt,
      resolution: dc.resolution,
      resolutionNote: dc.resolutionNote,
      resolvedAt: dc.resolvedAt,
      resolvedByName: resolver.name,
    })
    .from(dc)
    .innerJoin(author, eq(author.id, dc.authorUserId))
    .leftJoin(schema.people, eq(schema.people.id, author.personId))
    .leftJoin(schema.organisations, eq(schema.organisations.id, schema.people.organisationId))
    .leftJoin(resolver, eq(resolver.id, dc.resolvedByUserId))
    .where(eq(dc.documentId, documentId))
    .orderBy(asc(dc.createdAt), asc(dc.id))
    .all()
}

/** How many comments each section has, by section id (comments on the whole text left out). */
export function sectionCommentCounts({ documentId }: { documentId: number }): Record<string, number> {
  const rows = db
    .select({ sectionId: dc.sectionId, n: sql<number>`count(*)` })
    .from(dc)
    .where(eq(dc.documentId, documentId))
    .groupBy(dc.sectionId)
    .all()
  return Object.fromEntries(rows.filter((row) => row.sectionId !== null).map((row) => [String(row.sectionId), row.n]))
}

/** How many comments still wait for the secretary's decision: adoption and approval wait for none. */
export function unresolvedComments(tx: Db | Tx, documentId: number): number {
  return (
    tx
      .select({ n: sql<number>`count(*)` })
      .from(dc)
      .where(and(eq(dc.documentId, documentId), isNull(dc.resolution)))
      .get()?.n ?? 0
  )
}

/**
 * Stores a member's comment on one section (or, with `sectionId: null`, on the whole text) of a
 * document open for comments (its kind's commenting state, before the deadline). The section's
 * title is kept with it, so the comment still reads right if the section is later removed.
 */
export function addComment({
  documentId,
  sectionId,
  body,
  actor,
  now = new Date(),
}: {
  documentId: number
  sectionId: number | null
  body: string
  actor: Actor & { userId: number }
  now?: Date
}): { ok: true; id: number } | { ok: false; reason: CommentRefusal } {
  return db.transaction((tx) => {
    const document = documentRow(tx, documentId)
    if (!document || document.state !== rulesOf(document.kind).commenting) return { ok: false as const, reason: 'notOpen' as const }
    if (!isOpenForComments(document, now)) return { ok: false as const, reason: 'deadlinePassed' as const }
    let sectionTitle: string | null = null
    if (sectionId !== null) {
      const section = tx
        .select({ title: ds.title, kind: ds.kind })
        .from(ds)
        .where(and(eq(ds.id, sectionId), eq(ds.documentId, documentId)))
        .get()
      if (!section || !rulesOf(document.kind).commentedSections.includes(section.kind))
        return { ok: false as const, reason: 'section' as const }
      sectionTitle = section.title
    }
    const { id } = tx
      .insert(dc)
      .values({ documentId, sectionId, sectionTitle, authorUserId: actor.userId, body, createdAt: now.toISOString() })
      .returning({ id: dc.id })
      .get()
    auditDocument(tx, {
      kind: document.kind,
      id: documentId,
      action: 'commented',
      actor,
      after: { commentId: id, sectionId, sectionTitle, body },
    })
    return { ok: true as const, id }
  })
}

/**
 * The secretary's decision on one open comment: taken into the text (`accepted`) or not
 * (`rejected`), with a note. Only while the text can still change: the step after waits until
 * every comment is resolved.
 */
export function resolveComment({
  documentId,
  commentId,
  resolution,
  note,
  actor,
  now = new Date(),
}: {
  documentId: number
  commentId: number
  resolution: CommentResolution
  note: string | null
  actor: Actor
  now?: Date
}): { ok: true } | { ok: false; reason: CommentRefusal } {
  return db.transaction((tx) => {
    const document = documentRow(tx, documentId)
    if (!document) return { ok: false as const, reason: 'commentNotFound' as const }
    const comment = tx
      .select({ id: dc.id, resolution: dc.resolution })
      .from(dc)
      .where(and(eq(dc.id, commentId), eq(dc.documentId, documentId)))
      .get()
    if (!comment) return { ok: false as const, reason: 'commentNotFound' as const }
    if (!isEditable(document.kind, document.state)) return { ok: false as const, reason: 'resolveLocked' as const }
    if (comment.resolution) return { ok: false as const, reason: 'alreadyResolved' as const }
    const updated = tx
      .update(dc)
      .set({ resolution, resolutionNote: note, resolvedAt: now.toISOString(), resolvedByUserId: actor.userId })
      .where(and(eq(dc.id, commentId), isNull(dc.resolution)))
      .run()
    if (updated.changes !== 1) return { ok: false as const, reason: 'alreadyResolved' as const }
    auditDocument(tx, {
      kind: document.kind,
      id: documentId,
      action: 'commentResolved',
      actor,
      before: { commentId, resolution: null },
      after: { commentId, resolution, resolutionNote: note },
    })
    return { ok: true as const }
  })
}
