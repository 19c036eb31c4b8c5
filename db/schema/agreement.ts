import { blob, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core'
import { users } from './auth'
import { createdAt, id } from './columns'
import { organisations, people } from './directory'
import { documents, documentVersions } from './document'
import { signatureMethods, signatureTrusts } from './enums'
import { meetings } from './meeting'
import { actionItems } from './minutes'

/**
 * A cooperation agreement (porozumienie) between institutions: a document of kind `agreement`
 * (its id is the document's; the team that convenes the work keeps it) with its own fields. Its
 * paragraphs (§) are the document's sections; the PDF its parties sign is the version frozen at
 * `ready_to_sign`, and every signature names that version and its SHA-256. An annex (aneks) is
 * an agreement of its own that points at the one it changes and goes through the same cycle.
 */
export const agreements = sqliteTable(
  'agreements',
  {
    id: integer('id')
      .primaryKey()
      .references(() => documents.id, { onDelete: 'cascade' }),
    /** The case number (znak sprawy) the convening office gives it: „MOPS.DAS.0711.3.2014”. */
    number: text('number').notNull(),
    title: text('title').notNull(),
    /** What it is about, in one sentence („w sprawie współpracy na rzecz aktywizacji…”). */
    subject: text('subject').notNull().default(''),
    /** Where it is concluded („Katowice”): „zawarte w dniu … w …”. */
    place: text('place').notNull(),
    validFrom: text('valid_from').notNull(), // YYYY-MM-DD
    /** Null: concluded for an indefinite period. */
    validTo: text('valid_to'),
    /** Months of notice either party gives to end it; null when it says none. */
    noticeMonths: integer('notice_months'),
    /** The agreement this annex changes; null for an agreement itself. */
    annexOf: integer('annex_of').references((): AnySQLiteColumn => agreements.id),
    /** The version frozen for signing (its PDF is what everyone signs); null until ready to sign. */
    frozenVersionId: integer('frozen_version_id').references(() => documentVersions.id),
    /** The day the last required signature was given: „zawarte w dniu …”. */
    concludedOn: text('concluded_on'),
    terminatedOn: text('terminated_on'),
    terminatedReason: text('terminated_reason'),
    /** When the officers were told it expires in 30 days: once per agreement. */
    expiryNoticeQueuedAt: text('expiry_notice_queued_at'),
  },
  (t) => [
    index('agreements_valid_to_idx').on(t.validTo),
    index('agreements_annex_of_idx').on(t.annexOf),
    index('agreements_number_idx').on(t.number),
  ],
)

/** A party to an agreement: an institution of the directory, in the order the text names them. */
export const agreementParties = sqliteTable(
  'agreement_parties',
  {
    id: id(),
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    position: integer('position').notNull(),
  },
  (t) => [
    uniqueIndex('agreement_parties_key').on(t.agreementId, t.organisationId),
    index('agreement_parties_org_idx').on(t.organisationId),
  ],
)

/** A person authorised to sign for a party („reprezentowanym przez: …”), with the position as the text names it. */
export const agreementSignatories = sqliteTable(
  'agreement_signatories',
  {
    id: id(),
    partyId: integer('party_id')
      .notNull()
      .references(() => agreementParties.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    position: text('position').notNull(),
    /** The party has signed when each of its required signatories has. */
    required: integer('required', { mode: 'boolean' }).notNull().default(true),
    ordinal: integer('ordinal').notNull(),
    /** Taken off the text; kept while a signature (voided with its version) names it. */
    removedAt: text('removed_at'),
  },
  (t) => [uniqueIndex('agreement_signatories_key').on(t.partyId, t.personId), index('agreement_signatories_person_idx').on(t.personId)],
)

/**
 * One signature of one signatory on one frozen version, however it was given. It is voided, never
 * deleted, when the text goes back to negotiation. An uploaded file (the scan, the signed PDF) is
 * kept byte for byte with its SHA-256.
 */
export const agreementSignatures = sqliteTable(
  'agreement_signatures',
  {
    id: id(),
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    signatoryId: integer('signatory_id')
      .notNull()
      .references(() => agreementSignatories.id),
    versionId: integer('version_id')
      .notNull()
      .references(() => documentVersions.id),
    /** The SHA-256 of the frozen PDF that was signed. */
    pdfSha256: text('pdf_sha256').notNull(),
    method: text('method', { enum: signatureMethods }).notNull(),
    signedAt: text('signed_at').notNull(),
    /** Who signed in Narada, or who uploaded the scan or the signed file. */
    userId: integer('user_id').references(() => users.id),
    ip: text('ip'),
    userAgent: text('user_agent'),
    fileName: text('file_name'),
    fileSha256: text('file_sha256'),
    file: blob('file', { mode: 'buffer' }),
    /** PAdES: the signer and the time as the certificate and the signature say. */
    signerName: text('signer_name'),
    signerOrganisation: text('signer_organisation'),
    certificateIssuer: text('certificate_issuer'),
    certificateSerial: text('certificate_serial'),
    signingTime: text('signing_time'),
    trust: text('trust', { enum: signatureTrusts }),
    trustDetail: text('trust_detail'),
    createdAt: createdAt(),
    voidedAt: text('voided_at'),
  },
  (t) => [index('agreement_signatures_idx').on(t.agreementId, t.versionId), index('agreement_signatures_signatory_idx').on(t.signatoryId)],
)

/** Where an agreement came from: the meetings and action items (Wodzisław's „porozumienie … zostanie zawarte”) that led to it. */
export const agreementSources = sqliteTable(
  'agreement_sources',
  {
    id: id(),
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    meetingId: integer('meeting_id').references(() => meetings.id),
    actionItemId: integer('action_item_id').references(() => actionItems.id),
  },
  (t) => [
    index('agreement_sources_idx').on(t.agreementId),
    index('agreement_sources_meeting_idx').on(t.meetingId),
    index('agreement_sources_action_idx').on(t.actionItemId),
  ],
)
