import { z } from 'zod'
import { organisationKinds } from '#db/schema/enums'
import { idField, optionalEmail, optionalLine, optionalPhone, optionalPostalCode, optionalUrl, requiredLine } from './fields'

export const OrganisationSchema = z.object({
  name: requiredLine(300),
  shortName: optionalLine(100),
  kind: z.enum(organisationKinds, { error: 'validation.kind' }),
  street: optionalLine(200),
  postalCode: optionalPostalCode,
  city: optionalLine(100),
  // The voivodeship and county only narrow the municipality picker; the municipality
  // alone is stored, and gives both.
  voivodeship: z.string().optional(),
  county: z.string().optional(),
  municipalityCode: z.string({ error: 'validation.municipality' }).regex(/^\d{7}$/, 'validation.municipality'),
  email: optionalEmail,
  phone: optionalPhone,
  website: optionalUrl,
})
export type OrganisationInput = z.infer<typeof OrganisationSchema>

export const PersonSchema = z.object({
  name: requiredLine(200),
  position: optionalLine(300),
  organisationId: idField('validation.organisation'),
  email: optionalEmail,
  phone: optionalPhone,
})
export type PersonInput = z.infer<typeof PersonSchema>

export const OrganisationFilterSchema = z.object({
  kind: z.enum(organisationKinds).optional().catch(undefined),
  voivodeship: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .catch(undefined),
  county: z
    .string()
    .regex(/^\d{4}$/)
    .optional()
    .catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  archived: z.literal('1').optional().catch(undefined),
  page: z.coerce.number().int().positive().optional().catch(undefined),
})
export type OrganisationFilter = z.infer<typeof OrganisationFilterSchema>
