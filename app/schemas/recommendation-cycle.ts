import { z } from 'zod'
import { documentVisibilities, organisationKinds } from '#db/schema/enums'
import { fromWarsawLocal } from '~/utils/time'
import { hasNoLineBreak, idField, optionalText, requiredLine } from './fields'
import { RECOMMENDATION_LIMITS as LIMITS } from './recommendation'

// The forms of the recommendation pages: a new one, the steps of its cycle, an annex.

const revision = z.coerce.number({ error: 'validation.required' }).int().positive()

export const NewRecommendationSchema = z.object({
  title: z
    .string({ error: 'recommendations.error.title' })
    .trim()
    .min(1, 'recommendations.error.title')
    .max(LIMITS.title, 'validation.tooLong')
    .refine(hasNoLineBreak, 'validation.singleLine'),
  summary: optionalText(LIMITS.summary),
  addresseeKinds: z
    .array(z.enum(organisationKinds), { error: 'recommendations.error.addressees' })
    .min(1, 'recommendations.error.addressees'),
})

export const ConsultSchema = z.object({
  revision,
  commentsDueAt: z
    .string({ error: 'recommendations.cycle.error.deadline' })
    .transform(
      (value, ctx) =>
        fromWarsawLocal(value) ?? (ctx.addIssue({ code: 'custom', message: 'recommendations.cycle.error.deadline' }), z.NEVER),
    ),
})

export const ReturnSchema = z.object({ revision })

export const AdoptSchema = z.object({ revision, meetingId: idField('recommendations.cycle.error.meeting') })

export const PublishSchema = z.object({
  revision,
  visibility: z.enum(documentVisibilities, { error: 'recommendations.cycle.error.visibility' }),
})

export const WithdrawSchema = z.object({
  revision,
  reason: z
    .string({ error: 'recommendations.cycle.error.reason' })
    .trim()
    .min(1, 'recommendations.cycle.error.reason')
    .max(LIMITS.withdrawalReason, 'validation.tooLong'),
})

export const AnnexSchema = z.object({ title: requiredLine(LIMITS.annexTitle) })

export type CycleStep = 'consult' | 'return' | 'adopt' | 'publish' | 'withdraw'

export const cycleSchemas = {
  consult: ConsultSchema,
  return: ReturnSchema,
  adopt: AdoptSchema,
  publish: PublishSchema,
  withdraw: WithdrawSchema,
} as const
