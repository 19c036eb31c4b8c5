import type { SessionUser } from '~/auth/session.server'
import { getBodyAccess } from '~/models/body-access.server'
import { getBody, listBodiesPage } from '~/models/body.server'

/**
 * The team a list is filtered by: `?body=` when the user may see that body, or the one team
 * whose name matches `?team=`. Several matches are offered to choose from, never every team.
 */
export function teamFilter(user: SessionUser | null, url: URL) {
  const requested = Number(url.searchParams.get('body'))
  if (Number.isSafeInteger(requested) && requested > 0 && getBodyAccess({ bodyId: requested, user }) !== 'none') {
    return { body: { id: requested, name: getBody({ id: requested })!.name }, teams: null }
  }
  const q = url.searchParams.get('team')?.trim().slice(0, 100)
  if (!q) return { body: null, teams: null }
  const found = listBodiesPage({ user, filter: { q, includeClosed: true, page: 1 } })
  if (found.total === 1) return { body: { id: found.rows[0]!.id, name: found.rows[0]!.name }, teams: null }
  return { body: null, teams: { q, total: found.total, rows: found.rows.map(({ id, name }) => ({ id, name })) } }
}
