import crypto from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createInvitationScene, createTestMeeting } from '#tests/support/invitations'
import { db, schema } from '~/db.server'
import { getPublishedPdf, getPublishedVersion } from './document/versions.server'
import { adoptRecommendation, publishRecommendation, withdrawRecommendation } from './recommendation-cycle.server'
import { listPublicRecommendations, listRecommendations } from './recommendation-list.server'
import type { RecommendationSnapshot } from './recommendation-snapshot'
import { createRecommendation, getRecommendation, saveRecommendation } from './recommendation.server'

const origin = 'http://localhost'

async function team(pattern: string | null = null) {
  const s = await createInvitationScene()
  db.update(schema.bodies).set({ recommendationNumberPattern: pattern }).where(eq(schema.bodies.id, s.bodyId)).run()
  return { ...s, officer: { userId: s.accounts.officer.user.id, ip: '198.51.100.8' } }
}

type Team = Awaited<ReturnType<typeof team>>

/** A recommendation of the team adopted at a meeting of 2031 (Warsaw day 16.05.2031). */
function adopted(s: Team, title = 'Współpraca OPS i PUP') {
  const id = createRecommendation({ bodyId: s.bodyId, input: { title, summary: '', addresseeKinds: ['ops'] }, actor: s.officer })
  const base = getRecommendation({ id })!
  const chapter = base.snapshot.chapters[0]!
  const input = {
    title,
    summary: 'Streszczenie.',
    addresseeKinds: ['ops' as const],
    chapters: [
      {
        id: chapter.id,
        title: 'Diagnoza',
        body: '',
        items: [{ id: null, title: 'Wspólna diagnoza', body: 'Tekst.', addresseeKinds: [], timeFrame: null }],
      },
    ],
  }
  expect(saveRecommendation({ id, baseRevision: base.revision, input, actor: s.officer }).ok).toBe(true)
  const meetingId = createTestMeeting(s.bodyId, { startsAt: '2031-05-16T13:00', endsAt: '2031-05-16T15:00' })
  expect(adoptRecommendation({ id, meetingId, baseRevision: getRecommendation({ id })!.revision, actor: s.officer }).ok).toBe(true)
  return id
}

async function publish(s: Team, id: number, visibility: 'members' | 'public' = 'public') {
  const result = await publishRecommendation({
    id,
    visibility,
    baseRevision: getRecommendation({ id })!.revision,
    actor: s.officer,
    origin,
  })
  if (!result.ok) throw new Error(result.error)
  return getRecommendation({ id })!
}

describe('publishing recommendations', () => {
  it('numbers them 1 and 2 in the year of adoption, archives the PDF with its hash and code, and keeps it verifiable after a withdrawal', async () => {
    const s = await team()
    const first = adopted(s, 'Pierwsze')
    const second = adopted(s, 'Drugie')
    expect(getRecommendation({ id: first })!.number).toBeNull()

    const one = await publish(s, first)
    expect(one).toMatchObject({ state: 'published', visibility: 'public', number: 'REK/1/2031' })
    const version = getPublishedVersion<RecommendationSnapshot>({ documentId: first })!
    expect(version.snapshot.number).toBe('REK/1/2031')
    expect(version.snapshot.publication?.code).toBe(version.verificationCode)
    expect(version.snapshot.publication?.verifyUrl).toBe(`${origin}/verify/${version.verificationCode}`)
    const pdf = getPublishedPdf({ versionId: version.id })!
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(version.pdfSha256).toBe(crypto.createHash('sha256').update(pdf).digest('hex'))

    expect((await publish(s, second, 'members')).number).toBe('REK/2/2031')

    expect(withdrawRecommendation({ id: first, reason: '  ', baseRevision: one.revision, actor: s.officer })).toEqual({
      ok: false,
      error: 'recommendation.error.reasonMissing',
    })
    expect(withdrawRecommendation({ id: first, reason: 'x'.repeat(2001), baseRevision: one.revision, actor: s.officer }).ok).toBe(false)
    expect(withdrawRecommendation({ id: first, reason: 'Zastąpione nowymi.', baseRevision: one.revision, actor: s.officer }).ok).toBe(true)
    const withdrawn = getRecommendation({ id: first })!
    expect(withdrawn).toMatchObject({ state: 'withdrawn', withdrawnReason: 'Zastąpione nowymi.', number: 'REK/1/2031' })
    // The record stays: the same published version, code and bytes.
    const still = getPublishedVersion<RecommendationSnapshot>({ documentId: first })!
    expect([still.id, still.verificationCode, still.pdfSha256]).toEqual([version.id, version.verificationCode, version.pdfSha256])

    // A number withdrawn is never given again.
    const third = adopted(s, 'Trzecie')
    expect((await publish(s, third)).number).toBe('REK/3/2031')

    // Outsiders see what was published to anyone, the withdrawn one too; not the members-only one.
    const seen = listRecommendations({ user: s.accounts.outsider.user, bodyId: s.bodyId, page: 1 }).rows.map((r) => r.id)
    expect(seen.sort()).toEqual([first, third].sort())
    expect(listPublicRecommendations({ page: 1 }).rows.map((r) => r.id)).not.toContain(second)
    expect(listRecommendations({ user: s.accounts.member.user, bodyId: s.bodyId, page: 1 }).total).toBe(3)

    const actions = db
      .select({ action: schema.auditLog.action })
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.entityType, 'recommendation'), eq(schema.auditLog.entityId, String(first))))
      .all()
      .map((row) => row.action)
    expect(actions).toEqual([
      'recommendation.created',
      'recommendation.saved',
      'recommendation.adopted',
      'recommendation.published',
      'recommendation.withdrawn',
    ])
  })

  it("writes the number by the team's pattern", async () => {
    const s = await team('ROPS-KR/{rok}/REK/{nr}')
    const id = adopted(s)
    expect((await publish(s, id)).number).toBe('ROPS-KR/2031/REK/1')
  })

  it('numbers each team from its own counter: two teams on the default pattern both publish their first of the year', async () => {
    const a = await team()
    const b = await team()
    const first = await publish(a, adopted(a))
    const second = await publish(b, adopted(b))
    expect(first.number).toBe(second.number)
    expect(second.state).toBe('published')
  })

  it('keeps the default pattern for a team whose pattern has no place for the number', async () => {
    const s = await team('ROPS-KR/REK/{rok}')
    expect((await publish(s, adopted(s))).number).toMatch(/^REK\/1\/\d{4}$/)
  })

  it('publishes nothing when the text changed meanwhile, and refuses what is not adopted', async () => {
    const s = await team()
    const id = adopted(s)
    const stale = getRecommendation({ id })!.revision - 1
    expect(await publishRecommendation({ id, visibility: 'public', baseRevision: stale, actor: s.officer, origin })).toEqual({
      ok: false,
      error: 'recommendation.error.stale',
    })
    const draft = createRecommendation({ bodyId: s.bodyId, input: { title: 'Szkic', summary: '', addresseeKinds: [] }, actor: s.officer })
    expect(
      await publishRecommendation({
        id: draft,
        visibility: 'public',
        baseRevision: getRecommendation({ id: draft })!.revision,
        actor: s.officer,
        origin,
      }),
    ).toEqual({ ok: false, error: 'recommendation.error.wrongState' })
    expect(getRecommendation({ id })!.number).toBeNull()
  })
})
