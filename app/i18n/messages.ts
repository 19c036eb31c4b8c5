import { serverDictionaries } from './dictionaries.server'
import type { MessageKey } from './pl'

export const langs = ['pl', 'en'] as const
export type Lang = (typeof langs)[number]
export type { MessageKey }
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string

type Dictionary = Record<MessageKey, string>

// In the browser build a `.server` module is empty: there only the page's language is loaded,
// on demand (loadDictionary), so no one downloads the other language's 65 KB.
const dictionaries: Partial<Record<Lang, Dictionary>> = { ...serverDictionaries }

const dictionaryChunks: Record<Lang, () => Promise<Dictionary>> = {
  pl: () => import('./pl').then((m) => m.pl),
  en: () => import('./en').then((m) => m.en),
}

/** Makes `lang` available to translator(): the browser calls it before hydrating. */
export async function loadDictionary(lang: Lang): Promise<void> {
  dictionaries[lang] ??= await dictionaryChunks[lang]()
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (langs as readonly string[]).includes(value)
}

export function isMessageKey(value: string): value is MessageKey {
  // Every key is in every dictionary (messages.test.ts): any one loaded answers.
  const dictionary = dictionaries.pl ?? dictionaries.en
  return !!dictionary && value in dictionary
}

export function translator(lang: Lang): Translate {
  const dictionary = dictionaries[lang]
  if (!dictionary) throw new Error(`translator: the ${lang} dictionary is not loaded (loadDictionary)`)
  return (key, params) => {
    const text = dictionary[key] ?? key
    return params ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)) : text
  }
}

/**
 * Validation messages travel as message keys (the zod schemas are shared by the browser
 * and the server); this turns one into text, and leaves any other text as it is.
 */
export function translateMessage(t: Translate, message: string): string {
  return isMessageKey(message) ? t(message) : message
}
