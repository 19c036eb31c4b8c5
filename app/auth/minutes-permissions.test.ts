import { describe, expect, it } from 'vitest'
import { minutesStates, minutesVisibilities } from '#db/schema/enums'
import type { MeetingAccess } from './meeting-permissions'
import { canInMinutes, type MinutesAction, type MinutesStatus } from './minutes-permissions'

const accesses: MeetingAccess[] = ['manage', 'member', 'invitee', 'public', 'none']
const now = new Date('2031-06-10T12:00:00Z')
const ahead = '2031-06-17T12:00:00Z'
const passed = '2031-06-10T11:59:59Z'

/** Every state × visibility, with a comment deadline still ahead. */
const everyMinutes: MinutesStatus[] = minutesStates.flatMap((state) =>
  minutesVisibilities.map((visibility) => ({ state, visibility, commentsDueAt: ahead })),
)
const label = (m: MinutesStatus | null) => (m ? `${m.state}/${m.visibility}` : 'none yet')

/** For each access, the minutes (state/visibility) it may do the action on; all others refused. */
const expected: Record<Exclude<MinutesAction, 'minutes.manage'>, Record<MeetingAccess, string[]>> = {
  'minutes.read': {
    manage: everyMinutes.map(label),
    member: everyMinutes.map(label),
    invitee: ['published/public'],
    public: ['published/public'],
    none: [],
  },
  'minutes.comment': {
    manage: ['circulated/members', 'circulated/public'],
    member: ['circulated/members', 'circulated/public'],
    invitee: [],
    public: [],
    none: [],
  },
}

describe('canInMinutes', () => {
  for (const action of ['minutes.read', 'minutes.comment'] as const) {
    it.each(accesses)(`${action} for %s: every state × visibility`, (access) => {
      const allowed = everyMinutes.filter((m) => canInMinutes(access, m, action, now)).map(label)
      expect(allowed).toEqual(expected[action][access])
    })
  }

  it.each(accesses)('minutes.manage for %s: the team’s officers only, before the minutes are started too', (access) => {
    const answers = [null, ...everyMinutes].map((m) => canInMinutes(access, m, 'minutes.manage', now))
    expect(answers).toEqual(answers.map(() => access === 'manage'))
  })

  it.each(accesses)('nobody reads or comments on minutes not yet started (%s)', (access) => {
    expect(canInMinutes(access, null, 'minutes.read', now)).toBe(false)
    expect(canInMinutes(access, null, 'minutes.comment', now)).toBe(false)
  })

  it('keeps members-only minutes from a guest and the public even once published', () => {
    const published: MinutesStatus = { state: 'published', visibility: 'members', commentsDueAt: null }
    expect(canInMinutes('invitee', published, 'minutes.read', now)).toBe(false)
    expect(canInMinutes('public', published, 'minutes.read', now)).toBe(false)
    expect(canInMinutes('member', published, 'minutes.read', now)).toBe(true)
  })

  it('closes comments at the deadline, and leaves them open without one', () => {
    const circulated = (commentsDueAt: string | null): MinutesStatus => ({ state: 'circulated', visibility: 'members', commentsDueAt })
    expect(canInMinutes('member', circulated(passed), 'minutes.comment', now)).toBe(false)
    expect(canInMinutes('member', circulated(now.toISOString()), 'minutes.comment', now)).toBe(false)
    expect(canInMinutes('member', circulated(null), 'minutes.comment', now)).toBe(true)
    expect(canInMinutes('manage', circulated(ahead), 'minutes.comment', now)).toBe(true)
  })
})
