import { describe, expect, it } from 'vitest'
import { displayedMeetingState } from './meeting-state'

const now = '2026-03-10T12:00:00.000Z'
const ended = '2026-03-10T11:59:00.000Z'
const ahead = '2026-03-10T12:01:00.000Z'

describe('displayedMeetingState', () => {
  it('shows a planned or invited meeting that has ended as unconfirmed', () => {
    expect(displayedMeetingState({ state: 'planned', endsAt: ended }, now)).toBe('unconfirmed')
    expect(displayedMeetingState({ state: 'invited', endsAt: ended }, new Date(now))).toBe('unconfirmed')
  })

  it('keeps the state of a meeting still ahead or going on', () => {
    expect(displayedMeetingState({ state: 'planned', endsAt: ahead }, now)).toBe('planned')
    expect(displayedMeetingState({ state: 'invited', endsAt: ahead }, now)).toBe('invited')
  })

  it('keeps a held or cancelled meeting as it was marked', () => {
    expect(displayedMeetingState({ state: 'held', endsAt: ended }, now)).toBe('held')
    expect(displayedMeetingState({ state: 'cancelled', endsAt: ended }, now)).toBe('cancelled')
  })
})
