import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { bodies } from './body'
import { createdAt, id, updatedAt } from './columns'
import { people } from './directory'
import { agendaItemKinds, attendanceStates, invitationKinds, invitationResponses, meetingStates } from './enums'

/** Meetings planned together: „pierwsze z cyklu trzech spotkań”. */
export const meetingSeries = sqliteTable(
  'meeting_series',
  {
    id: id(),
    bodyId: integer('body_id')
      .notNull()
      .references(() => bodies.id),
    title: text('title').notNull(),
    plannedCount: integer('planned_count'),
    createdAt: createdAt(),
  },
  (t) => [index('meeting_series_body_idx').on(t.bodyId)],
)

export const meetings = sqliteTable(
  'meetings',
  {
    id: id(),
    bodyId: integer('body_id')
      .notNull()
      .references(() => bodies.id),
    number: integer('number').notNull(), // 1st, 2nd… within the body
    topic: text('topic').notNull(), // „temat przewodni”
    purpose: text('purpose'),
    startsAt: text('starts_at').notNull(), // UTC ISO
    endsAt: text('ends_at').notNull(), // UTC ISO; may be days after the start
    venueName: text('venue_name'),
    venueAddress: text('venue_address'),
    venueRoom: text('venue_room'),
    seriesId: integer('series_id').references(() => meetingSeries.id),
    state: text('state', { enum: meetingStates }).notNull().default('planned'),
    cancelReason: text('cancel_reason'),
    isPublic: integer('is_public', { mode: 'boolean' }).notNull().default(false),
    /** Headcount for large meetings where not everyone is listed („50 osób”). */
    headcount: integer('headcount'),
    /** iCalendar SEQUENCE: raised on every change of time, place or state. */
    sequence: integer('sequence').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('meetings_number_in_body').on(t.bodyId, t.number),
    index('meetings_starts_idx').on(t.startsAt),
    // A team's meetings by date (its page, its years, its feed); upcoming ones by their end.
    index('meetings_body_starts_idx').on(t.bodyId, t.startsAt),
    index('meetings_ends_idx').on(t.endsAt),
    index('meetings_series_idx').on(t.seriesId),
  ],
)

export const agendaItems = sqliteTable(
  'agenda_items',
  {
    id: id(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    day: text('day').notNull(), // YYYY-MM-DD in Warsaw
    position: integer('position').notNull(),
    startTime: text('start_time'), // HH:MM in Warsaw
    endTime: text('end_time'),
    kind: text('kind', { enum: agendaItemKinds }).notNull(),
    title: text('title').notNull(),
    description: text('description'),
    moderatorPersonId: integer('moderator_person_id').references(() => people.id),
    /** Parallel workshops share a time slot and differ by track: „Sala A”, „Ścieżka 2”. */
    track: text('track'),
    createdAt: createdAt(),
  },
  (t) => [
    index('agenda_items_meeting_idx').on(t.meetingId, t.day, t.position),
    index('agenda_items_moderator_idx').on(t.moderatorPersonId),
  ],
)

export const agendaSpeakers = sqliteTable(
  'agenda_speakers',
  {
    agendaItemId: integer('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agendaItemId, t.personId] }), index('agenda_speakers_person_idx').on(t.personId)],
)

/**
 * One invitee of one meeting: a delegate or deputy of a member institution, or a guest
 * (a person of the directory, or only a name and an e-mail). The personal link carries a
 * random token; only its SHA-256 is stored.
 */
export const invitations = sqliteTable(
  'invitations',
  {
    id: id(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    personId: integer('person_id').references(() => people.id),
    guestName: text('guest_name'),
    guestEmail: text('guest_email'),
    guestOrganisation: text('guest_organisation'),
    kind: text('kind', { enum: invitationKinds }).notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    response: text('response', { enum: invitationResponses }).notNull().default('pending'),
    respondedAt: text('responded_at'),
    sentAt: text('sent_at'),
    attendance: text('attendance', { enum: attendanceStates }).notNull().default('unknown'),
    createdAt: createdAt(),
  },
  (t) => [
    index('invitations_meeting_idx').on(t.meetingId),
    uniqueIndex('invitations_person_unique').on(t.meetingId, t.personId),
    // „The meetings this person was invited to”: every visibility check of a signed-in guest.
    index('invitations_person_idx').on(t.personId, t.meetingId),
  ],
)

/** E-mail waiting to go, or kept when no SMTP server is configured. */
export const outbox = sqliteTable(
  'outbox',
  {
    id: id(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    /** JSON: [{ filename, contentType, content }] */
    attachments: text('attachments'),
    createdAt: createdAt(),
    sentAt: text('sent_at'),
    error: text('error'),
  },
  (t) => [index('outbox_sent_idx').on(t.sentAt)],
)
