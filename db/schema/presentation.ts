import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { users } from './auth'
import { createdAt, id } from './columns'
import { people } from './directory'
import { presentationVisibilities } from './enums'
import { agendaItems, meetings } from './meeting'

/** A presentation or other file shown at a meeting, optionally under one agenda item. */
export const presentations = sqliteTable(
  'presentations',
  {
    id: id(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    agendaItemId: integer('agenda_item_id').references(() => agendaItems.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    presenterPersonId: integer('presenter_person_id').references(() => people.id),
    visibility: text('visibility', { enum: presentationVisibilities }).notNull().default('members'),
    createdAt: createdAt(),
    createdBy: integer('created_by').references(() => users.id),
  },
  (t) => [
    index('presentations_meeting_idx').on(t.meetingId),
    index('presentations_agenda_item_idx').on(t.agendaItemId),
    index('presentations_presenter_idx').on(t.presenterPersonId),
  ],
)

/** Every uploaded version of a presentation's file; replacing keeps the earlier ones. */
export const presentationFiles = sqliteTable(
  'presentation_files',
  {
    id: id(),
    presentationId: integer('presentation_id')
      .notNull()
      .references(() => presentations.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    fileName: text('file_name').notNull(), // the user's own name, Polish letters kept
    storedName: text('stored_name').notNull(), // random, in UPLOADS_DIR
    contentType: text('content_type').notNull(), // sniffed from the bytes
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    uploadedAt: text('uploaded_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    uploadedBy: integer('uploaded_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('presentation_files_version').on(t.presentationId, t.version),
    uniqueIndex('presentation_files_stored').on(t.storedName),
  ],
)
