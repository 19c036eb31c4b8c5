import { z } from 'zod'
import { fromWarsawLocal } from '~/utils/time'
import { optionalLine, optionalText, requiredLine, requiredText } from './fields'

const checkbox = z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean())

/** A `datetime-local` value read as Warsaw time. */
const warsawDateTime = z
  .string({ error: 'validation.required' })
  .trim()
  .refine((value) => fromWarsawLocal(value) !== null, 'validation.dateTime')

/** The longest a meeting may last: a conference of two weeks. Lists of upcoming meetings rely on it. */
export const MAX_MEETING_DAYS = 14

export const MeetingSchema = z
  .object({
    topic: requiredLine(500),
    purpose: optionalText(5000),
    startsAt: warsawDateTime,
    endsAt: warsawDateTime,
    venueName: optionalLine(300),
    venueAddress: optionalLine(300),
    venueRoom: optionalLine(200),
    seriesTitle: optionalLine(300),
    seriesPlannedCount: z.coerce
      .number({ error: 'validation.count' })
      .int('validation.count')
      .min(1, 'validation.count')
      .max(100, 'validation.count')
      .optional(),
    isPublic: checkbox,
    headcount: z.coerce
      .number({ error: 'validation.count' })
      .int('validation.count')
      .min(0, 'validation.count')
      .max(100000, 'validation.count')
      .optional(),
  })
  .superRefine((value, ctx) => {
    const start = fromWarsawLocal(value.startsAt)
    const end = fromWarsawLocal(value.endsAt)
    if (start && end && end <= start) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'validation.endBeforeStart' })
    if (start && end && end.getTime() - start.getTime() > MAX_MEETING_DAYS * 86_400_000)
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'validation.meetingTooLong' })
    if (value.seriesPlannedCount !== undefined && !value.seriesTitle)
      ctx.addIssue({ code: 'custom', path: ['seriesTitle'], message: 'meetings.validation.seriesTitle' })
  })
export type MeetingInput = z.infer<typeof MeetingSchema>

export const CancelMeetingSchema = z.object({ reason: requiredText(1000) })
