import { describe, expect, it } from 'vitest'
import { organisationFilterQuery, OrganisationSchema, PersonSchema, readOrganisationFilter } from './directory'

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

describe('readOrganisationFilter', () => {
  it('takes several kinds and places, and drops values that are not codes instead of failing the page', () => {
    const params = new URLSearchParams('kind=ops&kind=bank&kind=pup&kind=ops&county=3201&county=24x9&municipality=3201011&q=+lex+&page=x')
    expect(readOrganisationFilter(params)).toEqual({ kind: ['ops', 'pup'], county: ['3201'], municipality: ['3201011'], q: 'lex' })
  })

  it('writes back the query string that reads as the same filter', () => {
    const filter = readOrganisationFilter(new URLSearchParams('q=mops&kind=ops&kind=pup&county=3201&county=3208'))
    expect(organisationFilterQuery(filter, 3).toString()).toBe('q=mops&kind=ops&kind=pup&county=3201&county=3208&page=3')
    expect(readOrganisationFilter(organisationFilterQuery(filter))).toEqual(filter)
  })
})
