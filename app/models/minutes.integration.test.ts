import { desc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createInvitationScene, createTestPerson } from '#tests/support/invitations'
import { db, schema } from '~/db.server'
import { addAgendaItem } from './agenda.server'
import { setAttendance } from './attendance.server'
import { addPersonGuest, inviteMembers, listInvitations } from './invitation.server'
import { getMeetingAccess } from './meeting.server'
import { approveMinutes, circulateMinutes, publishMinutes, reopenMinutes } from './minutes-cycle.server'
import {
  getMinutes,
  getMinutesAccess,
  getPublishedVersion,
  listMinutesVersions,
  saveMinutes,
  startMinutes,
  type MinutesView,
} from './minutes.server'

const ORIGIN = 'https://narada.example.pl'
const actorFor = (userId: number) => ({ userId, ip: '198.51.100.9' })

function agendaItem(meetingId: number, kind: 'presentation' | 'break' | 'discussion', title: string, description?: string) {
  const saved = addAgendaItem({
    meetingId,
    input: { day: '2031-05-16', kind, title, description, speakerIds: [] },
    actor: { userId: null, ip: null },
  })
  if (!saved.ok) throw new Error(JSON.stringify(saved))
}

/** The live text as the editor would send it back unchanged, with one section's body replaced. */
function contentOf(view: MinutesView, bodies: Record<string, string> = {}) {
  const s = view.snapshot
  return {
    topic: s.topic,
    place: s.place,
    preparedBy: s.preparedBy,
    participants: s.participants,
    sections: s.sections.map((section) => ({ id: section.id, title: section.title, body: bodies[section.title] ?? section.body })),
  }
}

const lastOutboxId = () => db.select({ id: schema.outbox.id }).from(schema.outbox).orderBy(desc(schema.outbox.id)).get()?.id ?? 0

describe('starting the minutes', () => {
  it('takes the people marked present, by institution, and a section for every agenda item but breaks', async () => {
    const scene = await createInvitationScene()
    const actor = actorFor(scene.accounts.officer.user.id)
    inviteMembers({ meetingId: scene.meetingId, actor })
    const guest = createTestPerson(scene.organisations.other, 'Gość Nieobecny')
    addPersonGuest({ meetingId: scene.meetingId, personId: guest, actor })
    const invitations = listInvitations({ meetingId: scene.meetingId })
    const present = invitations.filter((row) => row.name === 'Anna Łęcka' || row.name === 'Grzegorz Źdźbło')
    setAttendance({
      meetingId: scene.meetingId,
      entries: invitations.map((row) => ({
        invitationId: row.id,
        state: present.includes(row) ? ('present' as const) : ('absent' as const),
      })),
      actor,
    })
    agendaItem(scene.meetingId, 'presentation', 'Oferta PUP dla osób 50+', 'Prezentacja dyrektora PUP.')
    agendaItem(scene.meetingId, 'break', 'Przerwa kawowa')
    agendaItem(scene.meetingId, 'discussion', 'Porozumienie MOPS–PUP')

    startMinutes({ meetingId: scene.meetingId, actor })
    const minutes = getMinutes({ meetingId: scene.meetingId })!
    expect(minutes.state).toBe('draft')
    expect(minutes.snapshot.participants.map((p) => p.name).sort()).toEqual(['Anna Łęcka', 'Grzegorz Źdźbło'])
    expect(minutes.snapshot.participants.find((p) => p.name === 'Anna Łęcka')?.organisation).toMatch(/^Miejski Ośrodek Pomocy Społecznej/)
    expect(minutes.snapshot.sections.map((s) => [s.kind, s.title, s.body])).toEqual([
      ['introduction', 'Wprowadzenie', ''],
      ['agenda_item', 'Oferta PUP dla osób 50+', 'Prezentacja dyrektora PUP.'],
      // The agenda's own discussion item stands for the generic „Dyskusja”.
      ['agenda_item', 'Porozumienie MOPS–PUP', ''],
      ['decisions', 'Ustalenia', ''],
    ])
    expect(minutes.snapshot.preparedBy).toBe('Gizela Prowadząca')
    // Starting twice keeps the minutes already written.
    expect(startMinutes({ meetingId: scene.meetingId, actor })).toBe(minutes.id)
  })

  it('takes everyone invited when no attendance was taken', async () => {
    const scene = await createInvitationScene()
    const actor = actorFor(scene.accounts.officer.user.id)
    inviteMembers({ meetingId: scene.meetingId, actor })
    startMinutes({ meetingId: scene.meetingId, actor })
    const names = getMinutes({ meetingId: scene.meetingId })!.snapshot.participants.map((p) => p.name)
    expect(names.sort()).toEqual(['Anna Łęcka', 'Grzegorz Źdźbło', 'Żaneta Bez-Adresu'])
  })
})

describe('saving the minutes', () => {
  it('refuses a save based on an old revision and changes nothing', async () => {
    const scene = await createInvitationScene()
    const actor = actorFor(scene.accounts.officer.user.id)
    startMinutes({ meetingId: scene.meetingId, actor })
    const loaded = getMinutes({ meetingId: scene.meetingId })!

    const first = saveMinutes({
      meetingId: scene.meetingId,
      baseRevision: loaded.revision,
      input: contentOf(loaded, { Dyskusja: 'Pierwszy zapis.' }),
      actor,
    })
    expect(first).toEqual({ ok: true, revision: loaded.revision + 1 })
    const second = saveMinutes({
      meetingId: scene.meetingId,
      baseRevision: loaded.revision,
      input: contentOf(loaded, { Dyskusja: 'Drugi zapis, z tej samej wersji.' }),
      actor,
    })
    expect(second.ok).toBe(false)
    if (second.ok || second.reason !== 'stale') throw new Error('expected a stale save')
    expect(second.current.revision).toBe(loaded.revision + 1)
    expect(second.current.updatedByUserName).toBe('Gizela Prowadząca')

    const now = getMinutes({ meetingId: scene.meetingId })!
    expect(now.revision).toBe(loaded.revision + 1)
    expect(now.snapshot.sections.find((s) => s.title === 'Dyskusja')?.body).toBe('Pierwszy zapis.')
    const audits = db
      .select({ action: schema.auditLog.action })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.entityId, String(now.id)))
      .all()
    expect(audits.filter((a) => a.action === 'minutes.saved')).toHaveLength(1)
  })
})

describe('the approval cycle', () => {
  it('freezes a version at each step, draft → circulated → approved → published, and e-mails the team on circulation', async () => {
    const scene = await createInvitationScene()
    const actor = actorFor(scene.accounts.officer.user.id)
    startMinutes({ meetingId: scene.meetingId, actor })
    let minutes = getMinutes({ meetingId: scene.meetingId })!
    const saved = saveMinutes({
      meetingId: scene.meetingId,
      baseRevision: minutes.revision,
      input: contentOf(minutes, { Ustalenia: '- zawrzeć porozumienie MOPS–PUP' }),
      actor,
    })
    if (!saved.ok) throw new Error('save failed')

    const outboxBefore = lastOutboxId()
    const dueAt = new Date(Date.now() + 7 * 86_400_000)
    const circulated = await circulateMinutes({
      meetingId: scene.meetingId,
      commentsDueAt: dueAt,
      baseRevision: saved.revision,
      actor,
      origin: ORIGIN,
    })
    expect(circulated).toMatchObject({ ok: true, version: 1 })
    const mails = db
      .select()
      .from(schema.outbox)
      .all()
      .filter((row) => row.id > outboxBefore)
    // The notice's count is the messages really queued.
    expect(circulated).toMatchObject({ mailed: mails.length })
    const recipients = mails.map((m) => m.to).join('\n')
    expect(recipients).toContain(scene.emails.mopsDelegate)
    expect(recipients).toContain(scene.emails.pupDelegate)
    expect(recipients).toContain(scene.accounts.officer.email)
    expect(recipients).not.toContain(scene.emails.outsider)
    expect(mails.every((m) => m.text.includes(`${ORIGIN}/meetings/${scene.meetingId}/minutes`))).toBe(true)

    minutes = getMinutes({ meetingId: scene.meetingId })!
    expect(minutes.state).toBe('circulated')
    expect(
      getMinutesAccess({
        meetingId: scene.meetingId,
        meeting: getMeetingAccess({ meetingId: scene.meetingId, user: scene.accounts.member.user }),
      }).comment,
    ).toBe(true)
    expect(
      getMinutesAccess({
        meetingId: scene.meetingId,
        meeting: getMeetingAccess({ meetingId: scene.meetingId, user: scene.accounts.outsider.user }),
      }).read,
    ).toBe(false)

    // A stale step is refused: the revision moved on with the circulation.
    expect(
      approveMinutes({ meetingId: scene.meetingId, approvedBy: 'Zespół', approvedOn: '2031-06-01', baseRevision: saved.revision, actor }),
    ).toEqual({ ok: false, error: 'minutes.error.stale' })
    expect(
      approveMinutes({
        meetingId: scene.meetingId,
        approvedBy: 'Zespół na spotkaniu nr 2',
        approvedOn: '2031-06-01',
        baseRevision: minutes.revision,
        actor,
      }),
    ).toEqual({ ok: true, version: 2 })

    minutes = getMinutes({ meetingId: scene.meetingId })!
    expect(
      await publishMinutes({ meetingId: scene.meetingId, visibility: 'members', baseRevision: minutes.revision, actor, origin: ORIGIN }),
    ).toEqual({ ok: true, version: 3 })

    minutes = getMinutes({ meetingId: scene.meetingId })!
    expect(minutes.state).toBe('published')
    const versions = listMinutesVersions({ minutesId: minutes.id })
    expect(versions.map((v) => [v.number, v.state])).toEqual([
      [3, 'published'],
      [2, 'approved'],
      [1, 'circulated'],
    ])
    const published = getPublishedVersion({ minutesId: minutes.id })!
    expect(published.number).toBe(3)
    expect(published.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/)
    expect(published.pdfSha256).toMatch(/^[0-9a-f]{64}$/)
    expect(published.snapshot.approvedBy).toBe('Zespół na spotkaniu nr 2')
    expect(published.snapshot.sections.find((s) => s.title === 'Ustalenia')?.body).toBe('- zawrzeć porozumienie MOPS–PUP')
    // Published minutes are not reopened: the record is not rewritten.
    expect(reopenMinutes({ meetingId: scene.meetingId, baseRevision: minutes.revision, actor })).toEqual({
      ok: false,
      error: 'minutes.error.wrongState',
    })
  })

  it('refuses approval while a comment is unresolved, and approves once it is resolved', async () => {
    const scene = await createInvitationScene()
    const actor = actorFor(scene.accounts.officer.user.id)
    const minutesId = startMinutes({ meetingId: scene.meetingId, actor })
    let minutes = getMinutes({ meetingId: scene.meetingId })!
    await circulateMinutes({
      meetingId: scene.meetingId,
      commentsDueAt: new Date(Date.now() + 86_400_000),
      baseRevision: minutes.revision,
      actor,
      origin: ORIGIN,
    })
    minutes = getMinutes({ meetingId: scene.meetingId })!
    const section = minutes.snapshot.sections[0]!
    const { id: commentId } = db
      .insert(schema.documentComments)
      .values({
        documentId: minutesId,
        sectionId: section.id,
        sectionTitle: section.title,
        authorUserId: scene.accounts.member.user.id,
        body: 'Proszę dopisać nazwę programu.',
      })
      .returning({ id: schema.documentComments.id })
      .get()

    const approve = () =>
      approveMinutes({
        meetingId: scene.meetingId,
        approvedBy: 'Zespół na spotkaniu',
        approvedOn: '2031-06-01',
        baseRevision: minutes.revision,
        actor,
      })
    expect(approve()).toEqual({ ok: false, error: 'minutes.error.unresolvedComments' })
    expect(getMinutes({ meetingId: scene.meetingId })!.state).toBe('circulated')
    expect(listMinutesVersions({ minutesId })).toHaveLength(1)

    db.update(schema.documentComments)
      .set({ resolution: 'accepted', resolvedAt: new Date().toISOString() })
      .where(eq(schema.documentComments.id, commentId))
      .run()
    expect(approve()).toEqual({ ok: true, version: 2 })
  })

  it('takes back the approval when approved minutes return to draft, keeping it in the frozen approved version', async () => {
    const scene = await createInvitationScene()
    const actor = actorFor(scene.accounts.officer.user.id)
    startMinutes({ meetingId: scene.meetingId, actor })
    const approve = approveMinutes({
      meetingId: scene.meetingId,
      approvedBy: 'Zespół na spotkaniu nr 2',
      approvedOn: '2031-06-01',
      baseRevision: getMinutes({ meetingId: scene.meetingId })!.revision,
      actor,
    })
    expect(approve).toEqual({ ok: true, version: 1 })
    expect(
      reopenMinutes({ meetingId: scene.meetingId, baseRevision: getMinutes({ meetingId: scene.meetingId })!.revision, actor }),
    ).toEqual({ ok: true, version: 2 })

    const draft = getMinutes({ meetingId: scene.meetingId })!
    expect(draft.state).toBe('draft')
    expect(draft.approvedAt).toBeNull()
    expect(draft.snapshot).toMatchObject({ approvedBy: null, approvedOn: null })
    const versions = db
      .select({ number: schema.documentVersions.number, snapshot: schema.documentVersions.snapshot })
      .from(schema.documentVersions)
      .where(eq(schema.documentVersions.documentId, draft.id))
      .all()
    expect(JSON.parse(versions.find((v) => v.number === 1)!.snapshot)).toMatchObject({
      approvedBy: 'Zespół na spotkaniu nr 2',
      approvedOn: '2031-06-01',
    })
    expect(JSON.parse(versions.find((v) => v.number === 2)!.snapshot)).toMatchObject({ approvedBy: null, approvedOn: null })
  })

  it('refuses a deadline for comments in the past', async () => {
    const scene = await createInvitationScene()
    const actor = actorFor(scene.accounts.officer.user.id)
    startMinutes({ meetingId: scene.meetingId, actor })
    const minutes = getMinutes({ meetingId: scene.meetingId })!
    const result = await circulateMinutes({
      meetingId: scene.meetingId,
      commentsDueAt: new Date(Date.now() - 60_000),
      baseRevision: minutes.revision,
      actor,
      origin: ORIGIN,
    })
    expect(result).toEqual({ ok: false, error: 'minutes.error.deadlinePast' })
    expect(getMinutes({ meetingId: scene.meetingId })!.state).toBe('draft')
  })
})
