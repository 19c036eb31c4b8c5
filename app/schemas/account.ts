import { z } from 'zod'
import { roles } from '#db/schema/enums'
import { idField, password, requiredEmail, requiredLine } from './fields'

export const LoginSchema = z.object({
  email: z.string({ error: 'validation.required' }).trim().min(1, 'validation.required').max(254, 'validation.tooLong'),
  password: z.string({ error: 'validation.required' }).min(1, 'validation.required').max(200, 'validation.passwordTooLong'),
  redirectTo: z.string().optional(),
})

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string({ error: 'validation.required' }).min(1, 'validation.required'),
    newPassword: password,
    confirmPassword: z.string({ error: 'validation.required' }),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    message: 'account.passwordsDiffer',
    path: ['confirmPassword'],
  })

const userFields = {
  email: requiredEmail,
  name: requiredLine(200),
  role: z.enum(roles, { error: 'validation.role' }),
  personId: idField('validation.person').optional(),
}

export const NewUserSchema = z.object({ ...userFields, password })
export const EditUserSchema = z.object(userFields)
