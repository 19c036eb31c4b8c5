import { z } from 'zod'
import { isCalendarDay, optionalLine, requiredLine } from './fields'

/** How long an agreement's parts may be: the model refuses more, the forms say so first. */
export const AGREEMENT_LIMITS = {
  number: 100,
  title: 300,
  subject: 1000,
  place: 100,
  paragraphTitle: 200,
  body: 20_000,
  paragraphs: 60,
  parties: 12,
  signatoriesPerParty: 6,
  position: 200,
  noticeMonths: 120,
  reason: 2000,
  /** A signed PDF or a scan: a qualified signature adds certificates and timestamps to the frozen PDF. */
  fileBytes: 20 * 1024 * 1024,
} as const

const L = AGREEMENT_LIMITS

const day = z.string().trim().refine(isCalendarDay, 'validation.date')

/** The agreement's own fields: what the heading of its text says. */
export const AgreementFieldsSchema = z
  .object({
    number: requiredLine(L.number),
    title: requiredLine(L.title),
    subject: z.string().trim().max(L.subject, 'validation.tooLong'),
    place: requiredLine(L.place),
    validFrom: day,
    // Empty: concluded for an indefinite period.
    validTo: z
      .string()
      .trim()
      .transform((value) => value || null)
      .pipe(day.nullable()),
    noticeMonths: z
      .string()
      .trim()
      .transform((value) => (value === '' ? null : Number(value)))
      .pipe(
        z
          .number('validation.number')
          .int('validation.number')
          .min(0, 'validation.number')
          .max(L.noticeMonths, 'validation.number')
          .nullable(),
      ),
  })
  .refine((fields) => !fields.validTo || fields.validTo >= fields.validFrom, {
    path: ['validTo'],
    message: 'agreement.error.validToBeforeFrom',
  })

export type AgreementFields = z.infer<typeof AgreementFieldsSchema>

export const AgreementParagraphInputSchema = z.object({
  id: z.number().int().positive().nullable(),
  title: requiredLine(L.paragraphTitle),
  body: z.string().max(L.body, 'validation.tooLong'),
})
export type AgreementParagraphInput = z.infer<typeof AgreementParagraphInputSchema>

export const AgreementParagraphsSchema = z.array(AgreementParagraphInputSchema).max(L.paragraphs, 'agreement.error.tooManyParagraphs')

/** A signatory chosen from the party's people, with the position the text gives them. */
export const AgreementSignatoryInputSchema = z.object({
  personId: z.coerce.number().int().positive(),
  position: requiredLine(L.position),
  required: z.boolean().default(true),
})

export const TerminationSchema = z.object({
  terminatedOn: day,
  reason: z.string().trim().min(1, 'validation.required').max(L.reason, 'validation.tooLong'),
})

export const SignInNaradaSchema = z.object({
  password: z.string().min(1, 'validation.required').max(200, 'validation.tooLong'),
  confirm: z.literal('on', { error: 'agreement.error.confirmRequired' }),
})

export const PartySearchSchema = z.object({ q: optionalLine(200) })
