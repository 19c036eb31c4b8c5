/**
 * Pickers of people and institutions, shared by the browser and the server. With JavaScript a
 * picker is a combobox that asks a search route; without it, its „Szukaj” button sends the form
 * back with `search=<field>` and the page returns with the matches to choose from.
 */

/** What a picker searches: people, institutions, either as an action item's owner, or places of the register. */
export type PickerKind = 'people' | 'organisations' | 'owners' | 'counties' | 'municipalities'

/**
 * The meeting or team whose form the picker is in: the search answers only its managers; or,
 * for forms outside any team (a new team, the directory itself), the directory's editors.
 */
export type PickerScope = { meeting: number } | { body: number } | { directory: 1 }

/** One choice in a picker: the value the form sends and what the user reads. */
export type PickerOption = { value: string; label: string }

/** The matches of one picker's search, sent back without JavaScript. */
export type PickerSearch = { field: string; query: string; options: PickerOption[] }

/** A form's pickers as its page gets them back: the search asked for and the chosen values' labels. */
export type PickerState = { search: PickerSearch | null; labels: Record<string, string> }

/** A picker never offers more than this: the user types more to narrow it. */
export const SEARCH_LIMIT = 20

/** The name of the submit button that asks for a search step; its value is the field's name. */
export const SEARCH_STEP = 'search'

/** The text typed into a picker, sent with the form without JavaScript. */
export function queryName(field: string): string {
  return `${field}-query`
}

export function searchUrl(kind: PickerKind, scope: PickerScope, q: string): string {
  const params = new URLSearchParams({ q, ...Object.fromEntries(Object.entries(scope).map(([key, id]) => [key, String(id)])) })
  return `/search/${kind}?${params}`
}
