import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createInvitationScene } from '#tests/support/invitations'
import { db, schema } from '~/db.server'
import { addMinutesComment, listMinutesComments, resolveMinutesComment } from './minutes-comment.server'
import { approveMinutes, circulateMinutes, reopenMinutes } from './minutes-cycle.server'
import { getMinutes, saveMinutes, startMinutes } from './minutes.server'

const ip = '192.0.2.46'
const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600 * 1000)

async function circulatedScene() {
  const scene = await createInvitationScene()
  const officer = { userId: scene.accounts.officer.user.id, ip }
  const member = { userId: scene.accounts.member.user.id, ip }
  const minutesId = startMinutes({ meetingId: scene.meetingId, actor: officer })
  const dueAt = inAWeek()
  const circulated = await circulateMinutes({
    meetingId: scene.meetingId,
    commentsDueAt: dueAt,
    baseRevision: getMinutes({ meetingId: scene.meetingId })!.revision,
    actor: officer,
    origin: 'http://localhost',
  })
  expect(circulated.ok).toBe(true)
  const sections = getMinutes({ meetingId: scene.meetingId })!.snapshot.sections
  return { scene, officer, member, minutesId, dueAt, sections }
}

const auditRows = (minutesId: number, action: string) =>
  db
    .select({ after: schema.auditLog.after, ip: schema.auditLog.ip })
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.entityId, String(minutesId)), eq(schema.auditLog.action, action)))
    .all()

describe('comments on circulated minutes', () => {
  it('stores a member’s comment on a section with the section’s title, the author’s institution and an audit row', async () => {
    const { scene, member, minutesId, sections } = await circulatedScene()
    const discussion = sections.find((s) => s.kind === 'discussion')!
    const saved = addMinutesComment({
      meetingId: scene.meetingId,
      sectionId: discussion.id,
      body: 'Proszę dopisać, że PUP  przedstawił\nofertę staży.',
      actor: member,
    })
    expect(saved.ok).toBe(true)
    const whole = addMinutesComment({ meetingId: scene.meetingId, sectionId: null, body: 'Brak uwag do całości.', actor: member })
    expect(whole.ok).toBe(true)

    const comments = listMinutesComments({ minutesId })
    expect(comments).toHaveLength(2)
    expect(comments[0]).toMatchObject({
      sectionId: discussion.id,
      sectionTitle: 'Dyskusja',
      authorName: 'Anna Łęcka',
      body: 'Proszę dopisać, że PUP  przedstawił\nofertę staży.',
      resolution: null,
      resolvedByName: null,
    })
    expect(comments[0]!.authorOrganisation).toMatch(/^Miejski Ośrodek Pomocy Społecznej/)
    expect(comments[1]).toMatchObject({ sectionId: null, sectionTitle: null })
    const audit = auditRows(minutesId, 'minutes.commented')
    expect(audit).toHaveLength(2)
    expect(audit[0]!.ip).toBe(ip)
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ sectionId: discussion.id, sectionTitle: 'Dyskusja' })
  })

  it('refuses a comment after the deadline, on draft minutes and on a section of other minutes, storing nothing', async () => {
    const { scene, member, minutesId, dueAt } = await circulatedScene()
    const other = await circulatedScene()
    const late = addMinutesComment({
      meetingId: scene.meetingId,
      sectionId: null,
      body: 'Za późno.',
      actor: member,
      now: new Date(dueAt.getTime() + 1000),
    })
    expect(late).toEqual({ ok: false, error: 'minutesReview.error.deadlinePassed' })
    const atDeadline = addMinutesComment({
      meetingId: scene.meetingId,
      sectionId: null,
      body: 'Równo w terminie.',
      actor: member,
      now: dueAt,
    })
    expect(atDeadline).toEqual({ ok: false, error: 'minutesReview.error.deadlinePassed' })
    const foreign = addMinutesComment({
      meetingId: scene.meetingId,
      sectionId: other.sections[0]!.id,
      body: 'Nie ta notatka.',
      actor: member,
    })
    expect(foreign).toEqual({ ok: false, error: 'minutesReview.error.section' })

    const reopened = reopenMinutes({
      meetingId: scene.meetingId,
      baseRevision: getMinutes({ meetingId: scene.meetingId })!.revision,
      actor: other.officer,
    })
    expect(reopened.ok).toBe(true)
    const onDraft = addMinutesComment({ meetingId: scene.meetingId, sectionId: null, body: 'Do szkicu.', actor: member })
    expect(onDraft).toEqual({ ok: false, error: 'minutesReview.error.notCirculated' })

    expect(listMinutesComments({ minutesId })).toEqual([])
    expect(auditRows(minutesId, 'minutes.commented')).toEqual([])
  })

  it('keeps a comment readable when its section is removed from the text', async () => {
    const { scene, officer, member, minutesId, sections } = await circulatedScene()
    const intro = sections.find((s) => s.kind === 'introduction')!
    expect(
      addMinutesComment({ meetingId: scene.meetingId, sectionId: intro.id, body: 'Wprowadzenie jest zbędne.', actor: member }).ok,
    ).toBe(true)
    const current = getMinutes({ meetingId: scene.meetingId })!
    const saved = saveMinutes({
      meetingId: scene.meetingId,
      baseRevision: current.revision,
      input: {
        topic: current.snapshot.topic,
        place: current.snapshot.place,
        preparedBy: current.snapshot.preparedBy,
        participants: current.snapshot.participants,
        sections: current.snapshot.sections.filter((s) => s.id !== intro.id),
      },
      actor: officer,
    })
    expect(saved.ok).toBe(true)
    expect(listMinutesComments({ minutesId })[0]).toMatchObject({
      sectionId: null,
      sectionTitle: 'Wprowadzenie',
      body: 'Wprowadzenie jest zbędne.',
    })
  })

  it('lets the secretary resolve an open comment once, with a note and an audit row; approval then goes ahead', async () => {
    const { scene, officer, member, minutesId } = await circulatedScene()
    const added = addMinutesComment({
      meetingId: scene.meetingId,
      sectionId: null,
      body: 'Brakuje nazwiska przedstawiciela PUP.',
      actor: member,
    })
    if (!added.ok) throw new Error(added.error)
    const approveFirst = approveMinutes({
      meetingId: scene.meetingId,
      approvedBy: 'Zespół',
      approvedOn: '2031-06-01',
      baseRevision: getMinutes({ meetingId: scene.meetingId })!.revision,
      actor: officer,
    })
    expect(approveFirst).toEqual({ ok: false, error: 'minutes.error.unresolvedComments' })

    const resolved = resolveMinutesComment({
      meetingId: scene.meetingId,
      commentId: added.id,
      resolution: 'accepted',
      note: 'Dopisano Grzegorza Źdźbło.',
      actor: officer,
    })
    expect(resolved).toEqual({ ok: true })
    const again = resolveMinutesComment({
      meetingId: scene.meetingId,
      commentId: added.id,
      resolution: 'rejected',
      note: 'Zmiana zdania.',
      actor: officer,
    })
    expect(again).toEqual({ ok: false, error: 'minutesReview.error.alreadyResolved' })
    const [comment] = listMinutesComments({ minutesId })
    expect(comment).toMatchObject({
      resolution: 'accepted',
      resolutionNote: 'Dopisano Grzegorza Źdźbło.',
      resolvedByName: 'Gizela Prowadząca',
    })
    expect(comment!.resolvedAt).toBeTruthy()
    const audit = auditRows(minutesId, 'minutes.commentResolved')
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0]!.after!)).toEqual({
      commentId: added.id,
      resolution: 'accepted',
      resolutionNote: 'Dopisano Grzegorza Źdźbło.',
    })

    const approved = approveMinutes({
      meetingId: scene.meetingId,
      approvedBy: 'Zespół',
      approvedOn: '2031-06-01',
      baseRevision: getMinutes({ meetingId: scene.meetingId })!.revision,
      actor: officer,
    })
    expect(approved.ok).toBe(true)
  })

  it('refuses to resolve a comment of other minutes, or once the minutes are approved', async () => {
    const a = await circulatedScene()
    const b = await circulatedScene()
    const added = addMinutesComment({ meetingId: b.scene.meetingId, sectionId: null, body: 'Uwaga do notatki B.', actor: b.member })
    if (!added.ok) throw new Error(added.error)
    expect(
      resolveMinutesComment({ meetingId: a.scene.meetingId, commentId: added.id, resolution: 'accepted', note: null, actor: a.officer }),
    ).toEqual({
      ok: false,
      error: 'minutesReview.error.commentNotFound',
    })
    db.update(schema.documents).set({ state: 'approved' }).where(eq(schema.documents.id, b.minutesId)).run()
    expect(
      resolveMinutesComment({ meetingId: b.scene.meetingId, commentId: added.id, resolution: 'accepted', note: null, actor: b.officer }),
    ).toEqual({
      ok: false,
      error: 'minutesReview.error.resolveLocked',
    })
    expect(listMinutesComments({ minutesId: b.minutesId })[0]!.resolution).toBeNull()
  })
})
