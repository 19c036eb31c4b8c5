import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, it } from 'vitest'
import { draftFromEntries, draftKey } from '~/utils/minutes-draft'
import { ApproveSchema, MinutesSchema, minutesInput } from './minutes'

function form(entries: Record<string, string>) {
  const data = new FormData()
  for (const [name, value] of Object.entries({ revision: '3', topic: 'Współpraca OPS i PUP', ...entries })) data.append(name, value)
  return data
}

describe('the minutes editor form', () => {
  it('drops empty and removed rows, keeps new sections, and gathers people under their institution', () => {
    const submission = parseWithZod(
      form({
        'participants[0].organisation': 'MOPS',
        'participants[0].name': 'Anna Łęcka',
        'participants[1].organisation': 'PUP',
        'participants[1].name': 'Grzegorz Źdźbło',
        'participants[2].organisation': 'MOPS',
        'participants[2].name': 'Żaneta Nowa',
        'participants[3].name': 'Usunięta Osoba',
        'participants[3].remove': 'on',
        'participants[4].name': '',
        'sections[0].id': '7',
        'sections[0].title': 'Dyskusja',
        'sections[0].body': 'Akapit.\r\n\r\n- punkt',
        'sections[1].id': '8',
        'sections[1].title': 'Do usunięcia',
        'sections[1].remove': 'on',
        'sections[2].title': 'Nowa część',
        'sections[2].body': '',
        'sections[3].title': '',
        'sections[3].body': '',
      }),
      { schema: MinutesSchema },
    )
    if (submission.status !== 'success') throw new Error(JSON.stringify(submission.error))
    const input = minutesInput(submission.value)
    expect(input.participants.map((p) => `${p.organisation}: ${p.name}`)).toEqual([
      'MOPS: Anna Łęcka',
      'MOPS: Żaneta Nowa',
      'PUP: Grzegorz Źdźbło',
    ])
    expect(input.sections).toEqual([
      { id: 7, title: 'Dyskusja', body: 'Akapit.\n\n- punkt' },
      { id: null, title: 'Nowa część', body: '' },
    ])
  })

  it('asks for a topic, for the title of a section with text, and for the name of a participant', () => {
    const submission = parseWithZod(
      form({
        topic: ' ',
        'sections[0].body': 'Tekst bez tytułu',
        'sections[1].id': '4',
        'sections[1].title': '',
        'participants[0].role': 'Dyrektor',
      }),
      { schema: MinutesSchema },
    )
    expect(submission.status).toBe('error')
    const errors = submission.reply().error ?? {}
    expect(errors.topic).toEqual(['minutes.error.topic'])
    expect(errors['sections[0].title']).toEqual(['minutes.error.sectionTitle'])
    expect(errors['sections[1].title']).toEqual(['minutes.error.sectionTitle'])
    expect(errors['participants[0].name']).toEqual(['minutes.error.participantName'])
  })
})

describe('the draft kept in the browser', () => {
  it('equals the saved text whatever empty rows, ids and line ends the form had', () => {
    const saved = draftKey({
      topic: 'Temat',
      place: '',
      preparedBy: 'Gizela',
      participants: [{ organisation: 'MOPS', name: 'Anna', role: '' }],
      sections: [{ title: 'Dyskusja', body: 'A\n\nB' }],
    })
    const entries: [string, string][] = [
      ['intent', 'save'],
      ['revision', '5'],
      ['topic', 'Temat '],
      ['place', ''],
      ['preparedBy', 'Gizela'],
      ['participants[0].organisation', 'MOPS'],
      ['participants[0].name', 'Anna'],
      ['participants[0].role', ''],
      ['participants[1].name', ''],
      ['sections[0].id', '9'],
      ['sections[0].title', 'Dyskusja'],
      ['sections[0].body', 'A\r\n\r\nB\r\n'],
      ['sections[1].title', ''],
      ['sections[1].body', ''],
    ]
    expect(draftKey(draftFromEntries(entries))).toBe(saved)
    const changed = entries.map(([name, value]): [string, string] => [name, name === 'sections[0].body' ? 'A\n\nC' : value])
    expect(draftKey(draftFromEntries(changed))).not.toBe(saved)
    const removed: [string, string][] = [...entries, ['sections[0].remove', 'on']]
    expect(draftKey(draftFromEntries(removed))).not.toBe(saved)
  })
})

describe('ApproveSchema', () => {
  it('refuses a day that is not in the calendar', () => {
    const base = { revision: 3, approvedBy: 'Zespół na spotkaniu nr 2' }
    expect(ApproveSchema.safeParse({ ...base, approvedOn: '2024-02-29' }).success).toBe(true)
    for (const approvedOn of ['2024-02-31', '2024-13-01', '16.06.2009']) {
      const result = ApproveSchema.safeParse({ ...base, approvedOn })
      expect(result.success).toBe(false)
      expect(result.error?.issues[0]?.message).toBe('validation.date')
    }
  })
})
