import { describe, expect, it } from 'vitest'
import { speakerLine } from './speaker-line'

describe('speakerLine', () => {
  it('names the institution by its short name where it has one', () => {
    expect(
      speakerLine({
        name: 'Anna Nowak',
        organisation: 'Miejski Ośrodek Pomocy Społecznej w Bolesławcu',
        organisationShortName: 'MOPS Bolesławiec',
      }),
    ).toBe('Anna Nowak (MOPS Bolesławiec)')
  })

  it('falls back to the full name, and to the person alone', () => {
    expect(speakerLine({ name: 'Anna Nowak', organisation: 'Powiatowy Urząd Pracy w Żywcu', organisationShortName: '  ' })).toBe(
      'Anna Nowak (Powiatowy Urząd Pracy w Żywcu)',
    )
    expect(speakerLine({ name: 'Anna Nowak', organisation: null })).toBe('Anna Nowak')
  })
})
