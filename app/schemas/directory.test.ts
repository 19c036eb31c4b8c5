import { describe, expect, it } from 'vitest'
import { OrganisationFilterSchema, OrganisationSchema, PersonSchema } from './directory'

const valid = { name: 'Miejski Ośrodek Pomocy Społecznej w Katowicach', kind: 'ops', municipalityCode: '2469011' }

function errorsOf(value: unknown) {
  const result = OrganisationSchema.safeParse(value)
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]))
}

describe('OrganisationSchema', () => {
  it('accepts an institution with a name, a kind and a municipality', () => {
    expect(OrganisationSchema.safeParse(valid).success).toBe(true)
  })

  it('names each missing required field with a message key', () => {
    expect(errorsOf({})).toEqual({ name: 'validation.required', kind: 'validation.kind', municipalityCode: 'validation.municipality' })
  })

  it('refuses a malformed e-mail, postal code, phone and website', () => {
    expect(errorsOf({ ...valid, email: 'mops@', postalCode: '40032', phone: 'zadzwoń', website: 'not a site' })).toEqual({
      email: 'validation.email',
      postalCode: 'validation.postalCode',
      phone: 'validation.phone',
      website: 'validation.url',
    })
  })

  it('accepts the usual Polish spellings of a phone number', () => {
    for (const phone of ['32 259 38 00', '+48 600-100-200', '(32) 2593800', '32 259 38 00 w. 12', '600100200']) {
      expect(errorsOf({ ...valid, phone }), phone).toEqual({})
    }
  })

  it('adds https:// to a bare website address', () => {
    expect(OrganisationSchema.parse({ ...valid, website: 'www.katowice.eu' }).website).toBe('https://www.katowice.eu')
  })
})

describe('PersonSchema', () => {
  it('needs a name and an institution', () => {
    const result = PersonSchema.safeParse({ organisationId: 'x' })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['name', 'validation.required'],
      ['organisationId', 'validation.organisation'],
    ])
  })
})

describe('OrganisationFilterSchema', () => {
  it('drops filter values that are not codes instead of failing the page', () => {
    expect(OrganisationFilterSchema.parse({ kind: 'bank', voivodeship: '24', county: '24x9', q: ' lex ' })).toEqual({
      voivodeship: '24',
      q: 'lex',
    })
  })
})
