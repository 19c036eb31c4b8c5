import { describe, expect, it } from 'vitest'
import { parseRegister } from './region.server'

const csv = `\uFEFFWOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA
24;;;;ŚLĄSKIE;województwo;2024-01-01
24;15;;;wodzisławski;powiat;2024-01-01
24;15;04;1;Wodzisław Śląski;gmina miejska;2024-01-01
24;15;05;3;Pszów;gmina miejsko-wiejska;2024-01-01
24;15;05;4;Pszów;miasto;2024-01-01
24;15;05;5;Pszów;obszar wiejski;2024-01-01
`

describe('parseRegister', () => {
  it('keeps voivodeships, counties and whole municipalities, not their parts', () => {
    expect(parseRegister(csv)).toEqual({
      voivodeships: [{ code: '24', name: 'śląskie' }],
      counties: [{ code: '2415', voivodeshipCode: '24', name: 'wodzisławski', kind: 'powiat' }],
      municipalities: [
        { code: '2415041', countyCode: '2415', name: 'Wodzisław Śląski', kind: 'gmina miejska' },
        { code: '2415053', countyCode: '2415', name: 'Pszów', kind: 'gmina miejsko-wiejska' },
      ],
    })
  })
})
