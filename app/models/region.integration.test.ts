import { describe, expect, it } from 'vitest'
import { countRegister, getPlace, getRegionChoices, listCounties } from './region.server'

describe('the territorial register', () => {
  it('holds all of TERC: 16 voivodeships, 380 counties, 2,477 municipalities', () => {
    expect(countRegister()).toEqual({ voivodeships: 16, counties: 380, municipalities: 2477 })
  })

  it('places Katowice in its county and voivodeship', () => {
    expect(getPlace({ municipalityCode: '2469011' })).toEqual({
      municipalityCode: '2469011',
      municipality: 'Katowice',
      countyCode: '2469',
      county: 'Katowice',
      voivodeshipCode: '24',
      voivodeship: 'śląskie',
    })
  })

  it('lists the counties of a voivodeship in Polish alphabetical order', () => {
    const names = listCounties({ voivodeshipCode: '24' }).map((c) => c.name)
    expect(names).toContain('wodzisławski')
    expect(names).toEqual([...names].sort(new Intl.Collator('pl').compare))
  })

  it('offers counties only for a chosen voivodeship and ignores a county from elsewhere', () => {
    expect(getRegionChoices({}).counties).toEqual([])
    const choices = getRegionChoices({ voivodeship: '12', county: '2469' })
    expect(choices.county).toBeNull()
    expect(choices.municipalities).toEqual([])
    expect(getRegionChoices({ voivodeship: '24', county: '2469' }).municipalities.map((m) => m.code)).toEqual(['2469011'])
  })
})
