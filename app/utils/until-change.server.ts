import { sqlite } from '~/db.server'

/**
 * Answers of aggregate queries (how many meetings a year, a list's total, a portal's teams
 * with their counts), kept until the database changes. They read every meeting a user may see,
 * and at a region's size that is thousands of rows for an answer that changes a few times a
 * day; the same question asked between two changes gets the kept answer.
 *
 * „The database changed” is SQLite's own word for it: total_changes() counts the rows this
 * connection has written, PRAGMA data_version moves when another connection (a script, a
 * second server) commits. Asking both is one statement of a few microseconds.
 */
const MAX_KEPT = 1_000
const kept = new Map<string, unknown>()
let keptAt = ''

const changeMark = sqlite.prepare("select total_changes() || '/' || (select data_version from pragma_data_version) as mark").pluck()

/** Moves whenever this server writes a row or another connection commits. */
export function databaseChangeMark(): string {
  return changeMark.get() as string
}

type Query<T> = { toSQL(): { sql: string; params: unknown[] }; all(): T[] } | { toSQL(): { sql: string; params: unknown[] }; get(): T }

/** `query.all()` (or `.get()` for `{ one: true }`), asked afresh only after the database changed. */
export function keptUntilChange<T>(query: { toSQL(): { sql: string; params: unknown[] }; all(): T[] }): T[]
export function keptUntilChange<T>(query: { toSQL(): { sql: string; params: unknown[] }; get(): T }, options: { one: true }): T
export function keptUntilChange<T>(query: Query<T>, options?: { one: true }): T[] | T {
  const ask = () => (options?.one ? (query as { get(): T }).get() : (query as { all(): T[] }).all())
  // Inside a transaction an answer may hold rows that a rollback takes back: not kept.
  if (sqlite.inTransaction) return ask()
  const mark = databaseChangeMark()
  if (mark !== keptAt) {
    kept.clear()
    keptAt = mark
  }
  const { sql, params } = query.toSQL()
  const key = JSON.stringify([options?.one ? 'get' : 'all', sql, params])
  if (kept.has(key)) {
    const answer = kept.get(key)
    // Map keeps insertion order: the latest asked goes last, the least recently asked first out.
    kept.delete(key)
    kept.set(key, answer)
    return answer as T[] | T
  }
  // Every caller gets the same answer: frozen, so that none can change it for the next.
  const answer = deepFreeze(ask())
  kept.set(key, answer)
  if (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value!)
  return answer
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const inner of Object.values(value)) deepFreeze(inner)
  }
  return value
}
