import type { Lang } from '~/i18n/messages'

const lists = new Map<Lang, Intl.ListFormat>()

/**
 * The owners of an action item as one phrase, in the language's own conjunction:
 * „MOPS Gdańsk, PUP Gdańsk i Anna Nowak”, „MOPS Gdańsk, PUP Gdańsk, and Anna Nowak”. Null for none.
 */
export function formatOwners(names: readonly string[], lang: Lang = 'pl'): string | null {
  if (names.length === 0) return null
  let list = lists.get(lang)
  if (!list) lists.set(lang, (list = new Intl.ListFormat(lang, { type: 'conjunction' })))
  return list.format(names)
}
