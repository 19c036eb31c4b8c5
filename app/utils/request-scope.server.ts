import { AsyncLocalStorage } from 'node:async_hooks'
import { databaseChangeMark } from './until-change.server'

// Remix hands each loader of a page its own copy of the Request, so nothing keyed by the
// Request is shared between the root's loader, the layout's and the page's: the HTTP
// request itself is the scope, entered once by the server around the whole handler.
const scope = new AsyncLocalStorage<{ mark: string; memo: Map<string, unknown> }>()

/** Runs the handling of one HTTP request; what it remembers is forgotten with it. */
export function inRequestScope<T>(handle: () => T): T {
  return scope.run({ mark: '', memo: new Map() }, handle)
}

/**
 * The answer of `compute` for `key`, asked once per HTTP request and shared by every
 * loader and action of it, until the request writes to the database: a form sent without
 * JavaScript runs its action and then the page's loaders in one request, and they must see
 * the change. Outside a request (a script, a test calling a model) it is computed every time.
 */
export function oncePerRequest<T>(key: string, compute: () => T): T {
  const store = scope.getStore()
  if (!store) return compute()
  const mark = databaseChangeMark()
  if (mark !== store.mark) {
    store.memo.clear()
    store.mark = mark
  }
  if (!store.memo.has(key)) store.memo.set(key, compute())
  return store.memo.get(key) as T
}
