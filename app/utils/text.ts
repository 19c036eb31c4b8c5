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

const polishLetters: Record<string, string> = { a: 'ą', c: 'ć', e: 'ę', l: 'ł', n: 'ń', o: 'ó', s: 'ś', z: 'źż' }

/**
 * A GLOB pattern that finds a folded word inside text that was not folded: each letter
 * stands for its cases and Polish letters, so „lodz” finds „Łódź”. For columns without a
 * folded copy; it cannot use an index.
 */
export function foldedGlob(word: string): string {
  const letter = (ch: string) => {
    if (/[*?[\]]/.test(ch)) return `[${ch}]`
    if (!/[a-z]/.test(ch)) return ch
    const all = ch + (polishLetters[ch] ?? '')
    return `[${all}${all.toUpperCase()}]`
  }
  return `*${[...foldText(word)].map(letter).join('')}*`
}
