import { describe, expect, it } from 'vitest'
import type { AgendaItemKind } from '#db/schema/enums'
import { needsDiscussionSection } from './minutes-draft'

const carryOverTitle = 'Sprawy z poprzedniego spotkania'
const needs = (...agenda: [AgendaItemKind, string][]) =>
  needsDiscussionSection(
    agenda.map(([kind, title]) => ({ kind, title })),
    { carryOverTitle },
  )

describe('needsDiscussionSection', () => {
  it('adds the generic „Dyskusja” when the agenda has no discussion of its own', () => {
    expect(needs()).toBe(true)
    expect(needs(['opening', 'Powitanie uczestników'], ['presentation', 'Prezentacja MOPS'], ['break', 'Przerwa kawowa'])).toBe(true)
    // Open items carried over are of the kind „dyskusja”, but not the meeting's discussion.
    expect(needs(['discussion', carryOverTitle], ['presentation', 'Prezentacja PUP'])).toBe(true)
  })

  it('leaves it out when the agenda has an item of the kind „dyskusja”, or one titled „Dyskusja…” or „Wolne wnioski”', () => {
    expect(needs(['presentation', 'Prezentacja MOPS'], ['discussion', 'Profilowanie bezrobotnych — rozmowa'])).toBe(false)
    expect(needs(['other', 'Dyskusja i podsumowanie'])).toBe(false)
    expect(needs(['other', 'dyskusja'])).toBe(false)
    expect(needs(['other', 'Wolne wnioski i zakończenie spotkania'])).toBe(false)
    // A title that merely mentions a discussion does not count.
    expect(needs(['presentation', 'Wyniki dyskusji z poprzedniego spotkania'])).toBe(true)
  })
})
