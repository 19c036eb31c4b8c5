import { z } from 'zod'
import { bodyKinds, bodyOfficerRoles, membershipRoles } from '#db/schema/enums'
import { parseMoney } from '~/utils/money'
import { idField, isoDay, optionalLine, optionalText, requiredLine } from './fields'

const optionalMoney = z
  .string()
  .trim()
  .refine((value) => parseMoney(value) !== null, 'validation.money')
  .transform((value) => parseMoney(value)!)
  .optional()

const checkbox = z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean())

export const BodySchema = z
  .object({
    kind: z.enum(bodyKinds, { error: 'validation.bodyKind' }),
    name: requiredLine(300),
    mandate: optionalText(5000),
    conveningOrganisationId: idField('validation.organisation'),
    umbrella: optionalLine(300),
    isPublic: checkbox,
    projectName: optionalLine(300),
    projectProgramme: optionalLine(300),
    projectNumber: optionalLine(100),
    projectTotalValue: optionalMoney,
    projectEuFunding: optionalMoney,
    projectTargetGroup: optionalText(1000),
    projectFundingNotice: optionalText(1000),
  })
  .superRefine((value, ctx) => {
    const projectDetails = [
      value.projectProgramme,
      value.projectNumber,
      value.projectTotalValue,
      value.projectEuFunding,
      value.projectTargetGroup,
      value.projectFundingNotice,
    ]
    if (!value.projectName && projectDetails.some((v) => v !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['projectName'], message: 'validation.projectName' })
    }
    if (value.projectTotalValue !== undefined && value.projectEuFunding !== undefined && value.projectEuFunding > value.projectTotalValue) {
      ctx.addIssue({ code: 'custom', path: ['projectEuFunding'], message: 'validation.euOverTotal' })
    }
  })
export type BodyInput = z.infer<typeof BodySchema>

/** A calendar day as `<input type="date">` sends it: 2017-05-16. */
export const MembershipSchema = z
  .object({
    organisationId: idField('validation.organisation'),
    delegatePersonId: idField('validation.person').optional(),
    deputyPersonId: idField('validation.person').optional(),
    role: z.enum(membershipRoles, { error: 'validation.membershipRole' }),
    fromDate: isoDay,
    toDate: isoDay.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.toDate && value.toDate < value.fromDate)
      ctx.addIssue({ code: 'custom', path: ['toDate'], message: 'validation.endBeforeStart' })
    if (value.delegatePersonId && value.delegatePersonId === value.deputyPersonId) {
      ctx.addIssue({ code: 'custom', path: ['deputyPersonId'], message: 'validation.deputySameAsDelegate' })
    }
  })
export type MembershipInput = z.infer<typeof MembershipSchema>

export const EndMembershipSchema = z.object({ membershipId: idField('validation.required'), toDate: isoDay })
export type EndMembershipInput = z.infer<typeof EndMembershipSchema>

export const OfficerSchema = z.object({
  userId: idField('validation.officer'),
  role: z.enum(bodyOfficerRoles, { error: 'bodies.validation.officerRole' }),
})
export type OfficerInput = z.infer<typeof OfficerSchema>
