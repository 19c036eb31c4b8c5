import { describe, expect, it } from 'vitest'
import { formatDayRange, formatMeetingWhen } from './format'
import { daysBetween, fromWarsawLocal, toWarsawLocalInput, warsawDay } from './time'

describe('Warsaw wall-clock times', () => {
  it('turn into instants in summer and in winter', () => {
    expect(fromWarsawLocal('2017-05-16T13:00')?.toISOString()).toBe('2017-05-16T11:00:00.000Z')
    expect(fromWarsawLocal('2013-12-13T10:00')?.toISOString()).toBe('2013-12-13T09:00:00.000Z')
  })

  it('handle the nights of the clock changes', () => {
    // 30 March 2025: 02:00 CET became 03:00 CEST; 02:30 does not exist and means 03:30.
    expect(fromWarsawLocal('2025-03-30T01:30')?.toISOString()).toBe('2025-03-30T00:30:00.000Z')
    expect(fromWarsawLocal('2025-03-30T03:30')?.toISOString()).toBe('2025-03-30T01:30:00.000Z')
    expect(fromWarsawLocal('2025-03-30T02:30')?.toISOString()).toBe('2025-03-30T01:30:00.000Z')
    // 26 October 2025: 02:30 happened twice; the first one is meant.
    expect(fromWarsawLocal('2025-10-26T02:30')?.toISOString()).toBe('2025-10-26T00:30:00.000Z')
  })

  it('refuse what is not a time', () => {
    for (const value of ['', '2017-05-16', '2017-02-30T10:00', '2017-05-16T25:00', 'jutro'])
      expect(fromWarsawLocal(value), value).toBeNull()
  })

  it('round-trip through the datetime-local form value', () => {
    expect(toWarsawLocalInput('2017-05-16T11:00:00.000Z')).toBe('2017-05-16T13:00')
    expect(toWarsawLocalInput(fromWarsawLocal('2025-03-29T09:00')!)).toBe('2025-03-29T09:00')
  })

  it('list the days of a meeting across the spring clock change', () => {
    const start = fromWarsawLocal('2025-03-29T09:00')!
    const end = fromWarsawLocal('2025-03-30T15:00')!
    expect(daysBetween(start, end)).toEqual(['2025-03-29', '2025-03-30'])
    expect(warsawDay('2025-03-29T23:30:00Z')).toBe('2025-03-30')
  })
})

describe('meeting dates in Polish', () => {
  it('write one day, days of one month, of two months and of two years', () => {
    expect(formatDayRange('2009-06-16T08:00:00Z', '2009-06-16T12:00:00Z')).toBe('16 czerwca 2009 r.')
    expect(formatDayRange('2012-05-14T07:00:00Z', '2012-05-15T14:00:00Z')).toBe('14–15 maja 2012 r.')
    expect(formatDayRange('2012-04-30T07:00:00Z', '2012-05-02T14:00:00Z')).toBe('30 kwietnia – 2 maja 2012 r.')
    expect(formatDayRange('2012-12-30T07:00:00Z', '2013-01-02T14:00:00Z')).toBe('30 grudnia 2012 r. – 2 stycznia 2013 r.')
  })

  it('give the hours of a one-day meeting as „godz. 13:00–15:00”', () => {
    expect(formatMeetingWhen('2017-05-16T11:00:00Z', '2017-05-16T13:00:00Z')).toBe('16.05.2017 r., godz. 13:00–15:00')
  })
})
