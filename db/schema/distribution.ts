import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { users } from './auth'
import { createdAt, id } from './columns'
import { organisations } from './directory'
import { documents } from './document'
import { implementationStatuses, organisationKinds, recipientStates } from './enums'
import { outbox } from './meeting'

/**
 * One sending of a published document (recommendations) to institutions chosen by kind and
 * region, plus or minus single ones. The choice is kept as it was made; the recipients are
 * frozen copies of the directory at sending. Reminders follow its settings.
 */
export const distributions = sqliteTable(
  'distributions',
  {
    id: id(),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id),
    /** JSON arrays: the organisation kinds, the TERYT codes (2, 4 or 7 digits), and the single institutions added and left out. */
    kinds: text('kinds').notNull(),
    regionCodes: text('region_codes').notNull(),
    includedIds: text('included_ids').notNull().default('[]'),
    excludedIds: text('excluded_ids').notNull().default('[]'),
    /** The first reminder goes this many days after sending to a recipient that has not confirmed; then every `remindEveryDays`, at most `maxReminders` times. */
    remindAfterDays: integer('remind_after_days').notNull(),
    remindEveryDays: integer('remind_every_days').notNull(),
    maxReminders: integer('max_reminders').notNull(),
    /** Unconfirmed this many days after sending, a recipient is on the escalation list. */
    escalateAfterDays: integer('escalate_after_days').notNull(),
    recipientCount: integer('recipient_count').notNull(),
    sentAt: text('sent_at').notNull(),
    sentByUserId: integer('sent_by_user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('distributions_document_idx').on(t.documentId, t.sentAt)],
)

/**
 * One institution a distribution went to, as the directory described it at sending. The dates say how
 * far it got; `state` is kept with them (see recipientStates) so that counts and filters are
 * answered from an index. Its personal links are in distribution_links.
 */
export const distributionRecipients = sqliteTable(
  'distribution_recipients',
  {
    id: id(),
    distributionId: integer('distribution_id')
      .notNull()
      .references(() => distributions.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id').references(() => organisations.id),
    kind: text('kind', { enum: organisationKinds }).notNull(),
    name: text('name').notNull(),
    street: text('street'),
    postalCode: text('postal_code'),
    city: text('city'),
    municipalityCode: text('municipality_code').notNull(),
    /** The first four digits of the municipality's code: the county, for the counts by county. */
    countyCode: text('county_code').notNull(),
    email: text('email'),
    state: text('state', { enum: recipientStates }).notNull(),
    /** Why it was not sent: `noEmail`, or the mail server's refusal. */
    sendError: text('send_error'),
    outboxId: integer('outbox_id').references(() => outbox.id),
    sentAt: text('sent_at'),
    firstOpenedAt: text('first_opened_at'),
    /** Who opened it first, where known: the signed-in user's name („przez link” otherwise). */
    firstOpenedBy: text('first_opened_by'),
    confirmedAt: text('confirmed_at'),
    confirmedByName: text('confirmed_by_name'),
    confirmedByPosition: text('confirmed_by_position'),
    confirmedByUserId: integer('confirmed_by_user_id').references(() => users.id),
    remindersSent: integer('reminders_sent').notNull().default(0),
    lastRemindedAt: text('last_reminded_at'),
    lastReportStatus: text('last_report_status', { enum: implementationStatuses }),
    lastReportAt: text('last_report_at'),
  },
  (t) => [
    // The dashboard's counts and filters: by state, county and kind within one distribution.
    index('distribution_recipients_state_idx').on(t.distributionId, t.state, t.name),
    index('distribution_recipients_county_idx').on(t.distributionId, t.countyCode, t.state),
    index('distribution_recipients_kind_idx').on(t.distributionId, t.kind, t.state),
    index('distribution_recipients_name_idx').on(t.distributionId, t.name),
    // An institution's /inbox, newest first.
    index('distribution_recipients_organisation_idx').on(t.organisationId, t.id),
    // The escalation list: unconfirmed recipients sent long ago.
    index('distribution_recipients_escalation_idx').on(t.distributionId, t.confirmedAt, t.sentAt),
  ],
)

/**
 * A personal link of a recipient: every e-mail (the first, each reminder) carries its own random
 * token, of which only the SHA-256 is kept, so no copy of the database opens a link and a
 * reminder needs no stored secret. Revoking a recipient's access revokes all its links.
 */
export const distributionLinks = sqliteTable(
  'distribution_links',
  {
    id: id(),
    recipientId: integer('recipient_id')
      .notNull()
      .references(() => distributionRecipients.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    revokedAt: text('revoked_at'),
  },
  (t) => [uniqueIndex('distribution_links_token').on(t.tokenHash), index('distribution_links_recipient_idx').on(t.recipientId)],
)

/** Each implementation report a recipient filed, kept as filed: a new one never replaces an old one. */
export const distributionReports = sqliteTable(
  'distribution_reports',
  {
    id: id(),
    recipientId: integer('recipient_id')
      .notNull()
      .references(() => distributionRecipients.id, { onDelete: 'cascade' }),
    status: text('status', { enum: implementationStatuses }).notNull(),
    text: text('text').notNull(),
    filedByName: text('filed_by_name').notNull(),
    filedByPosition: text('filed_by_position'),
    filedByUserId: integer('filed_by_user_id').references(() => users.id),
    fileName: text('file_name'),
    storedName: text('stored_name'),
    contentType: text('content_type'),
    sizeBytes: integer('size_bytes'),
    sha256: text('sha256'),
    filedAt: text('filed_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  },
  (t) => [index('distribution_reports_recipient_idx').on(t.recipientId, t.filedAt)],
)
