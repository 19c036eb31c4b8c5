import { en } from './en'
import { pl, type MessageKey } from './pl'

export const langs = ['pl', 'en'] as const
export type Lang = (typeof langs)[number]
export type { MessageKey }
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string

const dictionaries: Record<Lang, Record<MessageKey, string>> = { pl, en }

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (langs as readonly string[]).includes(value)
}

export function isMessageKey(value: string): value is MessageKey {
  return value in pl
}

export function translator(lang: Lang): Translate {
  const dictionary = dictionaries[lang]
  return (key, params) => {
    const text = dictionary[key] ?? pl[key] ?? key
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
