import { sql, type SQL } from 'drizzle-orm'
import { blob, check, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core'
import { users } from './auth'
import { bodies } from './body'
import { createdAt, id, updatedAt } from './columns'
import {
  commentResolutions,
  documentKinds,
  documentSectionKinds,
  documentStates,
  documentVisibilities,
  agreementStates,
  minutesStates,
  recommendationStates,
} from './enums'
import { agendaItems } from './meeting'

const within = (column: AnySQLiteColumn, values: readonly string[]): SQL =>
  sql.raw(`${column.name} in (${values.map((value) => `'${value}'`).join(', ')})`)

/**
 * What every kind of document shares, whatever it says: the team it belongs to, the state of
 * its cycle, who reads it once published, and the revision that optimistic locking compares.
 * A kind's own fields live in its own table whose key is this id (`minutes`, `recommendations`);
 * its text lives in `document_sections`, its frozen versions in `document_versions`.
 */
export const documents = sqliteTable(
  'documents',
  {
    id: id(),
    kind: text('kind', { enum: documentKinds }).notNull(),
    bodyId: integer('body_id')
      .notNull()
      .references(() => bodies.id),
    /** One of the kind's own states (the check below): minutes `draft…published`, recommendations `drafting…withdrawn`. */
    state: text('state', { enum: documentStates }).notNull(),
    visibility: text('visibility', { enum: documentVisibilities }).notNull().default('members'),
    /** Raised by every save and every step: a save or step based on an older revision is refused. */
    revision: integer('revision').notNull().default(1),
    /** Until when members may comment on the circulated text (UTC ISO). */
    commentsDueAt: text('comments_due_at'),
    publishedAt: text('published_at'),
    publishedByUserId: integer('published_by_user_id').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    updatedByUserId: integer('updated_by_user_id').references(() => users.id),
  },
  (t) => [
    index('documents_body_idx').on(t.bodyId, t.kind, t.state),
    // The public portal and /recommendations: published documents of a kind, newest first.
    index('documents_published_idx').on(t.kind, t.state, t.visibility, t.publishedAt),
    check(
      'documents_state_of_kind',
      sql`(${t.kind} = 'minutes' and ${within(t.state, minutesStates)}) or (${t.kind} = 'recommendation' and ${within(t.state, recommendationStates)}) or (${t.kind} = 'agreement' and ${within(t.state, agreementStates)})`,
    ),
  ],
)

/**
 * The text of a document, section by section, in order. Sections keep their ids across saves,
 * because comments point at them. A section may sit inside another (a recommendation inside its
 * chapter); numbering (1., 1.1.) is derived from the order, never stored.
 */
export const documentSections = sqliteTable(
  'document_sections',
  {
    id: id(),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    parentId: integer('parent_id').references((): AnySQLiteColumn => documentSections.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: documentSectionKinds }).notNull(),
    /** Minutes only: the agenda item the section reports on. */
    agendaItemId: integer('agenda_item_id').references(() => agendaItems.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    /** Plain paragraphs with simple lists and emphasis (see app/utils/markup.ts); never HTML. */
    body: text('body').notNull().default(''),
    /**
     * The kind's own fields of a section, as JSON checked by the kind's schema: a recommendation's
     * addressee kinds and suggested time frame. Null when the kind has none.
     */
    details: text('details'),
  },
  // An agenda item removed sets its sections' link to null: found by index, not by reading 182k rows.
  (t) => [
    index('document_sections_idx').on(t.documentId, t.position),
    index('document_sections_parent_idx').on(t.parentId),
    index('document_sections_agenda_item_idx').on(t.agendaItemId),
  ],
)

/**
 * A document as it was at one step of its cycle, frozen as JSON (its kind's snapshot). A
 * published version carries its verification code, its PDF and the PDF's SHA-256: `/verify`
 * finds every kind of document here, by code or by hash.
 */
export const documentVersions = sqliteTable(
  'document_versions',
  {
    id: id(),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    state: text('state', { enum: documentStates }).notNull(),
    snapshot: text('snapshot').notNull(),
    createdAt: createdAt(),
    createdByUserId: integer('created_by_user_id').references(() => users.id),
    verificationCode: text('verification_code').unique(),
    pdfSha256: text('pdf_sha256'),
    /** The published PDF itself, as archived: served as is, whatever later renderers do. */
    pdf: blob('pdf', { mode: 'buffer' }),
  },
  (t) => [uniqueIndex('document_versions_number').on(t.documentId, t.number), index('document_versions_sha_idx').on(t.pdfSha256)],
)

/** A member's remark on one section (or on the whole text) of a document sent for comments. */
export const documentComments = sqliteTable(
  'document_comments',
  {
    id: id(),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    sectionId: integer('section_id').references(() => documentSections.id, { onDelete: 'set null' }),
    /** The section's title when the comment was written: kept if the section goes. */
    sectionTitle: text('section_title'),
    authorUserId: integer('author_user_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
    resolution: text('resolution', { enum: commentResolutions }),
    resolutionNote: text('resolution_note'),
    resolvedAt: text('resolved_at'),
    resolvedByUserId: integer('resolved_by_user_id').references(() => users.id),
  },
  (t) => [index('document_comments_idx').on(t.documentId, t.resolution), index('document_comments_section_idx').on(t.sectionId)],
)

/** A file attached to a document (a recommendation's annex), stored under a random name in UPLOADS_DIR. */
export const documentFiles = sqliteTable(
  'document_files',
  {
    id: id(),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    fileName: text('file_name').notNull(), // the user's own name, Polish letters kept
    storedName: text('stored_name').notNull(), // random, in UPLOADS_DIR
    contentType: text('content_type').notNull(), // sniffed from the bytes
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    uploadedAt: text('uploaded_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    uploadedByUserId: integer('uploaded_by_user_id').references(() => users.id),
  },
  (t) => [index('document_files_idx').on(t.documentId, t.position), uniqueIndex('document_files_stored').on(t.storedName)],
)

/**
 * The last number a team gave to a kind of document in a year: numbers come from here, one
 * transaction at a time, so a number is never given twice nor reused after a withdrawal.
 */
export const documentNumbers = sqliteTable(
  'document_numbers',
  {
    bodyId: integer('body_id')
      .notNull()
      .references(() => bodies.id),
    kind: text('kind', { enum: documentKinds }).notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [uniqueIndex('document_numbers_key').on(t.bodyId, t.kind, t.year)],
)
