import { z } from 'zod'
import { attendanceStates } from '#db/schema/enums'
import { idField, optionalLine, requiredEmail, requiredLine } from './fields'

/** The answers an invitee can give; `pending` is only the state before any answer. */
export const answers = ['yes', 'no', 'maybe'] as const
export type Answer = (typeof answers)[number]

export const AnswerSchema = z.object({
  response: z.enum(answers, { error: 'invitations.chooseAnswer' }),
})

/** A guest who is in the directory: any institution's representative. */
export const AddPersonSchema = z.object({
  personId: idField('validation.person'),
})

/** A guest who is not in the directory: a name and an e-mail, perhaps an institution. */
export const AddGuestSchema = z.object({
  name: requiredLine(200),
  email: requiredEmail,
  organisation: optionalLine(300),
})
export type AddGuestInput = z.infer<typeof AddGuestSchema>

/** Someone who came without an invitation: a person of the directory, or a name. */
export const WalkInSchema = z
  .object({
    personId: idField('validation.person').optional(),
    name: optionalLine(200),
    organisation: optionalLine(300),
  })
  .superRefine((value, ctx) => {
    if (!value.personId && !value.name) ctx.addIssue({ code: 'custom', path: ['name'], message: 'invitations.walkInWho' })
    if (value.personId && value.name) ctx.addIssue({ code: 'custom', path: ['name'], message: 'invitations.walkInEither' })
  })
export type WalkInInput = z.infer<typeof WalkInSchema>

/** The attendance form: one row per invitee, saved at once. */
export const AttendanceSchema = z.object({
  rows: z
    .array(
      z.object({
        invitationId: idField('validation.required'),
        state: z.enum(attendanceStates, { error: 'invitations.chooseAttendance' }),
      }),
    )
    .default([]),
})
export type AttendanceInput = z.infer<typeof AttendanceSchema>

export const HeadcountSchema = z.object({
  headcount: z.coerce
    .number({ error: 'validation.count' })
    .int('validation.count')
    .min(0, 'validation.count')
    .max(100000, 'validation.count')
    .optional(),
})
