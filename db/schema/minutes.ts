import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { users } from './auth'
import { bodies } from './body'
import { createdAt, id, updatedAt } from './columns'
import { documents } from './document'
import { organisations, people } from './directory'
import { actionItemStates } from './enums'
import { meetings } from './meeting'

/**
 * The minutes (notatka) of one meeting: a document of kind `minutes` (its id is the document's),
 * with what only minutes have. Their state, revision and publication are the document's; their
 * text is its sections; every step of the cycle freezes a document version.
 */
export const minutes = sqliteTable('minutes', {
  id: integer('id')
    .primaryKey()
    .references(() => documents.id, { onDelete: 'cascade' }),
  meetingId: integer('meeting_id')
    .notNull()
    .unique()
    .references(() => meetings.id, { onDelete: 'cascade' }),
  topic: text('topic').notNull(),
  /** The place as the minutes name it („sala nr 5 UM Katowice”). */
  place: text('place'),
  /** „Sporządził(a)”: name and position as printed. */
  preparedBy: text('prepared_by'),
  /** „Zatwierdził(a)”: who approved, as printed („Zespół na spotkaniu 14.07.2009 r.”). */
  approvedBy: text('approved_by'),
  approvedOn: text('approved_on'), // YYYY-MM-DD
  approvedAt: text('approved_at'),
  approvedByUserId: integer('approved_by_user_id').references(() => users.id),
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
