/** No list shows more rows at once: a page stays small at the size of a whole region. */
export const PAGE_SIZE = 50

/** `?page=` as a whole number from 1; anything else, or nothing, is the first page. */
export function pageParam(url: URL, name = 'page'): number {
  const page = Number(url.searchParams.get(name))
  return Number.isSafeInteger(page) && page >= 1 ? page : 1
}

/** How many pages `total` rows fill: at least one, so an empty list is „page 1 of 1”. */
export function pageCount(total: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size))
}

/** The rows of one page, for `.limit(size).offset(...)`. */
export function pageSlice(page: number, size = PAGE_SIZE): { limit: number; offset: number } {
  return { limit: size, offset: (page - 1) * size }
}

/** The same list at another page: its filters in `search` kept, `?page=` replaced (dropped for page 1). */
export function pageHref(search: string | URLSearchParams, page: number): string {
  const params = new URLSearchParams(search)
  if (page > 1) params.set('page', String(page))
  else params.delete('page')
  const query = params.toString()
  return query ? `?${query}` : '?'
}
