import { describe, expect, it } from 'vitest'
import { documentVisibilities, recommendationStates } from '#db/schema/enums'
import type { BodyAccess } from './body-permissions'
import { canInRecommendation, type RecommendationAction, type RecommendationStatus } from './recommendation-permissions'

// signed out and another team's member: 'public' (a public team) or 'none'; a member; an officer.
const accesses: BodyAccess[] = ['manage', 'member', 'public', 'none']
const now = new Date('2031-06-10T12:00:00Z')
const ahead = '2031-06-17T12:00:00Z'
const passed = '2031-06-10T11:59:59Z'

const every: RecommendationStatus[] = recommendationStates.flatMap((state) =>
  documentVisibilities.map((visibility) => ({ state, visibility, commentsDueAt: ahead })),
)
const label = (s: RecommendationStatus) => `${s.state}/${s.visibility}`
const all = every.map(label)

const expected: Record<RecommendationAction, Record<BodyAccess, string[]>> = {
  'recommendation.read': {
    manage: all,
    member: all,
    public: ['published/public', 'withdrawn/public'],
    none: ['published/public', 'withdrawn/public'],
  },
  'recommendation.comment': {
    manage: ['consultation/members', 'consultation/public'],
    member: ['consultation/members', 'consultation/public'],
    public: [],
    none: [],
  },
  'recommendation.manage': { manage: all, member: [], public: [], none: [] },
  'recommendation.create': { manage: all, member: [], public: [], none: [] },
}

describe('canInRecommendation', () => {
  for (const action of Object.keys(expected) as RecommendationAction[]) {
    it.each(accesses)(`${action} for %s: every state × visibility`, (access) => {
      expect(every.filter((s) => canInRecommendation(access, s, action, now)).map(label)).toEqual(expected[action][access])
    })
  }

  it('refuses comments once the deadline has passed, even to an officer', () => {
    for (const access of accesses)
      expect(
        canInRecommendation(access, { state: 'consultation', visibility: 'members', commentsDueAt: passed }, 'recommendation.comment', now),
      ).toBe(false)
  })

  it('lets only officers start one in a team, and reads nothing that does not exist', () => {
    expect(accesses.filter((access) => canInRecommendation(access, null, 'recommendation.create'))).toEqual(['manage'])
    expect(accesses.filter((access) => canInRecommendation(access, null, 'recommendation.read'))).toEqual([])
  })
})
