import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime, formatDayRange, formatFileSize, formatLongDate, formatMeetingWhen, formatMoney } from './format'

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

describe("the one form of a meeting's days", () => {
  it('writes Polish ranges within a month, across months and across years', () => {
    expect(formatDayRange('2012-05-14T07:00:00Z', '2012-05-14T14:00:00Z')).toBe('14 maja 2012 r.')
    expect(formatDayRange('2012-05-14T07:00:00Z', '2012-05-15T14:00:00Z')).toBe('14–15 maja 2012 r.')
    expect(formatDayRange('2012-04-30T07:00:00Z', '2012-05-02T14:00:00Z')).toBe('30 kwietnia – 2 maja 2012 r.')
    expect(formatDayRange('2012-12-31T08:00:00Z', '2013-01-02T14:00:00Z')).toBe('31 grudnia 2012 r. – 2 stycznia 2013 r.')
  })

  it('writes English ranges the same way, without „r.”', () => {
    expect(formatDayRange('2012-05-14T07:00:00Z', '2012-05-15T14:00:00Z', 'en')).toBe('14–15 May 2012')
    expect(formatDayRange('2012-04-30T07:00:00Z', '2012-05-02T14:00:00Z', 'en')).toBe('30 April – 2 May 2012')
    expect(formatDayRange('2012-12-31T08:00:00Z', '2013-01-02T14:00:00Z', 'en')).toBe('31 December 2012 – 2 January 2013')
  })

  it('takes the days in Warsaw: 23:30 UTC on 13 May is already the 14th', () => {
    expect(formatDayRange('2012-05-13T23:30:00Z', '2012-05-15T14:00:00Z')).toBe('14–15 maja 2012 r.')
  })

  it("gives a meeting of several days its range, the first day's start and the last day's end", () => {
    expect(formatMeetingWhen('2012-05-14T07:00:00Z', '2012-05-15T14:00:00Z')).toBe(
      '14–15 maja 2012 r. (14 maja od godz. 09:00, 15 maja do godz. 16:00)',
    )
    expect(formatMeetingWhen('2012-05-14T07:00:00Z', '2012-05-15T14:00:00Z', 'en')).toBe(
      '14–15 May 2012 (14 May from 09:00, 15 May until 16:00)',
    )
    expect(formatMeetingWhen('2017-05-16T11:00:00Z', '2017-05-16T13:00:00Z')).toBe('16.05.2017 r., godz. 13:00–15:00')
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

describe('formatFileSize', () => {
  it('gives kilobytes below a megabyte and megabytes above, with one decimal in the reader’s language', () => {
    expect(formatFileSize(0)).toBe('0 kB')
    expect(formatFileSize(12_595)).toBe('12,3 kB')
    expect(formatFileSize(2.5 * 1024 * 1024)).toBe('2,5 MB')
    expect(formatFileSize(2.5 * 1024 * 1024, 'en')).toBe('2.5 MB')
  })
})
