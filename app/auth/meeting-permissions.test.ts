import { describe, expect, it } from 'vitest'
import { canInBody, type BodyAccess, type BodyAction } from './body-permissions'
import { canInMeeting, type MeetingAccess, type MeetingAction } from './meeting-permissions'

describe('canInMeeting', () => {
  // What each access may do, in the order read, readInternal, answer, manage.
  const table: [MeetingAccess, boolean, boolean, boolean, boolean][] = [
    ['manage', true, true, true, true],
    ['member', true, true, true, false],
    ['invitee', true, false, true, false],
    ['public', true, false, false, false],
    ['none', false, false, false, false],
  ]
  const actions: MeetingAction[] = ['meeting.read', 'meeting.readInternal', 'meeting.answer', 'meeting.manage']

  it.each(table)('%s', (access, ...expected) => {
    expect(actions.map((action) => canInMeeting(access, action))).toEqual(expected)
  })

  it('keeps attendance and action items to the team: a guest or the public sees neither', () => {
    expect(canInMeeting('invitee', 'meeting.readInternal')).toBe(false)
    expect(canInMeeting('public', 'meeting.readInternal')).toBe(false)
  })
})

describe('canInBody', () => {
  const table: [BodyAccess, boolean, boolean, boolean][] = [
    ['manage', true, true, true],
    ['member', true, true, false],
    ['public', true, false, false],
    ['none', false, false, false],
  ]
  const actions: BodyAction[] = ['body.read', 'body.readInternal', 'body.manage']

  it.each(table)('%s', (access, ...expected) => {
    expect(actions.map((action) => canInBody(access, action))).toEqual(expected)
  })
})
