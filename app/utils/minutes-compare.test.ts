import { describe, expect, it } from 'vitest'
import type { MinutesSnapshot } from '~/models/minutes.server'
import { compareMinutes } from './minutes-compare'

function snapshot(over: Partial<MinutesSnapshot> = {}): MinutesSnapshot {
  return {
    meetingId: 1,
    bodyId: 1,
    bodyName: 'Zespół ds. współpracy OPS i PUP',
    bodyKind: 'advisory_team',
    meetingNumber: 3,
    startsAt: '2017-05-16T11:00:00.000Z',
    endsAt: '2017-05-16T13:00:00.000Z',
    topic: 'Współpraca OPS i PUP',
    place: 'MOPS Wodzisław Śląski',
    participants: [
      { organisation: 'MOPS Wodzisław Śląski', name: 'Anna Łęcka', role: 'Kierownik' },
      { organisation: 'PUP Wodzisław Śląski', name: 'Grzegorz Źdźbło', role: null },
    ],
    sections: [
      { id: 1, kind: 'introduction', agendaItemId: null, title: 'Wprowadzenie', body: 'Spotkanie otworzyła **Pani Dyrektor**.' },
      { id: 2, kind: 'agenda_item', agendaItemId: 5, title: 'Oferta PUP', body: 'Przedstawiono ofertę staży.' },
      { id: 3, kind: 'decisions', agendaItemId: null, title: 'Ustalenia', body: '- porozumienie w III kwartale' },
    ],
    actionItems: [
      {
        id: 9,
        text: 'Zawarcie porozumienia MOPS–PUP',
        owner: 'MOPS',
        dueText: 'najpóźniej w III kwartale 2017 r.',
        dueDate: '2017-09-30',
        state: 'open',
        stateNote: null,
      },
    ],
    preparedBy: 'Gizela Prowadząca',
    approvedBy: null,
    approvedOn: null,
    fundingNotice: null,
    state: 'circulated',
    visibility: 'members',
    ...over,
  }
}

describe('compareMinutes', () => {
  it('finds nothing changed between two equal versions', () => {
    const result = compareMinutes(snapshot(), snapshot({ state: 'approved' }))
    expect(result.changed).toBe(false)
    expect(result.sections.map((s) => s.status)).toEqual(['same', 'same', 'same'])
  })

  it('matches sections by id through a rename, then by title, and shows added and removed ones whole in place', () => {
    const before = snapshot()
    const after = snapshot({
      sections: [
        { id: 1, kind: 'introduction', agendaItemId: null, title: 'Otwarcie spotkania', body: 'Spotkanie otworzyła **Pani Dyrektor**.' },
        { id: 7, kind: 'other', agendaItemId: null, title: 'Dyskusja', body: 'Dyskutowano o stażach.' },
        { id: 8, kind: 'other', agendaItemId: null, title: 'ustalenia', body: '- porozumienie w IV kwartale' },
      ],
    })
    const { sections, changed } = compareMinutes(before, after)
    expect(changed).toBe(true)
    expect(sections.map((s) => [s.title, s.status])).toEqual([
      ['Otwarcie spotkania', 'changed'],
      ['Oferta PUP', 'removed'],
      ['Dyskusja', 'added'],
      ['ustalenia', 'changed'],
    ])
    expect(sections[0]!.titleChanges).toContainEqual({ kind: 'removed', text: 'Wprowadzenie' })
    expect(sections[1]!.changes).toEqual([{ kind: 'removed', text: 'Przedstawiono ofertę staży.' }])
    expect(sections[2]!.changes).toEqual([{ kind: 'added', text: 'Dyskutowano o stażach.' }])
    expect(sections[3]!.changes).toContainEqual({ kind: 'removed', text: 'III' })
    expect(sections[3]!.changes).toContainEqual({ kind: 'added', text: 'IV' })
  })

  it('compares the header, the participants line by line and the action items', () => {
    const after = snapshot({
      place: 'MOPS Wodzisław Śląski, sala 12',
      participants: [{ organisation: 'MOPS Wodzisław Śląski', name: 'Anna Łęcka', role: 'Kierownik' }],
      actionItems: [
        {
          id: 9,
          text: 'Zawarcie porozumienia MOPS–PUP',
          owner: 'MOPS',
          dueText: 'najpóźniej w IV kwartale 2017 r.',
          dueDate: '2017-12-31',
          state: 'open',
          stateNote: null,
        },
      ],
    })
    const result = compareMinutes(snapshot(), after)
    expect(result.fields.map((f) => f.field)).toEqual(['place'])
    expect(result.participants).toContainEqual({ kind: 'removed', text: 'Grzegorz Źdźbło — PUP Wodzisław Śląski' })
    expect(result.actionItems[0]).toMatchObject({ status: 'changed' })
    expect(result.actionItems[0]!.changes).toContainEqual({ kind: 'added', text: 'IV' })
  })
})
