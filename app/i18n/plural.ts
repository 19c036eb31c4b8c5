import type { Lang, MessageKey } from './messages'

// Made once: a list asks for a count on every row.
const rules: Record<Lang, Intl.PluralRules> = { pl: new Intl.PluralRules('pl'), en: new Intl.PluralRules('en') }

export type PluralCategory = 'one' | 'few' | 'many' | 'other'

/**
 * The form that goes with n, by the language's plural rules: Polish „1 osoba”, „2 osoby”,
 * „5 osób”, „22 osoby”, „112 osób” (few and many; other is for fractions), English one and other.
 */
export function plural<T>(lang: Lang, n: number, forms: { one: T; few?: T; many?: T; other: T }): T {
  return forms[rules[lang].select(n) as PluralCategory] ?? forms.other
}

/** The prefixes whose counted texts exist in every form: `<prefix>.one`, `.few`, `.many`, `.other`. */
export type CountedKey = {
  [K in MessageKey]: K extends `${infer P}.one` ? (`${P}.few` | `${P}.many` | `${P}.other` extends MessageKey ? P : never) : never
}[MessageKey]

/** The key of a counted text for n: t(countKey(lang, 'agenda.speakers', 2)) → „Prowadzą:”. */
export function countKey<P extends CountedKey>(lang: Lang, prefix: P, n: number): MessageKey {
  return plural(lang, n, { one: `${prefix}.one`, few: `${prefix}.few`, many: `${prefix}.many`, other: `${prefix}.other` }) as MessageKey
}
