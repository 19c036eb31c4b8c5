import { sql } from 'drizzle-orm'
import { blob, check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { users } from './auth'
import { bodies } from './body'
import { createdAt, id, updatedAt } from './columns'
import { organisations, people } from './directory'
import { actionItemStates, minutesSectionKinds, minutesStates, minutesVisibilities } from './enums'
import { agendaItems, meetings } from './meeting'

/**
 * The minutes (notatka) of one meeting: the live text being written, with the state of its
 * approval cycle. Every state change freezes a row of `minutes_versions`.
 */
export const minutes = sqliteTable('minutes', {
  id: id(),
  meetingId: integer('meeting_id')
    .notNull()
    .unique()
    .references(() => meetings.id, { onDelete: 'cascade' }),
  state: text('state', { enum: minutesStates }).notNull().default('draft'),
  /** Who may read the minutes once published. */
  visibility: text('visibility', { enum: minutesVisibilities }).notNull().default('members'),
  topic: text('topic').notNull(),
  /** The place as the minutes name it („sala nr 5 UM Katowice”). */
  place: text('place'),
  /** Raised by every save: a save based on an older revision is refused (optimistic locking). */
  revision: integer('revision').notNull().default(1),
  /** Until when members may comment on the circulated text (UTC ISO). */
  commentsDueAt: text('comments_due_at'),
  /** „Sporządził(a)”: name and position as printed. */
  preparedBy: text('prepared_by'),
  /** „Zatwierdził(a)”: who approved, as printed („Zespół na spotkaniu 14.07.2009 r.”). */
  approvedBy: text('approved_by'),
  approvedOn: text('approved_on'), // YYYY-MM-DD
  approvedAt: text('approved_at'),
  approvedByUserId: integer('approved_by_user_id').references(() => users.id),
  publishedAt: text('published_at'),
  publishedByUserId: integer('published_by_user_id').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  updatedByUserId: integer('updated_by_user_id').references(() => users.id),
})

/** Who took part, as the minutes list them: grouped by institution, editable. */
export const minutesParticipants = sqliteTable(
  'minutes_participants',
  {
    id: id(),
    minutesId: integer('minutes_id')
      .notNull()
      .references(() => minutes.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    organisation: text('organisation'), // null: guests without an institution
    name: text('name').notNull(),
    role: text('role'), // position in the institution („Kierownik Działu Pomocy Środowiskowej”)
  },
  (t) => [index('minutes_participants_idx').on(t.minutesId, t.position)],
)

/** The content, section by section: one per agenda item, then discussion and decisions. */
export const minutesSections = sqliteTable(
  'minutes_sections',
  {
    id: id(),
    minutesId: integer('minutes_id')
      .notNull()
      .references(() => minutes.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: minutesSectionKinds }).notNull(),
    agendaItemId: integer('agenda_item_id').references(() => agendaItems.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    /** Plain paragraphs with simple lists and emphasis (see app/utils/markup.ts); never HTML. */
    body: text('body').notNull().default(''),
  },
  // An agenda item removed sets its sections' link to null: found by index, not by reading 182k rows.
  (t) => [index('minutes_sections_idx').on(t.minutesId, t.position), index('minutes_sections_agenda_item_idx').on(t.agendaItemId)],
)

/**
 * The minutes as they were at one state change, frozen as JSON (`MinutesSnapshot`). A
 * published version carries its verification code, its PDF and the PDF's SHA-256.
 */
export const minutesVersions = sqliteTable(
  'minutes_versions',
  {
    id: id(),
    minutesId: integer('minutes_id')
      .notNull()
      .references(() => minutes.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    state: text('state', { enum: minutesStates }).notNull(),
    snapshot: text('snapshot').notNull(),
    createdAt: createdAt(),
    createdByUserId: integer('created_by_user_id').references(() => users.id),
    verificationCode: text('verification_code').unique(),
    pdfSha256: text('pdf_sha256'),
    /** The published PDF itself, as archived: served as is, whatever later renderers do. */
    pdf: blob('pdf', { mode: 'buffer' }),
  },
  (t) => [uniqueIndex('minutes_versions_number').on(t.minutesId, t.number), index('minutes_versions_sha_idx').on(t.pdfSha256)],
)

/** A member's remark on one section (or on the whole text) of circulated minutes. */
export const minutesComments = sqliteTable(
  'minutes_comments',
  {
    id: id(),
    minutesId: integer('minutes_id')
      .notNull()
      .references(() => minutes.id, { onDelete: 'cascade' }),
    sectionId: integer('section_id').references(() => minutesSections.id, { onDelete: 'set null' }),
    /** The section's title when the comment was written: kept if the section goes. */
    sectionTitle: text('section_title'),
    authorUserId: integer('author_user_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
    resolution: text('resolution', { enum: ['accepted', 'rejected'] }),
    resolutionNote: text('resolution_note'),
    resolvedAt: text('resolved_at'),
    resolvedByUserId: integer('resolved_by_user_id').references(() => users.id),
  },
  (t) => [index('minutes_comments_idx').on(t.minutesId), index('minutes_comments_section_idx').on(t.sectionId)],
)

/**
 * A task decided at a meeting („zawarcie porozumienia MOPS–PUP”). It outlives the minutes: it
 * stays open on the team's page and comes back on the next meeting's agenda until done. Its
 * owners are in `action_item_owners`.
 */
export const actionItems = sqliteTable(
  'action_items',
  {
    id: id(),
    bodyId: integer('body_id')
      .notNull()
      .references(() => bodies.id),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    /** The due period in the minutes' own words: „najpóźniej w III kwartale 2017 r.”. */
    dueText: text('due_text'),
    /** A day for sorting and reminders (YYYY-MM-DD): the end of the period when only words are given. */
    dueDate: text('due_date'),
    state: text('state', { enum: actionItemStates }).notNull().default('open'),
    stateNote: text('state_note'),
    closedAt: text('closed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('action_items_body_idx').on(t.bodyId, t.state), index('action_items_meeting_idx').on(t.meetingId, t.position)],
)

/**
 * Who carries out an action item: „MOPS Gdańsk i PUP Gdańsk”, or a named person. One row per
 * owner, in the order the minutes name them; an owner is an institution or a person, never both.
 */
export const actionItemOwners = sqliteTable(
  'action_item_owners',
  {
    id: id(),
    actionItemId: integer('action_item_id')
      .notNull()
      .references(() => actionItems.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    organisationId: integer('organisation_id').references(() => organisations.id),
    personId: integer('person_id').references(() => people.id),
  },
  (t) => [
    uniqueIndex('action_item_owners_item_position').on(t.actionItemId, t.position),
    index('action_item_owners_organisation_idx').on(t.organisationId),
    index('action_item_owners_person_idx').on(t.personId),
    check('action_item_owners_one_owner', sql`(${t.organisationId} is null) <> (${t.personId} is null)`),
  ],
)
