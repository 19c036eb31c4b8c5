import { z } from 'zod'
import './errors'

// Messages are keys of app/i18n: the same schema runs in the browser and on the server,
// and the form shows the message in the reader's language.

/** Conform submits an empty field as undefined; a required one says so in Polish. */
export const requiredText = (max: number) =>
  z.string({ error: 'validation.required' }).trim().min(1, 'validation.required').max(max, 'validation.tooLong')

export const optionalText = (max: number) => z.string().trim().max(max, 'validation.tooLong').optional()

// A line break in a name or a title would split an e-mail header, a PDF line or a CSV row.
export const hasNoLineBreak = (value: string) => !/[\r\n]/.test(value)

/** One line of text (a name, a title, a topic): CR and LF are refused. */
export const requiredLine = (max: number) => requiredText(max).refine(hasNoLineBreak, 'validation.singleLine')

export const optionalLine = (max: number) =>
  z.string().trim().max(max, 'validation.tooLong').refine(hasNoLineBreak, 'validation.singleLine').optional()

export const optionalEmail = z.string().trim().max(254, 'validation.tooLong').pipe(z.email('validation.email')).optional()

export const requiredEmail = z
  .string({ error: 'validation.required' })
  .trim()
  .max(254, 'validation.tooLong')
  .pipe(z.email('validation.email'))

/** Polish numbers in any usual spelling: „32 259 38 00”, „+48 600-100-200”, „(32) 2593800 w. 12”. */
export const optionalPhone = z
  .string()
  .trim()
  .regex(/^(\+\d{1,3}[ -]?)?(\(?\d{2,3}\)?[ -]?)?\d{2,3}([ -]?\d{2,3}){1,3}( ?(w\.|wew\.) ?\d{1,5})?$/, 'validation.phone')
  .optional()

export const optionalUrl = z
  .string()
  .trim()
  .max(500, 'validation.tooLong')
  .transform((value) => (/^https?:\/\//i.test(value) ? value : `https://${value}`))
  .pipe(z.url({ protocol: /^https?$/, error: 'validation.url' }))
  .optional()

export const optionalPostalCode = z
  .string()
  .trim()
  .regex(/^\d{2}-\d{3}$/, 'validation.postalCode')
  .optional()

/** A database id from a <select>: a positive whole number. */
export const idField = (message: string) => z.coerce.number({ error: message }).int(message).positive(message)

export const password = z
  .string({ error: 'validation.required' })
  .min(12, 'validation.passwordTooShort')
  .max(200, 'validation.passwordTooLong')

/** A real calendar day written YYYY-MM-DD: „2024-02-31” is not one. */
export function isCalendarDay(value: string): boolean {
  const date = new Date(`${value}T12:00:00Z`)
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

export const isoDay = z.string({ error: 'validation.date' }).refine(isCalendarDay, 'validation.date')
