import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime, formatLongDate, formatMoney } from './format'

describe('Polish date forms', () => {
  it('writes a date as „16.06.2009 r.” in Warsaw time', () => {
    // 22:30 UTC on the 15th is already the 16th in Warsaw (CEST, UTC+2).
    expect(formatDate('2009-06-15T22:30:00Z')).toBe('16.06.2009 r.')
  })

  it('writes the hour as „godz. 13:00” on both sides of the DST change', () => {
    expect(formatDateTime('2017-05-16T11:00:00Z')).toBe('16.05.2017 r., godz. 13:00')
    expect(formatDateTime('2017-01-16T12:00:00Z')).toBe('16.01.2017 r., godz. 13:00')
  })

  it('names the month in the genitive', () => {
    expect(formatLongDate('2013-12-13T09:00:00Z')).toBe('13 grudnia 2013 r.')
  })

  it('has an English form', () => {
    expect(formatDate('2009-06-15T22:30:00Z', 'en')).toBe('16/06/2009')
  })
})

describe('formatMoney', () => {
  it('groups thousands with spaces and writes grosze after a comma', () => {
    expect(formatMoney(90415000)).toBe('904 150,00 zł')
    expect(formatMoney(87615000)).toBe('876 150,00 zł')
    expect(formatMoney(915000)).toBe('9 150,00 zł')
    expect(formatMoney(1250)).toBe('12,50 zł')
  })
})
