import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { createdAt, id } from './columns'
import { people } from './directory'
import { roles } from './enums'

export const users = sqliteTable(
  'users',
  {
    id: id(),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    role: text('role', { enum: roles }).notNull(),
    personId: integer('person_id').references(() => people.id),
    disabledAt: text('disabled_at'),
    createdAt: createdAt(),
  },
  // A person in the directory has at most one account.
  (t) => [uniqueIndex('users_person_unique').on(t.personId)],
)

/** Kept apart from users so that no query of a user ever carries the hash along. */
export const passwords = sqliteTable('passwords', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  hash: text('hash').notNull(),
  changedAt: createdAt(),
})

/** lucia's session table: expires_at in Unix seconds, as its adapter writes it. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at').notNull(),
    signedInAt: integer('signed_in_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

export const loginAttempts = sqliteTable(
  'login_attempts',
  {
    id: id(),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    succeeded: integer('succeeded', { mode: 'boolean' }).notNull(),
    at: integer('at').notNull(), // Unix milliseconds
  },
  (t) => [
    index('login_attempts_email_idx').on(t.email, t.succeeded, t.at),
    index('login_attempts_email_ip_idx').on(t.email, t.ip, t.at),
    index('login_attempts_ip_idx').on(t.ip, t.succeeded, t.at),
    // Pruning what is older than the window, at every start: however many an attack left.
    index('login_attempts_at_idx').on(t.at),
  ],
)
