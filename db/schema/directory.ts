import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { createdAt, id, updatedAt } from './columns'
import { organisationKinds } from './enums'
import { municipalities } from './region'

export const organisations = sqliteTable(
  'organisations',
  {
    id: id(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind', { enum: organisationKinds }).notNull(),
    street: text('street'),
    postalCode: text('postal_code'),
    city: text('city'),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    email: text('email'),
    phone: text('phone'),
    website: text('website'),
    /** The statistical number (9 or 14 digits) and the tax number (10 digits), digits only, check digits verified. */
    regon: text('regon'),
    nip: text('nip'),
    /** Name and short name folded to lower-case ASCII, for searches that ignore diacritics. */
    searchText: text('search_text').notNull(),
    /** The name folded the same way: one organisation of a name per municipality. */
    nameKey: text('name_key').notNull(),
    archivedAt: text('archived_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('organisations_name_in_municipality').on(t.municipalityCode, t.nameKey),
    // An import matches an institution by its REGON first: one institution per REGON.
    uniqueIndex('organisations_regon').on(t.regon),
    // A distribution's recipients: the institutions of some kinds within a range of TERYT codes.
    index('organisations_kind_municipality_idx').on(t.kind, t.municipalityCode),
    // The directory's default order, current institutions first, without sorting 5,000 rows.
    index('organisations_archived_name_idx').on(t.archivedAt, t.nameKey),
  ],
)

export const people = sqliteTable(
  'people',
  {
    id: id(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    /** The name folded to lower-case ASCII, for the person pickers' searches that ignore diacritics. */
    searchText: text('search_text').notNull().default(''),
    position: text('position'),
    email: text('email'),
    phone: text('phone'),
    archivedAt: text('archived_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('people_organisation_idx').on(t.organisationId)],
)
