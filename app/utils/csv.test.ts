import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { csvField, csvFile } from './csv'

describe('csv', () => {
  it('quotes a field only when it holds a delimiter, a quote or a line break', () => {
    expect(csvField('MOPS Kraków')).toBe('MOPS Kraków')
    expect(csvField('A; B')).toBe('"A; B"')
    expect(csvField('Fundacja „Dom” "Nowy"')).toBe('"Fundacja „Dom” ""Nowy"""')
    expect(csvField('dwie\nlinie')).toBe('"dwie\nlinie"')
    expect(csvField(null)).toBe('')
  })

  it('reads back as it was written, after the byte order mark', () => {
    const rows = [['Stowarzyszenie "Razem"; Bolesławiec', null, '+48 75 123 45 67']]
    const file = csvFile(['Nazwa', 'Nazwa skrócona', 'Telefon'], rows)
    expect(file.startsWith('\uFEFFNazwa;Nazwa skrócona;Telefon\r\n')).toBe(true)
    expect(parse(file, { bom: true, delimiter: ';' })).toEqual([
      ['Nazwa', 'Nazwa skrócona', 'Telefon'],
      ['Stowarzyszenie "Razem"; Bolesławiec', '', '+48 75 123 45 67'],
    ])
  })
})
