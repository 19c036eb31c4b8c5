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

  it('neutralises a cell that a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvField('+1+cmd|calc')).toBe("'+1+cmd|calc")
    expect(csvField('-2+3')).toBe("'-2+3")
    expect(csvField('\t=1')).toBe("'\t=1")
    expect(csvField('\r=1')).toBe(`"'\r=1"`)
  })

  it('leaves phone numbers and plain numbers as they are', () => {
    expect(csvField('+48 12 345 67 89')).toBe('+48 12 345 67 89')
    expect(csvField('(12) 345-67-89')).toBe('(12) 345-67-89')
    expect(csvField('-5')).toBe('-5')
    expect(csvField('-3,5')).toBe('-3,5')
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
