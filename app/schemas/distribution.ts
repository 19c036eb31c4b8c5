import { z } from 'zod'
import { implementationStatuses, organisationKinds, recipientStates } from '#db/schema/enums'
import { optionalLine, requiredLine, requiredText } from './fields'

export const DISTRIBUTION_LIMITS = {
  /** Codes and single institutions a target may name: a voivodeship's 182 municipalities fit, a typo's thousand do not. */
  codes: 400,
  institutions: 200,
  days: 365,
  reminders: 10,
  reportText: 10_000,
  reportFileBytes: 10 * 1024 * 1024,
} as const

/** Of a list of values in a query string or a form, the valid ones, each once, at most `max`. */
const listOf = <T extends z.ZodType>(item: T, max: number) =>
  z
    .preprocess(
      (value) => [...new Set([value ?? []].flat())].filter((v) => item.safeParse(v).success),
      z.array(item).max(max, 'validation.tooMany'),
    )
    .catch([])

/**
 * Who a distribution goes to: the institutions of `kind` in any of the regions (a voivodeship,
 * counties, municipalities, by TERYT code), plus `include` and minus `exclude` (single
 * institutions found by name). Read from the builder's query string, so a preview is a link.
 */
export const DistributionTargetSchema = z.object({
  kind: listOf(z.enum(organisationKinds), organisationKinds.length),
  voivodeship: listOf(z.string().regex(/^\d{2}$/), 16),
  county: listOf(z.string().regex(/^\d{4}$/), DISTRIBUTION_LIMITS.codes),
  municipality: listOf(z.string().regex(/^\d{7}$/), DISTRIBUTION_LIMITS.codes),
  include: listOf(z.coerce.number().int().positive(), DISTRIBUTION_LIMITS.institutions),
  exclude: listOf(z.coerce.number().int().positive(), DISTRIBUTION_LIMITS.institutions),
})
export type DistributionTarget = z.infer<typeof DistributionTargetSchema>

const LIST_FIELDS = ['kind', 'voivodeship', 'county', 'municipality', 'include', 'exclude'] as const

export function readDistributionTarget(params: URLSearchParams | FormData): DistributionTarget {
  return DistributionTargetSchema.parse(Object.fromEntries(LIST_FIELDS.map((name) => [name, params.getAll(name).map(String)])))
}

/** The query string of a target, as the preview's pages and the send form carry it. */
export function distributionTargetQuery(target: DistributionTarget): URLSearchParams {
  const params = new URLSearchParams()
  for (const name of LIST_FIELDS) for (const value of target[name]) params.append(name, String(value))
  return params
}

/** A target names someone: a kind and a region, or single institutions. */
export const isTargetChosen = (t: DistributionTarget) =>
  (t.kind.length > 0 && t.voivodeship.length + t.county.length + t.municipality.length > 0) || t.include.length > 0

const days = (message: string) => z.coerce.number({ error: message }).int(message).min(1, message).max(DISTRIBUTION_LIMITS.days, message)

/** The send form: the reminders' settings (the target travels with it as hidden fields). */
export const DistributionSendSchema = z
  .object({
    remindAfterDays: days('distribution.error.days'),
    remindEveryDays: days('distribution.error.days'),
    maxReminders: z.coerce
      .number({ error: 'distribution.error.reminders' })
      .int('distribution.error.reminders')
      .min(0, 'distribution.error.reminders')
      .max(DISTRIBUTION_LIMITS.reminders, 'distribution.error.reminders'),
    escalateAfterDays: days('distribution.error.days'),
  })
  .refine((s) => s.escalateAfterDays >= s.remindAfterDays, {
    path: ['escalateAfterDays'],
    message: 'distribution.error.escalateBeforeReminder',
  })
export type DistributionSettings = z.infer<typeof DistributionSendSchema>

export const DEFAULT_DISTRIBUTION_SETTINGS: DistributionSettings = {
  remindAfterDays: 7,
  remindEveryDays: 7,
  maxReminders: 3,
  escalateAfterDays: 21,
}

/** „Potwierdzam otrzymanie”: who confirms, by name and position. */
export const ConfirmReceiptSchema = z.object({
  name: requiredLine(200),
  position: requiredLine(300),
})

/** An implementation report: a status, a text, and who files it (the file, if any, is read beside the form). */
export const ImplementationReportSchema = z.object({
  status: z.enum(implementationStatuses, { error: 'distribution.error.status' }),
  text: requiredText(DISTRIBUTION_LIMITS.reportText),
  name: requiredLine(200),
  position: optionalLine(300),
})

/** The dashboard's filter of recipients: `?state=confirmed&county=1201&kind=ops&q=bochnia&page=2`. */
export const RecipientFilterSchema = z.object({
  state: z
    .enum([...recipientStates, 'escalated'] as const)
    .optional()
    .catch(undefined),
  county: z
    .string()
    .regex(/^\d{4}$/)
    .optional()
    .catch(undefined),
  kind: z.enum(organisationKinds).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().positive().optional().catch(undefined),
})
export type RecipientFilter = z.infer<typeof RecipientFilterSchema>
