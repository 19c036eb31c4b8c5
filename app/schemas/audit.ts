import { z } from 'zod'

/** The kinds of event the audit log can be narrowed to: the first part of an action. */
export const auditActionPrefixes = [
  'login',
  'logout',
  'user',
  'organisation',
  'person',
  'body',
  'membership',
  'meeting',
  'agenda',
  'invitation',
  'attendance',
] as const

export const AuditFilterSchema = z.object({
  event: z.enum(auditActionPrefixes).optional().catch(undefined),
  /** Keyset cursors (see listAuditEntries): entries older than `before`, or newer than `after`. */
  before: z.coerce.number().int().positive().optional().catch(undefined),
  after: z.coerce.number().int().positive().optional().catch(undefined),
})
export type AuditFilter = z.infer<typeof AuditFilterSchema>
