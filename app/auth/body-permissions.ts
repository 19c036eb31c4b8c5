/**
 * How far a user sees into one body (team): `manage` (its convenor and secretaries, and
 * administrators), `member` (its member institutions' people), `public` (anyone, for a public
 * body's public parts) or `none`. Pure, so the interface hides what the server would refuse.
 */
export type BodyAccess = 'manage' | 'member' | 'public' | 'none'

export type BodyAction = 'body.read' | 'body.readInternal' | 'body.manage'

const allowed: Record<BodyAccess, readonly BodyAction[]> = {
  manage: ['body.read', 'body.readInternal', 'body.manage'],
  member: ['body.read', 'body.readInternal'],
  public: ['body.read'],
  none: [],
}

export function canInBody(access: BodyAccess, action: BodyAction): boolean {
  return allowed[access].includes(action)
}
