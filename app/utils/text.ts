/**
 * Folds text for searching: lower case, no diacritics, single spaces.
 * „Łódź” → „lodz”, „Śląska Fundacja” → „slaska fundacja”. `ł` has no Unicode
 * decomposition, so it is mapped by hand.
 */
export function foldText(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').toLowerCase().replace(/\s+/g, ' ').trim()
}

/** Escapes `%`, `_` and `\` so a user's text matches itself in a LIKE pattern. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`)
}
