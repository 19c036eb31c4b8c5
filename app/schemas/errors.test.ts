import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, it } from 'vitest'
import { isMessageKey, translator } from '~/i18n/messages'
import { LoginSchema, NewUserSchema } from './account'
import { MoveActionItemSchema } from './action-item'
import { agendaItemSchema, MoveAgendaItemSchema } from './agenda'
import { OrganisationSchema, PersonSchema } from './directory'
import { AddGuestSchema, AttendanceSchema } from './invitation'
import { MeetingSchema } from './meeting'
import { MinutesSchema, PublishSchema } from './minutes'
import { PresentationSchema } from './presentation'

const pl = translator('pl')
const en = translator('en')

function messagesOf(
  schema: { safeParse: (value: unknown) => { success: boolean; error?: { issues: { message: string }[] } } },
  value: unknown,
) {
  const result = schema.safeParse(value)
  expect(result.success, JSON.stringify(value)).toBe(false)
  return result.error!.issues.map((issue) => issue.message)
}

// zod's own English starts with one of these: „Invalid input”, „Too big: expected…”.
const zodEnglish = /invalid|expected|too (big|small)|required|unrecognized|must/i

describe('messages of every schema', () => {
  it.each([
    ['an unknown enum value', MoveAgendaItemSchema, { itemId: '1', direction: 'sideways' }],
    ['text for a number', MoveActionItemSchema, { itemId: 'abc', direction: 'up' }],
    ['a negative id', MoveAgendaItemSchema, { itemId: '-3', direction: 'up' }],
    ['a list for a name', OrganisationSchema, { name: ['a', 'b'], kind: 'ops', municipalityCode: '2469011' }],
    ['an object for the rows', AttendanceSchema, { rows: 'all' }],
    ['a wrong visibility', PresentationSchema, { intent: 'upload', title: 'Slajdy', visibility: 'everyone' }],
    ['a wrong intent', PresentationSchema, { intent: 'delete', title: 'Slajdy' }],
    ['a revision as text', PublishSchema, { revision: 'x', visibility: 'public' }],
    ['a password as a number', LoginSchema, { email: 'a@b.pl', password: 12 }],
    ['nothing at all', MeetingSchema, undefined],
  ])('are message keys, not zod English, for %s', (_case, schema, value) => {
    for (const message of messagesOf(schema, value)) {
      expect(isMessageKey(message), message).toBe(true)
      if (!isMessageKey(message)) continue
      expect(pl(message)).not.toMatch(zodEnglish)
      expect(en(message)).not.toBe(message)
    }
  })

  it('names a tampered choice in Polish', () => {
    expect(messagesOf(MoveAgendaItemSchema, { itemId: '1', direction: 'sideways' })).toEqual(['validation.choose'])
    expect(pl('validation.choose')).toBe('Wybierz wartość z listy.')
  })

  it('keeps the messages the schemas name themselves', () => {
    expect(messagesOf(NewUserSchema, { email: 'a@b.pl', name: 'Anna', role: 'emperor', password: 'x'.repeat(12) })).toEqual([
      'validation.role',
    ])
  })

  it('gives message keys through conform as the forms parse', () => {
    const form = new FormData()
    form.set('itemId', 'abc')
    form.set('direction', 'sideways')
    const submission = parseWithZod(form, { schema: MoveAgendaItemSchema })
    if (submission.status !== 'error') throw new Error(`expected an error, got ${submission.status}`)
    const messages = Object.values(submission.error ?? {}).flat()
    expect(messages.length).toBeGreaterThan(0)
    for (const message of messages) expect(isMessageKey(String(message)), String(message)).toBe(true)
  })
})

describe('single-line fields', () => {
  it.each([
    ['a person’s name', PersonSchema, { name: 'Jan\nKowalski', organisationId: '1' }, 'name'],
    [
      'an institution’s name',
      OrganisationSchema,
      { name: 'MOPS\r\nBcc: x@evil.example', kind: 'ops', municipalityCode: '2469011' },
      'name',
    ],
    ['a position', PersonSchema, { name: 'Jan Kowalski', position: 'dyrektor\rwydziału', organisationId: '1' }, 'position'],
    ['a guest’s name', AddGuestSchema, { name: 'Anna\nNowak', email: 'anna@example.pl' }, 'name'],
    [
      'an agenda item title',
      agendaItemSchema(),
      { day: '2026-12-01', kind: 'opening', title: 'Otwarcie\nspotkania', speakerIds: [] },
      'title',
    ],
    [
      'a meeting topic',
      MeetingSchema,
      { topic: 'Posiedzenie\nzespołu', startsAt: '2026-12-01T10:00', endsAt: '2026-12-01T12:00', isPublic: false },
      'topic',
    ],
    [
      'a venue name',
      MeetingSchema,
      { topic: 'Posiedzenie', venueName: 'Sala\nA', startsAt: '2026-12-01T10:00', endsAt: '2026-12-01T12:00', isPublic: false },
      'venueName',
    ],
    ['a minutes topic', MinutesSchema, { revision: 1, topic: 'Notatka\nz posiedzenia' }, 'topic'],
    ['a presentation title', PresentationSchema, { intent: 'upload', title: 'Slajdy\r\n' + 'x' }, 'title'],
  ])('refuse a line break in %s, in Polish', (_case, schema, value, field) => {
    const result = schema.safeParse(value)
    expect(result.success).toBe(false)
    const issue = result.error!.issues.find((candidate) => candidate.path.join('.') === field)
    expect(issue?.message).toBe('validation.singleLine')
  })

  it('still take a line break where the text may have paragraphs, and trim one at the end', () => {
    const meeting = {
      topic: 'Posiedzenie\n',
      purpose: 'Pierwszy akapit.\nDrugi akapit.',
      startsAt: '2026-12-01T10:00',
      endsAt: '2026-12-01T12:00',
    }
    expect(MeetingSchema.safeParse({ ...meeting, isPublic: false }).success).toBe(true)
    expect(pl('validation.singleLine')).toMatch(/jednym wierszu/)
  })
})
