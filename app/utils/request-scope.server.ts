import { AsyncLocalStorage } from 'node:async_hooks'

// Remix hands each loader of a page its own copy of the Request, so nothing keyed by the
// Request is shared between the root's loader, the layout's and the page's: the HTTP
// request itself is the scope, entered once by the server around the whole handler.
const scope = new AsyncLocalStorage<Map<string, unknown>>()

/** Runs the handling of one HTTP request; what it remembers is forgotten with it. */
export function inRequestScope<T>(handle: () => T): T {
  return scope.run(new Map(), handle)
}

/**
 * The answer of `compute` for `key`, asked once per HTTP request and shared by every
 * loader and action of it. Outside a request (a script, a test calling a model) it is
 * computed on every call.
 */
export function oncePerRequest<T>(key: string, compute: () => T): T {
  const memo = scope.getStore()
  if (!memo) return compute()
  if (!memo.has(key)) memo.set(key, compute())
  return memo.get(key) as T
}

/**
 * After a change is written, who sees what may have changed with it: a form sent without
 * JavaScript runs its action and then the page's loaders in one request, and they must
 * see the change.
 */
export function forgetRequestMemo(): void {
  scope.getStore()?.clear()
}
