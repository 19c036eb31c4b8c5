import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { createdAt, id } from './columns'
import { users } from './auth'

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: id(),
    at: createdAt(),
    actorUserId: integer('actor_user_id').references(() => users.id),
    /** What happened, e.g. 'login.succeeded', 'organisation.updated'. */
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    /** JSON of the changed fields before and after; null where there was no record. */
    before: text('before'),
    after: text('after'),
    ip: text('ip'),
    detail: text('detail'),
  },
  (t) => [
    index('audit_entity_idx').on(t.entityType, t.entityId),
    index('audit_at_idx').on(t.at),
    // The log filtered by an event (`minutes.*`), newest first.
    index('audit_action_idx').on(t.action, t.id),
  ],
)
