import { z } from 'zod'
import { idField, optionalText } from './fields'

/** The value of „Cała notatka” in the section select: a comment on the whole text. */
export const WHOLE_MINUTES = 'whole'

export const COMMENT_MAX_LENGTH = 5000

/** A member's comment: on one section or on the whole minutes. */
export const MinutesCommentSchema = z.object({
  intent: z.literal('comment'),
  section: z
    .string({ error: 'minutesReview.error.section' })
    .regex(/^(whole|[1-9]\d*)$/, 'minutesReview.error.section')
    .transform((value) => (value === WHOLE_MINUTES ? null : Number(value))),
  body: z
    .string({ error: 'minutesReview.error.body' })
    .trim()
    .min(1, 'minutesReview.error.body')
    .max(COMMENT_MAX_LENGTH, 'minutesReview.error.bodyTooLong'),
})

/** The secretary's decision on one comment; a comment left out of the text needs a reason. */
export const ResolveCommentSchema = z
  .object({
    intent: z.literal('resolve'),
    commentId: idField('minutesReview.error.commentNotFound'),
    resolution: z.enum(['accepted', 'rejected'], { error: 'minutesReview.error.resolution' }),
    note: optionalText(2000),
  })
  .refine((value) => value.resolution !== 'rejected' || !!value.note, { path: ['note'], message: 'minutesReview.error.rejectNote' })
