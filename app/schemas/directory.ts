import { z } from 'zod'
import { organisationKinds } from '#db/schema/enums'
import { checkNip, checkRegon, type NumberCheck } from '~/utils/regon-nip'
import { idField, optionalEmail, optionalLine, optionalPhone, optionalPostalCode, optionalUrl, requiredLine } from './fields'

/** A REGON or NIP as printed („123-456-32-18”), stored as its digits once its check digit holds. */
const checkedNumber = (check: (value: string) => NumberCheck) =>
  z
    .string()
    .trim()
    .transform((value, ctx) => {
      const result = check(value)
      if (result.ok) return result.digits
      ctx.addIssue({ code: 'custom', message: result.error })
      return z.NEVER
    })
    .optional()

export const optionalRegon = checkedNumber(checkRegon)
export const optionalNip = checkedNumber(checkNip)

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
  regon: optionalRegon,
  nip: optionalNip,
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

/** Of a list of codes in a query string, the valid ones, each once: a stray value narrows nothing. */
const codes = <T extends z.ZodType<string>>(code: T) =>
  z
    .preprocess((value) => [...new Set([value ?? []].flat())].filter((v) => code.safeParse(v).success).slice(0, 100), z.array(code))
    .catch([])

export const OrganisationFilterSchema = z.object({
  kind: codes(z.enum(organisationKinds)),
  county: codes(z.string().regex(/^\d{4}$/)),
  municipality: codes(z.string().regex(/^\d{7}$/)),
  q: z.string().trim().max(200).optional().catch(undefined),
  archived: z.literal('1').optional().catch(undefined),
  page: z.coerce.number().int().positive().optional().catch(undefined),
})
export type OrganisationFilter = Partial<z.infer<typeof OrganisationFilterSchema>>

/** The directory's filter from a query string: `?kind=ops&kind=pup&county=3201&municipality=3208011&q=…`. */
export function readOrganisationFilter(params: URLSearchParams) {
  return OrganisationFilterSchema.parse({
    ...Object.fromEntries(params),
    kind: params.getAll('kind'),
    county: params.getAll('county'),
    municipality: params.getAll('municipality'),
  })
}

/** The query string of a filter, as every link to the same list (a page, the export) carries it. */
export function organisationFilterQuery(filter: OrganisationFilter, page?: number): URLSearchParams {
  const params = new URLSearchParams()
  if (filter.q) params.set('q', filter.q)
  for (const name of ['kind', 'county', 'municipality'] as const) for (const code of filter[name] ?? []) params.append(name, code)
  if (filter.archived) params.set('archived', filter.archived)
  if (page && page > 1) params.set('page', String(page))
  return params
}
