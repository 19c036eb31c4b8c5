import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { users } from './auth'
import { documents } from './document'
import { meetings } from './meeting'

/**
 * A recommendation document (rekomendacje, published as an „opracowanie”): a document of kind
 * `recommendation` (its id is the document's) with its own fields. Its chapters and numbered
 * recommendations are the document's sections; its annexes are the document's files.
 */
export const recommendations = sqliteTable(
  'recommendations',
  {
    id: integer('id')
      .primaryKey()
      .references(() => documents.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    /** The institution kinds the document addresses, as a JSON array of organisation kinds (`["ops","pcpr","pup"]`). */
    addresseeKinds: text('addressee_kinds').notNull().default('[]'),
    /**
     * Given at publication by the team's pattern („ROPS-KR/REK/1/2014”) from the team's own
     * counter (document_numbers): never given twice nor reused within the team. Two teams may
     * write the same string, as two offices' case numbers may: a number is read with its team.
     */
    number: text('number'),
    /** The meeting at which the team adopted the text; its minutes link back. */
    adoptedMeetingId: integer('adopted_meeting_id').references(() => meetings.id),
    adoptedOn: text('adopted_on'), // YYYY-MM-DD: the meeting's day
    adoptedAt: text('adopted_at'),
    adoptedByUserId: integer('adopted_by_user_id').references(() => users.id),
    withdrawnAt: text('withdrawn_at'),
    withdrawnReason: text('withdrawn_reason'),
    withdrawnByUserId: integer('withdrawn_by_user_id').references(() => users.id),
  },
  (t) => [index('recommendations_adopted_meeting_idx').on(t.adoptedMeetingId)],
)
