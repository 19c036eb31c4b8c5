import crypto from 'node:crypto'
import { desc, eq, inArray } from 'drizzle-orm'
import ICAL from 'ical.js'
import type { ParsedMail } from 'mailparser'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createInvitationScene, createTestMeeting, seat, createTestOrganisation, createTestPerson } from '#tests/support/invitations'
import { startSmtpServer, type TestSmtpServer } from '#tests/support/smtp'
import { db, schema } from '~/db.server'
import { AddGuestSchema } from '~/schemas/invitation'
import { MeetingSchema } from '~/schemas/meeting'
import { SYSTEM_ACTOR } from './audit.server'
import {
  addGuest,
  addPersonGuest,
  answerInvitation,
  countAnswers,
  getInvitationByToken,
  getMyInvitation,
  hashToken,
  inviteMembers,
  listInvitations,
  notifyMeetingChanged,
  removeInvitation,
  sendInvitations,
} from './invitation.server'
import { cancelMeeting, getMeeting, updateMeeting } from './meeting.server'

const actor = { userId: null, ip: '198.51.100.7' }
const ORIGIN = 'https://narada.example.pl'
const LINK = /https:\/\/narada\.example\.pl\/invitations\/([A-Za-z0-9_-]+)/

function outboxSince(id: number) {
  return db
    .select()
    .from(schema.outbox)
    .orderBy(desc(schema.outbox.id))
    .all()
    .filter((row) => row.id > id)
    .reverse()
}
const lastOutboxId = () => db.select({ id: schema.outbox.id }).from(schema.outbox).orderBy(desc(schema.outbox.id)).get()?.id ?? 0

function meetingAudit(meetingId: number) {
  return db
    .select()
    .from(schema.auditLog)
    .where(eq(schema.auditLog.entityId, String(meetingId)))
    .all()
    .filter((r) => r.entityType === 'meeting')
}

afterEach(() => {
  delete process.env.SMTP_URL
})

describe('inviting the team', () => {
  it('invites the delegates and deputies of the institutions seated on the meeting day, once', async () => {
    const scene = await createInvitationScene()
    // An institution that joins only after the meeting is not invited to it.
    const late = createTestOrganisation('Ochotnicze Hufce Pracy')
    seat(scene.bodyId, late, createTestPerson(late, 'Spóźniony Delegat', 'spozniony@ohp.test'), undefined, '2040-01-01')

    expect(inviteMembers({ meetingId: scene.meetingId, actor })).toEqual({ added: 3, unstaffed: 0, seats: 2 })
    expect(inviteMembers({ meetingId: scene.meetingId, actor })).toEqual({ added: 0, unstaffed: 0, seats: 2 })
    const rows = listInvitations({ meetingId: scene.meetingId })
    expect(rows.map((r) => [r.name, r.kind]).sort()).toEqual([
      ['Anna Łęcka', 'delegate'],
      ['Grzegorz Źdźbło', 'delegate'],
      ['Żaneta Bez-Adresu', 'deputy'],
    ])
    expect(rows.every((r) => r.response === 'pending' && r.sentAt === null)).toBe(true)
    expect(meetingAudit(scene.meetingId).filter((r) => r.action === 'invitation.membersInvited')).toHaveLength(1)
  })

  it('adds guests from any institution or by name and e-mail, and refuses unknown people and duplicates', async () => {
    const scene = await createInvitationScene()
    inviteMembers({ meetingId: scene.meetingId, actor })
    expect(addPersonGuest({ meetingId: scene.meetingId, personId: scene.people.outsider, actor }).ok).toBe(true)
    expect(addPersonGuest({ meetingId: scene.meetingId, personId: scene.people.outsider, actor })).toEqual({
      ok: false,
      fieldErrors: { personId: ['invitations.alreadyInvited'] },
    })
    expect(addPersonGuest({ meetingId: scene.meetingId, personId: scene.people.mopsDelegate, actor })).toEqual({
      ok: false,
      fieldErrors: { personId: ['invitations.alreadyInvited'] },
    })
    expect(addPersonGuest({ meetingId: scene.meetingId, personId: 987_654_321, actor })).toEqual({
      ok: false,
      fieldErrors: { personId: ['validation.person'] },
    })

    const guest = AddGuestSchema.parse({ name: 'Jan Gość', email: 'jan.gosc@lexcivis.test', organisation: 'Stowarzyszenie Lex Civis' })
    expect(addGuest({ meetingId: scene.meetingId, input: guest, actor }).ok).toBe(true)
    expect(addGuest({ meetingId: scene.meetingId, input: { ...guest, email: 'JAN.GOSC@lexcivis.test' }, actor })).toEqual({
      ok: false,
      fieldErrors: { email: ['invitations.alreadyInvited'] },
    })
    const malformed = AddGuestSchema.safeParse({ name: 'Jan Gość', email: 'jan.gosc@' })
    expect(malformed.success).toBe(false)
    expect(malformed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['email', 'validation.email']])

    const rows = listInvitations({ meetingId: scene.meetingId })
    expect(rows.find((r) => r.name === 'Jan Gość')).toMatchObject({
      kind: 'guest',
      email: 'jan.gosc@lexcivis.test',
      organisation: 'Stowarzyszenie Lex Civis',
    })
    expect(rows.find((r) => r.name === 'Ołeksandra Obca')).toMatchObject({
      kind: 'guest',
      organisation: expect.stringContaining('Fundacja Inny Zespół'),
    })

    const removed = rows.find((r) => r.name === 'Jan Gość')!
    removeInvitation({ meetingId: scene.meetingId, invitationId: removed.id, actor })
    expect(listInvitations({ meetingId: scene.meetingId }).map((r) => r.id)).not.toContain(removed.id)
    // An invitation of another meeting is not found through this one.
    const other = listInvitations({ meetingId: scene.meetingId })[0]!
    expect(() => removeInvitation({ meetingId: createTestMeeting(scene.bodyId), invitationId: other.id, actor })).toThrow()
  })
})

describe('personal links', () => {
  it('are random, stored only as SHA-256, and each opens only its own invitation', async () => {
    const scene = await createInvitationScene()
    inviteMembers({ meetingId: scene.meetingId, actor })
    const since = lastOutboxId()
    const report = await sendInvitations({ meetingId: scene.meetingId, actor, origin: ORIGIN })
    // No SMTP_URL: the messages are kept in the outbox, unsent.
    expect(report).toEqual({ sent: 2, withoutEmail: ['Żaneta Bez-Adresu'], delivery: { delivered: 0, failed: 0, kept: 2 } })
    const messages = outboxSince(since)
    expect(messages).toHaveLength(2)
    expect(messages.every((m) => m.sentAt === null && m.error === null)).toBe(true)

    const rows = listInvitations({ meetingId: scene.meetingId })
    const tokens = new Map<string, string>()
    for (const message of messages) {
      const token = LINK.exec(message.text)![1]!
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
      const invitation = getInvitationByToken({ token })!
      expect(invitation.email && message.to.includes(invitation.email)).toBe(true)
      tokens.set(invitation.name, token)
    }
    expect(new Set(tokens.values()).size).toBe(2)

    const stored = db
      .select()
      .from(schema.invitations)
      .where(
        inArray(
          schema.invitations.id,
          rows.map((r) => r.id),
        ),
      )
      .all()
    for (const [name, token] of tokens) {
      const row = stored.find((r) => r.id === rows.find((x) => x.name === name)!.id)!
      expect(row.tokenHash).toBe(crypto.createHash('sha256').update(token).digest('hex'))
      expect(JSON.stringify(stored)).not.toContain(token)
    }
    // Each token opens its own invitation; an altered or made-up one opens none.
    expect(getInvitationByToken({ token: tokens.get('Anna Łęcka')! })?.name).toBe('Anna Łęcka')
    expect(getInvitationByToken({ token: tokens.get('Grzegorz Źdźbło')! })?.name).toBe('Grzegorz Źdźbło')
    const anna = tokens.get('Anna Łęcka')!
    const altered = `${anna.slice(0, -1)}${anna.endsWith('A') ? 'B' : 'A'}`
    expect(getInvitationByToken({ token: altered })).toBeUndefined()
    expect(getInvitationByToken({ token: crypto.randomBytes(32).toString('base64url') })).toBeUndefined()
    expect(getInvitationByToken({ token: stored[0]!.tokenHash })).toBeUndefined()

    // Sent once: sending again sends nobody; the meeting is now „invited”.
    expect(await sendInvitations({ meetingId: scene.meetingId, actor, origin: ORIGIN })).toMatchObject({
      sent: 0,
      withoutEmail: ['Żaneta Bez-Adresu'],
    })
    expect(getMeeting({ id: scene.meetingId })?.state).toBe('invited')
  })

  it('are replaced when the invitation is sent again: the old link stops working', async () => {
    const scene = await createInvitationScene()
    inviteMembers({ meetingId: scene.meetingId, actor })
    let since = lastOutboxId()
    await sendInvitations({ meetingId: scene.meetingId, actor, origin: ORIGIN })
    const first = outboxSince(since).find((m) => m.text.includes('Grzegorz Źdźbło'))!
    const oldToken = LINK.exec(first.text)![1]!
    const invitation = getInvitationByToken({ token: oldToken })!

    since = lastOutboxId()
    const report = await sendInvitations({ meetingId: scene.meetingId, actor, origin: ORIGIN, invitationId: invitation.id })
    expect(report?.sent).toBe(1)
    const [again] = outboxSince(since)
    const newToken = LINK.exec(again!.text)![1]!
    expect(newToken).not.toBe(oldToken)
    expect(getInvitationByToken({ token: oldToken })).toBeUndefined()
    expect(getInvitationByToken({ token: newToken })?.id).toBe(invitation.id)
    expect(hashToken(newToken)).toBe(
      db.select({ h: schema.invitations.tokenHash }).from(schema.invitations).where(eq(schema.invitations.id, invitation.id)).get()?.h,
    )
  })
})

describe('answers', () => {
  it('are recorded with the audit log, found for the signed-in invitee, and refused once the meeting is cancelled', async () => {
    const scene = await createInvitationScene()
    inviteMembers({ meetingId: scene.meetingId, actor })
    const mine = getMyInvitation({ meetingId: scene.meetingId, user: scene.accounts.member.user })!
    expect(mine.response).toBe('pending')
    expect(getMyInvitation({ meetingId: scene.meetingId, user: scene.accounts.outsider.user })).toBeNull()
    expect(getMyInvitation({ meetingId: scene.meetingId, user: scene.accounts.officer.user })).toBeNull()

    expect(answerInvitation({ invitationId: mine.id, response: 'maybe', actor })).toEqual({ ok: true })
    expect(answerInvitation({ invitationId: mine.id, response: 'yes', actor })).toEqual({ ok: true })
    expect(getMyInvitation({ meetingId: scene.meetingId, user: scene.accounts.member.user })).toMatchObject({
      response: 'yes',
      respondedAt: expect.any(String),
    })
    expect(countAnswers({ meetingId: scene.meetingId }).counts).toEqual({ yes: 1, no: 0, maybe: 0, pending: 2 })
    const audit = meetingAudit(scene.meetingId).filter((r) => r.action === 'invitation.answered')
    expect(audit.map((r) => JSON.parse(r.after!).response)).toEqual(['maybe', 'yes'])
    expect(audit[1]!.ip).toBe('198.51.100.7')

    cancelMeeting({ id: scene.meetingId, reason: 'Brak kworum', actor: SYSTEM_ACTOR })
    expect(answerInvitation({ invitationId: mine.id, response: 'no', actor })).toEqual({ ok: false })
    expect(getMyInvitation({ meetingId: scene.meetingId, user: scene.accounts.member.user })?.response).toBe('yes')
  })
})

describe('e-mail through a real SMTP server', () => {
  let smtp: TestSmtpServer
  beforeAll(async () => {
    smtp = await startSmtpServer()
  })
  afterAll(async () => {
    await smtp?.close()
  })

  function calendarOf(message: ParsedMail) {
    const attachment = message.attachments.find((a) => a.contentType === 'text/calendar')
    expect(attachment, `no text/calendar attachment in „${message.subject}”`).toBeDefined()
    const root = new ICAL.Component(ICAL.parse(attachment!.content.toString('utf8')))
    const vevent = root.getFirstSubcomponent('vevent')!
    return {
      method: root.getFirstPropertyValue('method'),
      contentType: attachment!.headers.get('content-type') as { value: string; params: Record<string, string> },
      uid: vevent.getFirstPropertyValue('uid'),
      sequence: vevent.getFirstPropertyValue('sequence'),
      status: vevent.getFirstPropertyValue('status'),
      organizer: vevent.getFirstPropertyValue('organizer'),
      attendee: vevent.getFirstPropertyValue('attendee'),
      start: (vevent.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
      end: (vevent.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate().toISOString(),
    }
  }

  it('sends each invitee the Polish invitation with the personal link and the meeting as .ics', async () => {
    const scene = await createInvitationScene()
    inviteMembers({ meetingId: scene.meetingId, actor })
    db.insert(schema.agendaItems)
      .values([
        {
          meetingId: scene.meetingId,
          day: '2031-05-16',
          position: 1,
          startTime: '13:00',
          endTime: '13:15',
          kind: 'opening',
          title: 'Otwarcie spotkania',
        },
        {
          meetingId: scene.meetingId,
          day: '2031-05-16',
          position: 2,
          startTime: '13:15',
          endTime: '14:00',
          kind: 'presentation',
          title: 'Prezentacja PUP: programy aktywizacji',
        },
      ])
      .run()
    process.env.SMTP_URL = smtp.url
    const before = smtp.messages.length
    const since = lastOutboxId()
    const report = await sendInvitations({
      meetingId: scene.meetingId,
      actor: { userId: scene.accounts.officer.user.id, ip: null },
      origin: ORIGIN,
    })
    expect(report?.delivery).toEqual({ delivered: 2, failed: 0, kept: 0 })
    expect(smtp.logins.at(-1)).toBe('narada')

    const received = smtp.messages.slice(before)
    expect(received).toHaveLength(2)
    const toAnna = received.find((m) => m.text?.includes('Anna Łęcka'))!
    expect(toAnna.subject).toBe('Zaproszenie: Współpraca OPS i PUP w aktywizacji osób bezrobotnych — 16 maja 2031 r.')
    expect(toAnna.from?.value).toEqual([{ name: 'Narada', address: 'narada@localhost' }])
    expect(smtp.recipients[before + received.indexOf(toAnna)]).toEqual([expect.stringMatching(/^anna\.lecka-.*@mops\.test$/)])
    expect(toAnna.text).toContain('16.05.2031 r., godz. 13:00–15:00')
    expect(toAnna.text).toContain('Sala konferencyjna MOPS, ul. Daszyńskiego 3, Wodzisław Śląski, sala 12')
    expect(toAnna.text).toContain('Spotkanie nr 1')
    expect(toAnna.text).toContain(
      'Program spotkania:\n  13:00–13:15  Otwarcie spotkania\n  13:15–14:00  Prezentacja PUP: programy aktywizacji',
    )

    // The link in the e-mail opens Anna's own invitation.
    const token = LINK.exec(toAnna.text!)![1]!
    expect(getInvitationByToken({ token })?.name).toBe('Anna Łęcka')

    const ics = calendarOf(toAnna)
    expect(ics.contentType.params.method).toBe('REQUEST')
    expect(ics.method).toBe('REQUEST')
    expect(ics.uid).toBe(`meeting-${scene.meetingId}@narada`)
    expect(ics.sequence).toBe(0)
    // 13:00 in Warsaw in May (CEST) is 11:00 UTC.
    expect(ics.start).toBe('2031-05-16T11:00:00.000Z')
    expect(ics.end).toBe('2031-05-16T13:00:00.000Z')
    expect(String(ics.organizer)).toMatch(/^mailto:um-.*@wodzislaw\.test$/)
    expect(String(ics.attendee)).toMatch(/^mailto:anna\.lecka-/)

    const kept = outboxSince(since)
    expect(kept).toHaveLength(2)
    expect(kept.every((m) => m.sentAt !== null && m.error === null)).toBe(true)
  })

  it('tells those already invited about a new date with a higher SEQUENCE, and about a cancellation', async () => {
    const scene = await createInvitationScene()
    inviteMembers({ meetingId: scene.meetingId, actor })
    process.env.SMTP_URL = smtp.url
    await sendInvitations({ meetingId: scene.meetingId, actor, origin: ORIGIN })
    // A guest invited afterwards, not yet sent an invitation, is not told about changes.
    addPersonGuest({ meetingId: scene.meetingId, personId: scene.people.outsider, actor })

    const input = MeetingSchema.parse({
      topic: 'Współpraca OPS i PUP w aktywizacji osób bezrobotnych',
      startsAt: '2031-05-20T10:00',
      endsAt: '2031-05-20T12:30',
      venueName: 'Sala konferencyjna MOPS',
      venueAddress: 'ul. Daszyńskiego 3, Wodzisław Śląski',
      venueRoom: 'sala 12',
    })
    expect(updateMeeting({ id: scene.meetingId, input, actor })).toMatchObject({ rescheduled: true })
    let before = smtp.messages.length
    await notifyMeetingChanged({ meetingId: scene.meetingId, actor, change: 'rescheduled' })
    let received = smtp.messages.slice(before)
    expect(received.map((m) => m.subject)).toEqual(
      Array(2).fill('Zmiana terminu/miejsca spotkania: Współpraca OPS i PUP w aktywizacji osób bezrobotnych — 20 maja 2031 r.'),
    )
    expect(received.flatMap((m) => (m.to && 'text' in m.to ? [m.to.text] : [])).join(' ')).not.toContain('obca-')
    expect(received[0]!.text).toContain('20.05.2031 r., godz. 10:00–12:30')
    let ics = calendarOf(received[0]!)
    expect(ics).toMatchObject({ method: 'REQUEST', sequence: 1, start: '2031-05-20T08:00:00.000Z', end: '2031-05-20T10:30:00.000Z' })

    cancelMeeting({ id: scene.meetingId, reason: 'Brak kworum — termin zostanie ustalony ponownie', actor })
    before = smtp.messages.length
    await notifyMeetingChanged({ meetingId: scene.meetingId, actor, change: 'cancelled' })
    received = smtp.messages.slice(before)
    expect(received).toHaveLength(2)
    expect(received[0]!.subject).toBe('Odwołanie spotkania: Współpraca OPS i PUP w aktywizacji osób bezrobotnych — 20 maja 2031 r.')
    expect(received[0]!.text).toContain('Powód odwołania: Brak kworum — termin zostanie ustalony ponownie')
    ics = calendarOf(received[0]!)
    expect(ics.contentType.params.method).toBe('CANCEL')
    expect(ics).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', sequence: 2, uid: `meeting-${scene.meetingId}@narada` })
  })

  it('notes a failed delivery on the kept message instead of losing it', async () => {
    const scene = await createInvitationScene()
    inviteMembers({ meetingId: scene.meetingId, actor })
    const closed = await startSmtpServer()
    await closed.close()
    process.env.SMTP_URL = closed.url
    const since = lastOutboxId()
    const report = await sendInvitations({ meetingId: scene.meetingId, actor, origin: ORIGIN })
    expect(report?.delivery).toEqual({ delivered: 0, failed: 2, kept: 0 })
    const kept = outboxSince(since)
    expect(kept).toHaveLength(2)
    expect(kept.every((m) => m.sentAt === null && !!m.error)).toBe(true)
  })

  it('signs in with the credentials of SMTP_URL: wrong ones are refused and noted', async () => {
    const scene = await createInvitationScene()
    inviteMembers({ meetingId: scene.meetingId, actor })
    process.env.SMTP_URL = smtp.url.replace(encodeURIComponent('sekret-hasło'), 'zle-haslo')
    const before = smtp.messages.length
    const report = await sendInvitations({ meetingId: scene.meetingId, actor, origin: ORIGIN })
    expect(report?.delivery).toEqual({ delivered: 0, failed: 2, kept: 0 })
    expect(smtp.messages.length).toBe(before)
  })
})
