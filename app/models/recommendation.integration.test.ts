import fs from 'node:fs'
import { and, eq, like } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createInvitationScene, createTestMeeting } from '#tests/support/invitations'
import { db, schema } from '~/db.server'
import { translator } from '~/i18n/messages'
import { listComments } from './document/comments.server'
import { listVersions } from './document/versions.server'
import { cancelMeeting } from './meeting.server'
import { addAnnex, annexFile, listAnnexes, removeAnnex } from './recommendation-annex.server'
import {
  addRecommendationComment,
  adoptRecommendation,
  consultationNotice,
  consultationRecipients,
  resolveRecommendationComment,
  returnToDrafting,
  startConsultation,
} from './recommendation-cycle.server'
import { listBodyRecommendations, listRecommendations, meetingsForAdoption } from './recommendation-list.server'
import { createRecommendation, getRecommendation, saveRecommendation, type RecommendationContentInput } from './recommendation.server'

const actorFor = (userId: number) => ({ userId, ip: '198.51.100.7' })
const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600 * 1000)
const origin = 'http://localhost'

function text(overrides: Partial<RecommendationContentInput> = {}): RecommendationContentInput {
  return {
    title: 'Współpraca OPS i PUP w aktywizacji osób długotrwale bezrobotnych',
    summary: 'Zespół zaleca wspólne planowanie działań.',
    addresseeKinds: ['ops', 'pup'],
    chapters: [
      {
        id: null,
        title: 'Diagnoza',
        body: 'Wstęp do rozdziału.',
        items: [
          {
            id: null,
            title: 'Wspólna diagnoza',
            body: 'OPS i PUP przygotowują wspólną diagnozę.',
            addresseeKinds: ['ops'],
            timeFrame: 'do końca 2031 r.',
          },
          { id: null, title: 'Wymiana danych', body: 'Porozumienie o wymianie danych.', addresseeKinds: [], timeFrame: null },
        ],
      },
      {
        id: null,
        title: 'Działania',
        body: '',
        items: [{ id: null, title: 'Wspólne projekty', body: 'Projekty partnerskie.', addresseeKinds: ['ngo'], timeFrame: 'na bieżąco' }],
      },
    ],
    ...overrides,
  }
}

async function scene() {
  const s = await createInvitationScene()
  const officer = actorFor(s.accounts.officer.user.id)
  const id = createRecommendation({ bodyId: s.bodyId, input: { title: 'Projekt', summary: '', addresseeKinds: ['ops'] }, actor: officer })
  return { ...s, officer, id }
}

function audits(id: number) {
  return db
    .select({ action: schema.auditLog.action })
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.entityType, 'recommendation'), eq(schema.auditLog.entityId, String(id))))
    .orderBy(schema.auditLog.id)
    .all()
    .map((row) => row.action)
}

describe('writing recommendations', () => {
  it('starts in drafting with one empty chapter, and saves chapters, numbered items and their details', async () => {
    const s = await scene()
    const started = getRecommendation({ id: s.id })!
    expect(started).toMatchObject({ state: 'drafting', bodyId: s.bodyId, number: null })
    expect(started.snapshot.chapters).toHaveLength(1)
    expect(started.snapshot.convener).toMatch(/^Urząd Miasta Wodzisław Śląski/)

    const saved = saveRecommendation({ id: s.id, baseRevision: started.revision, input: text(), actor: s.officer })
    expect(saved.ok).toBe(true)
    const view = getRecommendation({ id: s.id })!
    expect(view.snapshot.title).toBe(text().title)
    expect(
      view.snapshot.chapters.map((c) => [c.number, c.title, c.items.map((i) => [i.number, i.title, i.addresseeKinds, i.timeFrame])]),
    ).toEqual([
      [
        '1.',
        'Diagnoza',
        [
          ['1.1.', 'Wspólna diagnoza', ['ops'], 'do końca 2031 r.'],
          ['1.2.', 'Wymiana danych', [], null],
        ],
      ],
      ['2.', 'Działania', [['2.1.', 'Wspólne projekty', ['ngo'], 'na bieżąco']]],
    ])
    expect(view.snapshot.members.map((m) => [m.organisation.replace(/ \S+$/, ''), m.delegate, m.deputy]).sort()).toEqual([
      ['Miejski Ośrodek Pomocy Społecznej', 'Anna Łęcka', 'Żaneta Bez-Adresu'],
      ['Powiatowy Urząd Pracy', 'Grzegorz Źdźbło', null],
    ])

    // Ids kept: a second save over the first keeps the items' ids and removes what it leaves out.
    const first = view.snapshot.chapters[0]!
    const again = saveRecommendation({
      id: s.id,
      baseRevision: view.revision,
      input: text({
        chapters: [{ id: first.id, title: 'Diagnoza', body: '', items: [{ ...first.items[1]!, id: first.items[1]!.id, title: 'Dane' }] }],
      }),
      actor: s.officer,
    })
    expect(again.ok).toBe(true)
    const after = getRecommendation({ id: s.id })!.snapshot.chapters
    expect(after).toHaveLength(1)
    expect(after[0]!.items.map((i) => [i.id, i.number, i.title])).toEqual([[first.items[1]!.id, '1.1.', 'Dane']])
    expect(audits(s.id)).toEqual(['recommendation.created', 'recommendation.saved', 'recommendation.saved'])
  })

  it('refuses a save over an older revision and answers with the text saved meanwhile', async () => {
    const s = await scene()
    const base = getRecommendation({ id: s.id })!.revision
    expect(saveRecommendation({ id: s.id, baseRevision: base, input: text({ title: 'Tekst Anny' }), actor: s.officer }).ok).toBe(true)
    const stale = saveRecommendation({ id: s.id, baseRevision: base, input: text({ title: 'Tekst Bogdana' }), actor: s.officer })
    expect(stale.ok).toBe(false)
    if (stale.ok || stale.reason !== 'stale') throw new Error('expected stale')
    expect(stale.current.snapshot.title).toBe('Tekst Anny')
    expect(getRecommendation({ id: s.id })!.snapshot.title).toBe('Tekst Anny')
  })

  it('refuses text past the limits in the model too', async () => {
    const s = await scene()
    const base = getRecommendation({ id: s.id })!.revision
    const tooMany = Array.from({ length: 51 }, () => ({ id: null, title: 'R', body: '', items: [] }))
    expect(() => saveRecommendation({ id: s.id, baseRevision: base, input: text({ chapters: tooMany }), actor: s.officer })).toThrow()
    expect(() => saveRecommendation({ id: s.id, baseRevision: base, input: text({ title: 'x'.repeat(301) }), actor: s.officer })).toThrow()
    expect(getRecommendation({ id: s.id })!.revision).toBe(base)
  })

  it('keeps annexes as files of the document, typed by their bytes', async () => {
    const s = await scene()
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')
    const before = getRecommendation({ id: s.id })!.revision
    const added = addAnnex({ id: s.id, title: 'Diagnoza zespołu', file: { fileName: 'diagnoza łódzka.pdf', bytes: pdf }, actor: s.officer })
    if (!added.ok) throw new Error(added.error)
    expect(
      addAnnex({ id: s.id, title: 'Skrypt', file: { fileName: 'x.pdf', bytes: Buffer.from('#!/bin/sh\n') }, actor: s.officer }),
    ).toEqual({
      ok: false,
      error: 'recommendation.error.annex.fileType',
    })
    expect(listAnnexes({ id: s.id })).toMatchObject([{ title: 'Diagnoza zespołu', fileName: 'diagnoza łódzka.pdf', sizeBytes: pdf.length }])
    const file = annexFile({ id: s.id, fileId: added.fileId })!
    expect(file.contentType).toBe('application/pdf')
    expect(fs.readFileSync(file.path)).toEqual(pdf)
    expect(getRecommendation({ id: s.id })!.snapshot.annexes).toHaveLength(1)
    // An annex is part of the document: a save or step over the revision before it is stale.
    expect(getRecommendation({ id: s.id })!.revision).toBe(before + 1)
    expect(removeAnnex({ id: s.id, fileId: added.fileId, actor: s.officer })).toEqual({ ok: true })
    expect(getRecommendation({ id: s.id })!.revision).toBe(before + 2)
    expect(listAnnexes({ id: s.id })).toEqual([])
    expect(fs.existsSync(file.path)).toBe(false)
    expect(audits(s.id)).toEqual(['recommendation.created', 'recommendation.annexAdded', 'recommendation.annexRemoved'])
  })
})

describe('the consultation and the adoption', () => {
  it('sends the text to the team, takes comments until the deadline, and adopts it once they are resolved', async () => {
    const s = await scene()
    const base = getRecommendation({ id: s.id })!.revision
    expect(saveRecommendation({ id: s.id, baseRevision: base, input: text(), actor: s.officer }).ok).toBe(true)
    let view = getRecommendation({ id: s.id })!

    expect(
      await startConsultation({
        id: s.id,
        commentsDueAt: new Date(Date.now() - 1000),
        baseRevision: view.revision,
        actor: s.officer,
        origin,
      }),
    ).toEqual({
      ok: false,
      error: 'recommendation.error.deadlinePast',
    })
    expect(consultationRecipients({ id: s.id }).withoutEmail.map((p) => p.name)).toEqual(['Żaneta Bez-Adresu'])
    const due = inAWeek()
    const started = await startConsultation({ id: s.id, commentsDueAt: due, baseRevision: view.revision, actor: s.officer, origin })
    // The MOPS and PUP delegates and the officer; the deputy has no address.
    expect(started).toEqual({ ok: true, version: 1, mailed: 3, withoutEmail: 1 })
    if (!started.ok) throw new Error(started.error)
    const t = translator('pl')
    expect(
      consultationNotice(started, 'pl')
        .map(({ key, params }) => t(key, params))
        .join(' '),
    ).toBe('Wysłano projekt do uwag 3 osobom. 1 osoba bez adresu e-mail nie dostała wiadomości.')
    const mail = db
      .select()
      .from(schema.outbox)
      .where(like(schema.outbox.text, `%/recommendations/${s.id}%`))
      .all()
    expect(mail.map((m) => m.to).join(' ')).toContain(s.emails.mopsDelegate)
    expect(mail.map((m) => m.to).join(' ')).toContain(s.emails.pupDelegate)
    expect(mail[0]!.subject).toBe(`Projekt rekomendacji do uwag: ${text().title}`)
    expect(mail).toHaveLength(3)

    view = getRecommendation({ id: s.id })!
    expect(view.state).toBe('consultation')
    expect(view.commentsDueAt).toBe(due.toISOString())
    const item = view.snapshot.chapters[0]!.items[0]!
    const member = { userId: s.accounts.member.user.id, ip: null }
    // The annexes are those of the text sent out: none is added during the consultation.
    const pdf = Buffer.from('%PDF-1.7\n%%EOF\n')
    expect(addAnnex({ id: s.id, title: 'Późny załącznik', file: { fileName: 'a.pdf', bytes: pdf }, actor: s.officer })).toEqual({
      ok: false,
      error: 'recommendation.error.wrongState',
    })
    // Comments are about a numbered recommendation or the whole text, not about a chapter.
    expect(addRecommendationComment({ id: s.id, sectionId: view.snapshot.chapters[0]!.id, body: 'Do rozdziału.', actor: member })).toEqual({
      ok: false,
      error: 'recommendation.error.comment.section',
    })
    const comment = addRecommendationComment({ id: s.id, sectionId: item.id, body: 'Dodać termin.', actor: member })
    if (!comment.ok) throw new Error(comment.error)
    expect(
      addRecommendationComment({ id: s.id, sectionId: item.id, body: 'Za późno.', actor: member, now: new Date(due.getTime() + 1000) }),
    ).toEqual({ ok: false, error: 'recommendation.error.comment.deadlinePassed' })

    const meetingId = s.meetingId
    expect(meetingsForAdoption({ bodyId: s.bodyId }).map((m) => m.id)).toContain(meetingId)
    expect(adoptRecommendation({ id: s.id, meetingId, baseRevision: view.revision, actor: s.officer })).toEqual({
      ok: false,
      error: 'recommendation.error.unresolvedComments',
    })
    expect(
      resolveRecommendationComment({ id: s.id, commentId: comment.id, resolution: 'accepted', note: 'Dodano.', actor: s.officer }),
    ).toEqual({ ok: true })
    expect(listComments({ documentId: s.id })).toMatchObject([
      { body: 'Dodać termin.', resolution: 'accepted', sectionTitle: 'Wspólna diagnoza' },
    ])

    // Another team's meeting or a cancelled one is refused.
    const otherMeeting = createTestMeeting(s.otherBodyId)
    expect(adoptRecommendation({ id: s.id, meetingId: otherMeeting, baseRevision: view.revision, actor: s.officer })).toEqual({
      ok: false,
      error: 'recommendation.error.meeting',
    })
    const cancelled = createTestMeeting(s.bodyId, { startsAt: '2031-06-20T10:00', endsAt: '2031-06-20T12:00' })
    cancelMeeting({ id: cancelled, reason: 'Brak kworum.', actor: s.officer })
    expect(adoptRecommendation({ id: s.id, meetingId: cancelled, baseRevision: view.revision, actor: s.officer })).toEqual({
      ok: false,
      error: 'recommendation.error.meeting',
    })

    expect(adoptRecommendation({ id: s.id, meetingId, baseRevision: view.revision, actor: s.officer })).toEqual({ ok: true, version: 2 })
    view = getRecommendation({ id: s.id })!
    expect(view).toMatchObject({ state: 'adopted', adoptedMeetingId: meetingId, adoptedOn: '2031-05-16' })
    expect(view.snapshot.adoption).toMatchObject({ meetingId, adoptedOn: '2031-05-16' })
    expect(saveRecommendation({ id: s.id, baseRevision: view.revision, input: text(), actor: s.officer })).toEqual({
      ok: false,
      reason: 'locked',
    })

    expect(returnToDrafting({ id: s.id, baseRevision: view.revision, actor: s.officer })).toEqual({ ok: true, version: 3 })
    expect(getRecommendation({ id: s.id })).toMatchObject({ state: 'drafting', adoptedMeetingId: null, adoptedOn: null })
    expect(listVersions({ documentId: s.id }).map((v) => v.state)).toEqual(['drafting', 'adopted', 'consultation'])
    expect(audits(s.id)).toEqual([
      'recommendation.created',
      'recommendation.saved',
      'recommendation.consultationStarted',
      'recommendation.commented',
      'recommendation.commentResolved',
      'recommendation.adopted',
      'recommendation.returnedToDrafting',
    ])
  })

  it('refuses to adopt a text without any recommendation', async () => {
    const s = await scene()
    const view = getRecommendation({ id: s.id })!
    expect(adoptRecommendation({ id: s.id, meetingId: s.meetingId, baseRevision: view.revision, actor: s.officer })).toEqual({
      ok: false,
      error: 'recommendation.error.empty',
    })
  })
})

describe('lists', () => {
  it('shows drafts to the team only', async () => {
    const s = await scene()
    const mine = listRecommendations({ user: s.accounts.member.user, bodyId: s.bodyId, page: 1 })
    expect(mine.rows.map((r) => r.id)).toEqual([s.id])
    expect(mine.years).toContain(new Date().getFullYear())
    expect(listRecommendations({ user: s.accounts.outsider.user, bodyId: s.bodyId, page: 1 })).toMatchObject({ rows: [], total: 0 })
    expect(listRecommendations({ user: null, bodyId: s.bodyId, page: 1 }).total).toBe(0)
    expect(listBodyRecommendations({ bodyId: s.bodyId, access: 'public', page: 1 }).total).toBe(0)
    expect(listBodyRecommendations({ bodyId: s.bodyId, access: 'member', page: 1 }).rows.map((r) => r.state)).toEqual(['drafting'])
  })
})
