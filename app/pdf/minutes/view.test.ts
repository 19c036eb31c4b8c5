import { describe, expect, it } from 'vitest'
import type { MinutesSnapshot } from '~/models/minutes.server'
import { buildMinutesView, minutesDateLine } from './view'

const snapshot: MinutesSnapshot = {
  meetingId: 1,
  bodyId: 1,
  bodyName: 'Zespół Doradczy ds. pomocy osobom bezrobotnym',
  bodyKind: 'advisory_team',
  meetingNumber: 3,
  startsAt: '2009-06-16T11:00:00.000Z',
  endsAt: '2009-06-16T13:00:00.000Z',
  topic: 'Prezentacja działań Miasta Katowice',
  place: 'Urząd Miasta Katowice, sala 5',
  participants: [
    { organisation: 'Urząd Miasta Katowice', name: 'Małgorzata Moryń-Trzęsimiech', role: 'Naczelnik Wydziału Polityki Społecznej' },
    { organisation: null, name: 'Gość Zaproszony', role: null },
    { organisation: 'Ochotniczy Hufiec Pracy', name: 'Jan Kowalski', role: null },
    { organisation: 'Urząd Miasta Katowice', name: 'Gizela Przeor', role: 'podinspektor' },
  ],
  sections: [
    { id: 1, kind: 'introduction', agendaItemId: null, title: 'Wprowadzenie', body: 'Tematem była **prezentacja**.' },
    { id: 2, kind: 'discussion', agendaItemId: null, title: 'Dyskusja', body: '  ' },
    { id: 3, kind: 'decisions', agendaItemId: null, title: 'Ustalenia', body: '- zawrzeć porozumienie' },
  ],
  actionItems: [
    {
      id: 1,
      text: 'Porozumienie MOPS–PUP',
      owner: 'MOPS',
      dueText: 'najpóźniej w III kwartale 2017 r.',
      dueDate: '2017-09-30',
      state: 'open',
      stateNote: null,
    },
    { id: 2, text: 'Porządkowanie informacji', owner: null, dueText: null, dueDate: '2014-03-31', state: 'done', stateNote: 'przekazano' },
  ],
  preparedBy: 'Gizela Przeor, podinspektor',
  approvedBy: null,
  approvedOn: null,
  fundingNotice: '  ',
  state: 'draft',
  visibility: 'public',
  publication: null,
  updatedAt: '2009-06-20T10:00:00.000Z',
}

describe('buildMinutesView', () => {
  it('formats the head in Polish, with the meeting number and the day', () => {
    const view = buildMinutesView(snapshot)
    expect(view.header).toMatchObject({
      documentKind: 'Notatka ze spotkania nr 3',
      dateLine: 'w dniu 16.06.2009 r.',
      topic: snapshot.topic,
      place: snapshot.place,
    })
    expect(view.meta).toMatchObject({ title: `Notatka ze spotkania — ${snapshot.bodyName} — 16.06.2009 r.`, author: snapshot.bodyName })
    expect(view.fileName).toBe('notatka-ze-spotkania-nr-3.pdf')
    expect(view.fundingNotice).toBeNull()
  })

  it('names both days of a meeting that spans several, in Warsaw time', () => {
    expect(minutesDateLine('2012-05-14T07:00:00Z', '2012-05-15T14:00:00Z')).toBe('w dniach 14–15 maja 2012 r.')
    // 23:30 UTC on 15 May is already 16 May in Warsaw.
    expect(minutesDateLine('2012-05-15T23:30:00Z', '2012-05-16T01:00:00Z')).toBe('w dniu 16.05.2012 r.')
  })

  it('groups participants by institution in their order, people without one last', () => {
    expect(buildMinutesView(snapshot).participants).toEqual([
      {
        organisation: 'Urząd Miasta Katowice',
        people: ['Małgorzata Moryń-Trzęsimiech, Naczelnik Wydziału Polityki Społecznej', 'Gizela Przeor, podinspektor'],
      },
      { organisation: 'Ochotniczy Hufiec Pracy', people: ['Jan Kowalski'] },
      { organisation: 'Pozostali uczestnicy', people: ['Gość Zaproszony'] },
    ])
  })

  it('leaves out empty sections and puts the decisions with the action items', () => {
    const view = buildMinutesView(snapshot)
    expect(view.sections.map((s) => s.title)).toEqual(['Wprowadzenie'])
    expect(view.decisions.title).toBe('Ustalenia')
    expect(view.decisions.blocks).toEqual([{ kind: 'list', ordered: false, items: [[{ text: 'zawrzeć porozumienie' }]] }])
    expect(view.decisions.actionItems).toEqual([
      { number: '1.', text: 'Porozumienie MOPS–PUP', owner: 'MOPS', due: 'najpóźniej w III kwartale 2017 r.', state: 'do realizacji' },
      { number: '2.', text: 'Porządkowanie informacji', owner: '', due: '31.03.2014 r.', state: 'zrealizowane (przekazano)' },
    ])
  })

  it('marks drafts and circulated minutes PROJEKT, dated by their last save', () => {
    for (const state of ['draft', 'circulated'] as const) {
      const view = buildMinutesView({ ...snapshot, state })
      expect(view.watermark).toBe('PROJEKT')
      expect(view.header.draftNote).toMatch(/^PROJEKT/)
      expect(view.meta.createdAt.toISOString()).toBe('2009-06-20T10:00:00.000Z')
    }
    expect(buildMinutesView({ ...snapshot, state: 'approved' }).watermark).toBeNull()
    expect(buildMinutesView({ ...snapshot, state: 'approved' }).header.draftNote).toBeNull()
  })

  it('prints who approved on which day, and leaves lines to sign when nobody is named', () => {
    expect(buildMinutesView(snapshot).signatures).toEqual({ preparedBy: 'Gizela Przeor, podinspektor', approvedBy: null })
    const approved = buildMinutesView({ ...snapshot, state: 'approved', approvedBy: 'Zespół na spotkaniu nr 4', approvedOn: '2009-07-14' })
    expect(approved.signatures.approvedBy).toBe('Zespół na spotkaniu nr 4, 14.07.2009 r.')
  })

  it('gives a published version its verification block, dated by its publication', () => {
    const view = buildMinutesView({
      ...snapshot,
      state: 'published',
      publication: {
        code: '7K3M9QW2XB4D',
        verifyUrl: 'https://narada.example/verify/7K3M9QW2XB4D',
        publishedAt: '2009-07-15T08:30:00.000Z',
        publishedBy: 'Gizela Przeor',
      },
    })
    expect(view.watermark).toBeNull()
    expect(view.meta.createdAt.toISOString()).toBe('2009-07-15T08:30:00.000Z')
    expect(view.verification).toEqual({
      codeLine: 'Kod weryfikacyjny: 7K3M9QW2XB4D',
      url: 'https://narada.example/verify/7K3M9QW2XB4D',
      publishedLine: 'Opublikowano 15.07.2009 r., godz. 10:30. Opublikował(a): Gizela Przeor',
      qrAlt: 'Kod QR z adresem strony weryfikacji: https://narada.example/verify/7K3M9QW2XB4D',
    })
    expect(buildMinutesView(snapshot).verification).toBeNull()
  })
})
