import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { users } from './auth'
import { createdAt, id, updatedAt } from './columns'
import { organisations, people } from './directory'
import { bodyKinds, bodyOfficerRoles, membershipRoles } from './enums'

/** An EU-funded (or other) project a body works within; its notice is printed on PDFs. */
export const projects = sqliteTable('projects', {
  id: id(),
  name: text('name').notNull(),
  programme: text('programme'), // „Program Operacyjny Wiedza Edukacja Rozwój”
  number: text('number'), // competition or agreement number: POWR.04.01.00-IZ.00-00-004/16
  totalValueGrosze: integer('total_value_grosze'),
  euFundingGrosze: integer('eu_funding_grosze'),
  targetGroup: text('target_group'),
  fundingNotice: text('funding_notice'),
  createdAt: createdAt(),
})

/** An advisory team or a working group. */
export const bodies = sqliteTable(
  'bodies',
  {
    id: id(),
    kind: text('kind', { enum: bodyKinds }).notNull(),
    name: text('name').notNull(),
    mandate: text('mandate'),
    conveningOrganisationId: integer('convening_organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** A platform or strategy the body sits under, e.g. „Regionalna Platforma Współpracy przy ROPS w Krakowie”. */
    umbrella: text('umbrella'),
    projectId: integer('project_id').references(() => projects.id),
    isPublic: integer('is_public', { mode: 'boolean' }).notNull().default(false),
    /**
     * How the team numbers its recommendations: `{nr}` the next number of the year, `{rok}` the
     * year of adoption („ROPS-KR/REK/{nr}/{rok}”). Null: `REK/{nr}/{rok}`.
     */
    recommendationNumberPattern: text('recommendation_number_pattern'),
    closedAt: text('closed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('bodies_convening_idx').on(t.conveningOrganisationId)],
)

/** The accounts that manage a body: its convenor and secretaries. */
export const bodyOfficers = sqliteTable(
  'body_officers',
  {
    id: id(),
    bodyId: integer('body_id')
      .notNull()
      .references(() => bodies.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: bodyOfficerRoles }).notNull(),
  },
  (t) => [uniqueIndex('body_officers_unique').on(t.bodyId, t.userId), index('body_officers_user_idx').on(t.userId, t.bodyId)],
)

/** An institution's seat on a body, with the person it delegates and a deputy. Kept after it ends. */
export const memberships = sqliteTable(
  'memberships',
  {
    id: id(),
    bodyId: integer('body_id')
      .notNull()
      .references(() => bodies.id),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    delegatePersonId: integer('delegate_person_id').references(() => people.id),
    deputyPersonId: integer('deputy_person_id').references(() => people.id),
    role: text('role', { enum: membershipRoles }).notNull().default('member'),
    fromDate: text('from_date').notNull(), // YYYY-MM-DD
    toDate: text('to_date'), // YYYY-MM-DD, inclusive; null while the seat lasts
    createdAt: createdAt(),
  },
  (t) => [
    index('memberships_body_idx').on(t.bodyId),
    index('memberships_organisation_idx').on(t.organisationId),
    // „The teams I sit on”: a delegate or a deputy in person, on every page they open.
    index('memberships_delegate_idx').on(t.delegatePersonId),
    index('memberships_deputy_idx').on(t.deputyPersonId),
  ],
)
