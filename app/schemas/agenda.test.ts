import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, it } from 'vitest'
import { agendaItemSchema, groupAgendaByDay, groupParallelTracks } from './agenda'

const days = ['2012-05-14', '2012-05-15']

function form(entries: [string, string][]) {
  const data = new FormData()
  for (const [name, value] of entries) data.append(name, value)
  return parseWithZod(data, { schema: agendaItemSchema(days) })
}

const item: [string, string][] = [
  ['day', '2012-05-15'],
  ['startTime', '10:00'],
  ['endTime', '11:30'],
  ['kind', 'workshop'],
  ['title', 'Warsztat: współpraca OPS i PUP'],
]

describe('an agenda item as the form sends it', () => {
  it('reads several speaker selects, dropping the empty ones and repeats', () => {
    const result = form([...item, ['speakerIds', ''], ['speakerIds', '7'], ['speakerIds', ''], ['speakerIds', '3'], ['speakerIds', '7']])
    expect(result.status).toBe('success')
    if (result.status === 'success') expect(result.value).toMatchObject({ speakerIds: [7, 3], kind: 'workshop', startTime: '10:00' })
  })

  it('has no speakers when every select is left empty, or there is only one', () => {
    const none = form([...item, ['speakerIds', ''], ['speakerIds', '']])
    expect(none.status === 'success' && none.value.speakerIds).toEqual([])
    const one = form([...item, ['speakerIds', '12'], ['moderatorPersonId', '4']])
    expect(one.status === 'success' && one.value).toMatchObject({ speakerIds: [12], moderatorPersonId: 4 })
  })

  it('refuses a day outside the meeting, in Polish next to the day', () => {
    const result = form([
      ['day', '2012-05-16'],
      ['kind', 'panel'],
      ['title', 'Panel'],
    ])
    expect(result.reply().error).toEqual({ day: ['agenda.validation.dayOutside'] })
  })

  it('refuses an end before the start and an end without a start', () => {
    expect(
      form([
        ['day', '2012-05-14'],
        ['startTime', '12:00'],
        ['endTime', '11:00'],
        ['kind', 'panel'],
        ['title', 'Panel'],
      ]).reply().error,
    ).toEqual({ endTime: ['validation.endBeforeStart'] })
    expect(
      form([
        ['day', '2012-05-14'],
        ['endTime', '11:00'],
        ['kind', 'panel'],
        ['title', 'Panel'],
      ]).reply().error,
    ).toEqual({ startTime: ['agenda.validation.startMissing'] })
    expect(
      form([
        ['day', '2012-05-14'],
        ['startTime', '25:00'],
        ['kind', 'panel'],
        ['title', 'Panel'],
      ]).reply().error,
    ).toEqual({ startTime: ['agenda.validation.time'] })
  })

  it('refuses a speaker that is not an id', () => {
    const result = form([...item, ['speakerIds', 'Jan Kowalski']])
    expect(result.status).toBe('error')
    expect(Object.values(result.reply().error ?? {}).flat()).toContain('agenda.validation.unknownPerson')
  })
})

describe('the agenda as shown', () => {
  it('goes day by day, keeping items of a day the meeting no longer has at the end', () => {
    const items = [
      { id: 1, day: '2012-05-14' },
      { id: 2, day: '2012-05-16' },
      { id: 3, day: '2012-05-15' },
    ]
    expect(groupAgendaByDay(items, days).map((group) => [group.day, group.items.map((i) => i.id)])).toEqual([
      ['2012-05-14', [1]],
      ['2012-05-15', [3]],
      ['2012-05-16', [2]],
    ])
  })

  it('puts side by side what runs at the same time on different tracks', () => {
    const items = [
      { id: 1, startTime: '09:00', track: null },
      { id: 2, startTime: '10:00', track: 'Sala A' },
      { id: 3, startTime: '10:00', track: 'Sala B' },
      { id: 4, startTime: '10:00', track: 'Sala B' },
      { id: 5, startTime: '12:00', track: 'Sala A' },
    ]
    expect(groupParallelTracks(items).map((block) => block.map((i) => i.id))).toEqual([[1], [2, 3], [4], [5]])
  })
})
