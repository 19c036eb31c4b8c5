import type { Role } from '#db/schema/enums'

/** What a signed-in user may do; shared by loaders, actions and the buttons they show. */
export type Action =
  | 'directory.read'
  | 'directory.edit'
  | 'directory.archive'
  | 'register.read'
  | 'users.manage'
  | 'audit.read'
  | 'bodies.create'
  | 'outbox.read'

const allowed: Record<Role, readonly Action[]> = {
  admin: [
    'directory.read',
    'directory.edit',
    'directory.archive',
    'register.read',
    'users.manage',
    'audit.read',
    'bodies.create',
    'outbox.read',
  ],
  // Officers convene teams and invite guests, so they keep the directory up to date too.
  officer: ['directory.read', 'directory.edit', 'register.read', 'bodies.create'],
  member: ['directory.read', 'register.read'],
}

export function can(user: { role: Role } | null | undefined, action: Action): boolean {
  return !!user && allowed[user.role].includes(action)
}
