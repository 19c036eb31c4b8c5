import { z } from 'zod'
import { membershipRoles } from '#db/schema/enums'
import { idField, isoDay } from './fields'

/** Seats that begin together: every one on the same day, today, the team's first day, or another day. */
export const membershipStarts = ['today', 'teamStart', 'other'] as const
export type MembershipStart = (typeof membershipStarts)[number]

/** No more institutions at once than a page of the directory's search shows, with room to spare. */
export const BULK_LIMIT = 200

export const BulkMembershipSchema = z
  .object({
    organisationId: z
      .array(idField('members.validation.chooseInstitutions'), { error: 'members.validation.chooseInstitutions' })
      .min(1, 'members.validation.chooseInstitutions')
      .max(BULK_LIMIT, 'members.validation.tooMany'),
    role: z.enum(membershipRoles, { error: 'validation.membershipRole' }),
    start: z.enum(membershipStarts, { error: 'members.validation.chooseStart' }),
    fromDate: isoDay.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.start === 'other' && !value.fromDate)
      ctx.addIssue({ code: 'custom', path: ['fromDate'], message: 'members.validation.otherDate' })
  })
export type BulkMembershipInput = z.infer<typeof BulkMembershipSchema>
