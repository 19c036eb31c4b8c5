import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { admin, officer as demoOfficer, type Account } from '#tests/support/accounts'
import type { CalendarFixture } from '#tests/support/calendar-fixtures'
import { baseURL, get, location, login, post } from '#tests/support/http'

/**
 * Who gets what from every route, as one table. The people are those of a private team
 * (createCalendarFixture's advisory team and its two-day meeting): `member` sits on it,
 * `otherMember` sits on the fixture's public working group only, `officer` convenes both
 * teams, `otherOfficer` is an officer of the demo data's teams, not of these.
 */
const people = ['visitor', 'otherMember', 'member', 'otherOfficer', 'officer', 'admin'] as const
type Who = (typeof people)[number]

/** A status, or `login`: 302 to /login (and back). */
type Expected = number | 'login'
type Row = {
  file: string
  /** GET, or the POST intent (`POST` for an action without intents). */
  request: string
  path: (s: Scene) => string
  form?: (s: Scene, who: Who) => Record<string, string>
  /** For visitor, otherMember, member, otherOfficer, officer, admin. */
  expected: [Expected, Expected, Expected, Expected, Expected, Expected]
  /** Signs in anew for this request (it ends the session it is sent with). */
  fresh?: boolean
}

type Scene = CalendarFixture & {
  /** A meeting of the private team that has not begun: harmless to invite to or start minutes of. */
  future: number
  /** A team of the fixture's officer, to be closed. */
  closable: number
  /** Series of the private team (the future meeting) and of the public one (its public meeting). */
  series: { private: number; public: number }
  /** An account, an institution and a person of their own, to be disabled, archived and edited. */
  account: number
  organisation: number
  person: number
  archivable: { organisation: number; person: number }
  /** A secretary of the private team for each of those who may remove one. */
  secretaries: Partial<Record<Who, number>>
  /** Rows of the future meeting for each of those who may remove (or resend) them. */
  spares: Partial<Record<Who, Record<Spare, number>>>
  /** A recommendation of the private team in consultation (version 1), written by the fixture's officer. */
  consulted: number
  /** Meetings with minutes, written by the fixture's officer. */
  minutes: {
    /** The private team's: a draft again after circulation (versions 1 and 2). */
    draft: number
    /** The public team's public meetings: published (versions 1 and 2) to its members, and to everyone. */
    members: number
    everyone: number
  }
  /** Recommendations by the fixture's officer: the private team's draft, the public team's published to its members and to everyone; each with an annex. */
  recommendations: Record<'draft' | 'members' | 'everyone', { id: number; annex: number }>
  /** The public recommendation sent to one institution of its own, which confirmed and filed a report with a file. */
  distribution: { id: number; recipient: number; token: string; report: number }
  /** Agreements of the private team between the MOPS (whose delegate, `member`, signs) and the foundation: one negotiated, one signed (with a scan) and public. */
  agreements: { negotiated: number; signed: number; scan: number }
}
type Spare = 'agendaItem' | 'invitation' | 'resent' | 'actionItem'

/** The row `who` removes; for those refused before it is looked up, one that does not exist. */
const spare = (s: Scene, who: Who, row: Spare) => String(s.spares[who]?.[row] ?? 999999)

const M = (s: Scene) => `/meetings/${s.meetings.dst.id}`
const P = (s: Scene) => `/meetings/${s.meetings.publicMeeting.id}`
const F = (s: Scene) => `/meetings/${s.future}`
const D = (s: Scene) => `/meetings/${s.minutes.draft}`
const MM = (s: Scene) => `/meetings/${s.minutes.members}`
const EM = (s: Scene) => `/meetings/${s.minutes.everyone}`
const B = (s: Scene) => `/bodies/${s.bodies.privateBody.id}`
const REC = (which: 'draft' | 'members' | 'everyone') => (s: Scene) => `/recommendations/${s.recommendations[which].id}`
const RC = (s: Scene) => `/recommendations/${s.consulted}`
const PB = (s: Scene) => `/bodies/${s.bodies.publicBody.id}`
const at =
  (base: (s: Scene) => string, rest = '') =>
  (s: Scene) =>
    `${base(s)}${rest}`
const path_ = (p: string) => () => p
const intent =
  (name: string, fields: Record<string, string> = {}) =>
  () => ({ intent: name, ...fields })

const LOGIN = 'login'
// The columns' usual patterns: `e` is what those allowed get.
const all = (e: Expected): Row['expected'] => [e, e, e, e, e, e]
/** Administrators only; a visitor signs in first. */
const ADMIN = (e: Expected): Row['expected'] => [LOGIN, 404, 404, 404, 404, e]
/** The directory's editors: officers and administrators, whichever team they serve. */
const DIRECTORY = (e: Expected): Row['expected'] => [LOGIN, 404, 404, e, e, e]
/** The private team's insiders: its member, its officer, administrators. */
const TEAM = (e: Expected): Row['expected'] => [404, 404, e, 404, e, e]
/** The public team's insiders: `otherMember` sits on it, `officer` convenes it. */
const PUBLIC_TEAM_INSIDERS = (e: Expected): Row['expected'] => [404, e, 404, 404, e, e]
/** The team's officer and administrators; anyone else 404, a visitor included. */
const MANAGE = (e: Expected): Row['expected'] => [404, 404, 404, 404, e, e]
/** The same, on pages that send a visitor to sign in first. */
const MANAGE_SIGN_IN = (e: Expected): Row['expected'] => [LOGIN, 404, 404, 404, e, e]
/** Minutes forms: a visitor's text is kept on a page of its own (401), not thrown away. */
const MINUTES = (e: Expected): Row['expected'] => [401, 404, 404, 404, e, e]

const table: Row[] = [
  { file: '_index.tsx', request: 'GET', path: path_('/'), expected: all(200) },
  { file: 'account.tsx', request: 'GET', path: path_('/account'), expected: [LOGIN, 200, 200, 200, 200, 200] },
  { file: 'account.tsx', request: 'POST', path: path_('/account'), form: () => ({}), expected: [LOGIN, 400, 400, 400, 400, 400] },
  { file: 'admin.audit.tsx', request: 'GET', path: path_('/admin/audit'), expected: ADMIN(200) },
  { file: 'admin.outbox.tsx', request: 'GET', path: path_('/admin/outbox'), expected: ADMIN(200) },
  { file: 'admin.users._index.tsx', request: 'GET', path: path_('/admin/users'), expected: ADMIN(200) },
  { file: 'admin.users.new.tsx', request: 'GET', path: path_('/admin/users/new'), expected: ADMIN(200) },
  { file: 'admin.users.new.tsx', request: 'POST', path: path_('/admin/users/new'), form: () => ({}), expected: ADMIN(400) },
  { file: 'admin.users.$userId.tsx', request: 'GET', path: (s) => `/admin/users/${s.account}`, expected: ADMIN(200) },
  {
    file: 'admin.users.$userId.tsx',
    request: 'edit',
    path: (s) => `/admin/users/${s.account}`,
    form: intent('edit'),
    expected: ADMIN(400),
  },
  {
    file: 'admin.users.$userId.tsx',
    request: 'disable',
    path: (s) => `/admin/users/${s.account}`,
    form: intent('disable'),
    expected: ADMIN(302),
  },
  {
    file: 'admin.users.$userId.tsx',
    request: 'enable',
    path: (s) => `/admin/users/${s.account}`,
    form: intent('enable'),
    expected: ADMIN(302),
  },

  // The load benchmark's baseline: only a server started with BENCH_BARE_PAGE=1 serves it.
  { file: 'bench.bare.tsx', request: 'GET', path: path_('/bench/bare'), expected: all(404) },
  { file: 'deklaracja-dostepnosci.tsx', request: 'GET', path: path_('/deklaracja-dostepnosci'), expected: all(200) },
  { file: 'bodies._index.tsx', request: 'GET', path: path_('/bodies'), expected: all(200) },
  { file: 'bodies.new.tsx', request: 'GET', path: path_('/bodies/new'), expected: DIRECTORY(200) },
  { file: 'bodies.new.tsx', request: 'POST', path: path_('/bodies/new'), form: () => ({}), expected: DIRECTORY(400) },
  { file: 'bodies.$bodyId._index.tsx', request: 'GET', path: B, expected: TEAM(200) },
  { file: 'bodies.$bodyId._index.tsx', request: 'GET', path: PB, expected: all(200) },
  { file: 'bodies.$bodyId._index.tsx', request: 'reopen', path: B, form: intent('reopen'), expected: MANAGE_SIGN_IN(302) },
  {
    file: 'bodies.$bodyId._index.tsx',
    request: 'close',
    path: (s) => `/bodies/${s.closable}`,
    form: intent('close'),
    expected: MANAGE_SIGN_IN(302),
  },
  { file: 'bodies.$bodyId.action-items.tsx', request: 'GET', path: at(B, '/action-items'), expected: TEAM(200) },
  { file: 'bodies.$bodyId.action-items.tsx', request: 'GET', path: at(PB, '/action-items'), expected: PUBLIC_TEAM_INSIDERS(200) },
  {
    file: 'bodies.$bodyId.action-items.tsx',
    request: 'state',
    path: at(B, '/action-items'),
    form: intent('state', { itemId: '999999' }),
    expected: MANAGE(400),
  },
  { file: 'bodies.$bodyId.calendar[.ics].ts', request: 'GET', path: at(B, '/calendar.ics'), expected: TEAM(200) },
  { file: 'bodies.$bodyId.calendar[.ics].ts', request: 'GET', path: at(PB, '/calendar.ics'), expected: all(200) },
  { file: 'bodies.$bodyId.edit.tsx', request: 'GET', path: at(B, '/edit'), expected: MANAGE_SIGN_IN(200) },
  { file: 'bodies.$bodyId.edit.tsx', request: 'POST', path: at(B, '/edit'), form: () => ({}), expected: MANAGE_SIGN_IN(400) },
  { file: 'bodies.$bodyId.meetings.new.tsx', request: 'GET', path: at(B, '/meetings/new'), expected: MANAGE_SIGN_IN(200) },
  {
    file: 'bodies.$bodyId.meetings.new.tsx',
    request: 'POST',
    path: at(B, '/meetings/new'),
    form: () => ({}),
    expected: MANAGE_SIGN_IN(400),
  },
  { file: 'bodies.$bodyId.members.tsx', request: 'GET', path: at(B, '/members'), expected: [LOGIN, 404, 200, 404, 200, 200] },
  { file: 'bodies.$bodyId.members.tsx', request: 'GET', path: at(PB, '/members'), expected: [LOGIN, 200, 404, 404, 200, 200] },
  {
    file: 'bodies.$bodyId.members.tsx',
    request: 'add-membership',
    path: at(B, '/members'),
    form: intent('add-membership'),
    expected: MANAGE_SIGN_IN(400),
  },
  {
    file: 'bodies.$bodyId.members.tsx',
    request: 'add-memberships',
    path: at(B, '/members?bulk=1&kind=ops'),
    form: intent('add-memberships'),
    expected: MANAGE_SIGN_IN(400),
  },
  {
    file: 'bodies.$bodyId.members.tsx',
    request: 'end-membership',
    path: at(B, '/members'),
    form: intent('end-membership'),
    expected: MANAGE_SIGN_IN(400),
  },
  {
    file: 'bodies.$bodyId.members.tsx',
    request: 'add-officer',
    path: at(B, '/members'),
    form: intent('add-officer'),
    expected: MANAGE_SIGN_IN(400),
  },
  {
    file: 'bodies.$bodyId.members.tsx',
    request: 'remove-officer',
    path: at(B, '/members'),
    form: (s, who) => ({ intent: 'remove-officer', userId: String(s.secretaries[who] ?? 999999) }),
    expected: MANAGE_SIGN_IN(302),
  },
  {
    file: 'bodies.$bodyId.people-options.ts',
    request: 'GET',
    path: at(B, '/people-options?organisationId=1'),
    expected: MANAGE_SIGN_IN(200),
  },
  { file: 'bodies.$bodyId.years.$year.tsx', request: 'GET', path: at(PB, '/years/2025'), expected: all(200) },
  { file: 'bodies.$bodyId.years.$year.tsx', request: 'GET', path: at(B, '/years/2025'), expected: all(404) },

  { file: 'calendar[.ics].ts', request: 'GET', path: path_('/calendar.ics'), expected: all(200) },
  // A personal link opens only its delivery, whoever holds it; a token that is none, nothing.
  { file: 'delivery.$token.tsx', request: 'GET', path: path_('/delivery/not-a-token'), expected: all(404) },
  { file: 'delivery.$token.tsx', request: 'confirm', path: path_('/delivery/not-a-token'), form: intent('confirm'), expected: all(404) },
  {
    file: 'delivery.$token.publication[.pdf].ts',
    request: 'GET',
    path: path_('/delivery/not-a-token/publication.pdf'),
    expected: all(404),
  },
  { file: 'healthz.ts', request: 'GET', path: path_('/healthz'), expected: all(200) },
  { file: 'inbox._index.tsx', request: 'GET', path: path_('/inbox'), expected: [LOGIN, 200, 200, 200, 200, 200] },
  // A delivery to an institution none of these people belongs to (tests/http/delivery.test.ts: one it does).
  { file: 'inbox.$recipientId.tsx', request: 'GET', path: path_('/inbox/999999999'), expected: [LOGIN, 404, 404, 404, 404, 404] },
  {
    file: 'inbox.$recipientId.tsx',
    request: 'confirm',
    path: path_('/inbox/999999999'),
    form: intent('confirm', { name: 'Ktoś', position: 'Ktoś' }),
    expected: [LOGIN, 404, 404, 404, 404, 404],
  },
  {
    file: 'inbox.$recipientId.publication[.pdf].ts',
    request: 'GET',
    path: path_('/inbox/999999999/publication.pdf'),
    expected: [LOGIN, 404, 404, 404, 404, 404],
  },
  { file: 'invitations.$token.tsx', request: 'GET', path: path_('/invitations/not-a-token'), expected: all(404) },
  {
    file: 'invitations.$token.tsx',
    request: 'POST',
    path: path_('/invitations/not-a-token'),
    form: () => ({ response: 'yes' }),
    expected: all(404),
  },
  { file: 'language.tsx', request: 'GET', path: path_('/language'), expected: all(302) },
  { file: 'language.tsx', request: 'POST', path: path_('/language'), form: () => ({ lang: 'pl', redirectTo: '/' }), expected: all(303) },
  { file: 'login.tsx', request: 'GET', path: path_('/login'), expected: [200, 302, 302, 302, 302, 302] },
  {
    file: 'login.tsx',
    request: 'POST',
    path: path_('/login'),
    form: () => ({ email: 'nobody@narada.test', password: 'wrong' }),
    expected: [401, 302, 302, 302, 302, 302],
  },
  { file: 'logout.tsx', request: 'GET', path: path_('/logout'), expected: [302, 200, 200, 200, 200, 200] },
  { file: 'logout.tsx', request: 'POST', path: path_('/logout'), form: () => ({}), fresh: true, expected: all(303) },

  { file: 'meetings._index.tsx', request: 'GET', path: path_('/meetings'), expected: all(200) },
  { file: 'series.$seriesId.tsx', request: 'GET', path: (s) => `/series/${s.series.private}`, expected: TEAM(200) },
  { file: 'series.$seriesId.tsx', request: 'GET', path: (s) => `/series/${s.series.public}`, expected: all(200) },
  { file: 'series.$seriesId.tsx', request: 'GET', path: path_('/series/999999'), expected: all(404) },
  { file: 'meetings.$meetingId.tsx', request: 'GET', path: M, expected: TEAM(200) },
  { file: 'meetings.$meetingId._index.tsx', request: 'GET', path: M, expected: TEAM(200) },
  { file: 'meetings.$meetingId._index.tsx', request: 'GET', path: P, expected: all(200) },
  { file: 'meetings.$meetingId._index.tsx', request: 'cancel', path: at(M, '?index'), form: intent('cancel'), expected: MANAGE(400) },
  { file: 'meetings.$meetingId._index.tsx', request: 'held', path: at(F, '?index'), form: intent('held'), expected: MANAGE(400) },
  { file: 'meetings.$meetingId.agenda.tsx', request: 'GET', path: at(M, '/agenda'), expected: TEAM(200) },
  { file: 'meetings.$meetingId.agenda.tsx', request: 'GET', path: at(P, '/agenda'), expected: all(200) },
  { file: 'meetings.$meetingId.agenda.tsx', request: 'add', path: at(M, '/agenda'), form: intent('add'), expected: MANAGE(400) },
  {
    file: 'meetings.$meetingId.agenda.tsx',
    request: 'update',
    path: at(M, '/agenda'),
    form: intent('update', { itemId: '999999' }),
    expected: MANAGE(400),
  },
  { file: 'meetings.$meetingId.agenda.tsx', request: 'move', path: at(M, '/agenda'), form: intent('move-up'), expected: MANAGE(400) },
  {
    file: 'meetings.$meetingId.agenda.tsx',
    request: 'carryOver',
    path: at(M, '/agenda'),
    form: intent('carryOver'),
    expected: MANAGE(302),
  },
  {
    file: 'meetings.$meetingId.agenda.tsx',
    request: 'remove',
    path: at(F, '/agenda'),
    form: (s, who) => ({ intent: 'remove', itemId: spare(s, who, 'agendaItem') }),
    expected: MANAGE(302),
  },
  { file: 'meetings.$meetingId.agenda[.pdf].ts', request: 'GET', path: at(M, '/agenda.pdf'), expected: TEAM(200) },
  { file: 'meetings.$meetingId.agenda[.pdf].ts', request: 'GET', path: at(P, '/agenda.pdf'), expected: all(200) },
  { file: 'meetings.$meetingId.answer.tsx', request: 'GET', path: at(M, '/answer'), expected: all(404) },
  {
    file: 'meetings.$meetingId.answer.tsx',
    request: 'POST',
    path: at(M, '/answer'),
    form: () => ({ response: 'perhaps' }),
    expected: [LOGIN, 404, 400, 404, 404, 404],
  },
  { file: 'meetings.$meetingId.attendance.tsx', request: 'GET', path: at(M, '/attendance'), expected: [LOGIN, 404, 200, 404, 200, 200] },
  { file: 'meetings.$meetingId.attendance.tsx', request: 'GET', path: at(P, '/attendance'), expected: [LOGIN, 200, 404, 404, 200, 200] },
  {
    file: 'meetings.$meetingId.attendance.tsx',
    request: 'attendance',
    path: at(M, '/attendance'),
    form: intent('attendance'),
    expected: MANAGE_SIGN_IN(302),
  },
  {
    file: 'meetings.$meetingId.attendance.tsx',
    request: 'walk-in',
    path: at(M, '/attendance'),
    form: intent('walk-in'),
    expected: MANAGE_SIGN_IN(400),
  },
  {
    file: 'meetings.$meetingId.attendance.tsx',
    request: 'headcount',
    path: at(M, '/attendance'),
    form: intent('headcount', { headcount: 'x' }),
    expected: MANAGE_SIGN_IN(400),
  },
  { file: 'meetings.$meetingId.attendance[.pdf].ts', request: 'GET', path: at(M, '/attendance.pdf'), expected: TEAM(200) },
  { file: 'meetings.$meetingId.attendance[.pdf].ts', request: 'GET', path: at(P, '/attendance.pdf'), expected: PUBLIC_TEAM_INSIDERS(200) },
  { file: 'meetings.$meetingId.calendar[.ics].ts', request: 'GET', path: at(M, '/calendar.ics'), expected: TEAM(200) },
  { file: 'meetings.$meetingId.calendar[.ics].ts', request: 'GET', path: at(P, '/calendar.ics'), expected: all(200) },
  { file: 'meetings.$meetingId.edit.tsx', request: 'GET', path: at(M, '/edit'), expected: MANAGE_SIGN_IN(200) },
  { file: 'meetings.$meetingId.edit.tsx', request: 'POST', path: at(M, '/edit'), form: () => ({}), expected: MANAGE_SIGN_IN(400) },
  { file: 'meetings.$meetingId.invitations.tsx', request: 'GET', path: at(M, '/invitations'), expected: MANAGE_SIGN_IN(200) },
  {
    file: 'meetings.$meetingId.invitations.tsx',
    request: 'invite-members',
    path: at(F, '/invitations'),
    form: intent('invite-members'),
    expected: MANAGE_SIGN_IN(302),
  },
  {
    file: 'meetings.$meetingId.invitations.tsx',
    request: 'add-person',
    path: at(M, '/invitations'),
    form: intent('add-person'),
    expected: MANAGE_SIGN_IN(400),
  },
  {
    file: 'meetings.$meetingId.invitations.tsx',
    request: 'add-guest',
    path: at(M, '/invitations'),
    form: intent('add-guest'),
    expected: MANAGE_SIGN_IN(400),
  },
  {
    file: 'meetings.$meetingId.invitations.tsx',
    request: 'remove',
    path: at(F, '/invitations'),
    form: (s, who) => ({ intent: 'remove', invitationId: spare(s, who, 'invitation') }),
    expected: MANAGE_SIGN_IN(302),
  },
  {
    file: 'meetings.$meetingId.invitations.tsx',
    request: 'send',
    path: at(F, '/invitations'),
    form: intent('send'),
    expected: MANAGE_SIGN_IN(200),
  },
  {
    file: 'meetings.$meetingId.invitations.tsx',
    request: 'resend',
    path: at(F, '/invitations'),
    form: (s, who) => ({ intent: 'resend', invitationId: spare(s, who, 'resent') }),
    expected: MANAGE_SIGN_IN(200),
  },
  { file: 'meetings.$meetingId.minutes._index.tsx', request: 'GET', path: at(M, '/minutes'), expected: [404, 404, 404, 404, 200, 200] },
  {
    file: 'meetings.$meetingId.minutes._index.tsx',
    request: 'start',
    path: at(F, '/minutes'),
    form: intent('start'),
    expected: MINUTES(302),
  },
  {
    file: 'meetings.$meetingId.minutes._index.tsx',
    request: 'save',
    path: at(M, '/minutes'),
    form: intent('save'),
    expected: MINUTES(400),
  },
  {
    file: 'meetings.$meetingId.minutes._index.tsx',
    request: 'circulate',
    path: at(M, '/minutes'),
    form: intent('circulate'),
    expected: MINUTES(400),
  },
  { file: 'meetings.$meetingId.minutes.action-items.tsx', request: 'GET', path: at(M, '/minutes/action-items'), expected: TEAM(200) },
  {
    file: 'meetings.$meetingId.minutes.action-items.tsx',
    request: 'GET',
    path: at(P, '/minutes/action-items'),
    expected: PUBLIC_TEAM_INSIDERS(200),
  },
  {
    file: 'meetings.$meetingId.minutes.action-items.tsx',
    request: 'add',
    path: at(M, '/minutes/action-items'),
    form: intent('add'),
    expected: MANAGE(400),
  },
  {
    file: 'meetings.$meetingId.minutes.action-items.tsx',
    request: 'update',
    path: at(M, '/minutes/action-items'),
    form: intent('update', { itemId: '999999' }),
    expected: MANAGE(400),
  },
  {
    file: 'meetings.$meetingId.minutes.action-items.tsx',
    request: 'state',
    path: at(M, '/minutes/action-items'),
    form: intent('state', { itemId: '999999' }),
    expected: MANAGE(400),
  },
  {
    file: 'meetings.$meetingId.minutes.action-items.tsx',
    request: 'move',
    path: at(M, '/minutes/action-items'),
    form: intent('move', { itemId: '999999' }),
    expected: MANAGE(400),
  },
  {
    file: 'meetings.$meetingId.minutes.action-items.tsx',
    request: 'remove',
    path: at(F, '/minutes/action-items'),
    form: (s, who) => ({ intent: 'remove', itemId: spare(s, who, 'actionItem') }),
    expected: MANAGE(302),
  },
  { file: 'meetings.$meetingId.minutes.comments.tsx', request: 'GET', path: at(M, '/minutes/comments'), expected: all(404) },
  {
    file: 'meetings.$meetingId.minutes.comments.tsx',
    request: 'comment',
    path: at(M, '/minutes/comments'),
    form: intent('comment'),
    expected: all(404),
  },
  {
    file: 'meetings.$meetingId.minutes.comments.tsx',
    request: 'resolve',
    path: at(M, '/minutes/comments'),
    form: intent('resolve'),
    expected: all(404),
  },
  { file: 'meetings.$meetingId.minutes.versions._index.tsx', request: 'GET', path: at(M, '/minutes/versions'), expected: all(404) },
  { file: 'meetings.$meetingId.minutes.versions.$number.tsx', request: 'GET', path: at(M, '/minutes/versions/1'), expected: all(404) },
  { file: 'meetings.$meetingId.minutes[.pdf].ts', request: 'GET', path: at(M, '/minutes.pdf'), expected: all(404) },
  // Minutes that exist: a draft is the team's; published ones its members' or everyone's, and
  // their comments and versions stay the team's.
  ...(
    [
      [D, TEAM(200), TEAM(200)],
      [MM, PUBLIC_TEAM_INSIDERS(200), PUBLIC_TEAM_INSIDERS(200)],
      [EM, all(200), PUBLIC_TEAM_INSIDERS(200)],
    ] as const
  ).flatMap(([meeting, reader, team]): Row[] => [
    { file: 'meetings.$meetingId.minutes._index.tsx', request: 'GET', path: at(meeting, '/minutes'), expected: reader },
    { file: 'meetings.$meetingId.minutes[.pdf].ts', request: 'GET', path: at(meeting, '/minutes.pdf'), expected: reader },
    { file: 'meetings.$meetingId.minutes.comments.tsx', request: 'GET', path: at(meeting, '/minutes/comments'), expected: team },
    { file: 'meetings.$meetingId.minutes.versions._index.tsx', request: 'GET', path: at(meeting, '/minutes/versions'), expected: team },
    {
      file: 'meetings.$meetingId.minutes.versions.$number.tsx',
      request: 'GET',
      path: at(meeting, '/minutes/versions/1'),
      expected: team,
    },
  ]),
  { file: 'meetings.$meetingId.presentations.tsx', request: 'GET', path: at(M, '/presentations'), expected: TEAM(200) },
  { file: 'meetings.$meetingId.presentations.tsx', request: 'GET', path: at(P, '/presentations'), expected: all(200) },
  {
    file: 'meetings.$meetingId.presentations.tsx',
    request: 'upload',
    path: at(M, '/presentations'),
    form: intent('upload'),
    expected: MANAGE(400),
  },
  {
    file: 'meetings.$meetingId.presentations.tsx',
    request: 'replace',
    path: at(M, '/presentations'),
    form: intent('replace'),
    expected: MANAGE(400),
  },
  {
    file: 'presentations.$presentationId.$fileName.ts',
    request: 'GET',
    path: path_('/presentations/999999/slajdy.pdf'),
    expected: all(404),
  },

  { file: 'organisations._index.tsx', request: 'GET', path: path_('/organisations'), expected: [LOGIN, 200, 200, 200, 200, 200] },
  {
    file: 'organisations.export[.csv].ts',
    request: 'GET',
    path: path_('/organisations/export.csv?kind=ops&county=2469'),
    expected: [LOGIN, 200, 200, 200, 200, 200],
  },
  { file: 'organisations.import.tsx', request: 'GET', path: path_('/organisations/import'), expected: DIRECTORY(200) },
  // Without a file of its own kept, a choice or an application goes back to the upload form.
  {
    file: 'organisations.import.tsx',
    request: 'apply',
    path: path_('/organisations/import'),
    form: intent('apply'),
    expected: DIRECTORY(302),
  },
  {
    file: 'organisations.import.template[.xlsx].ts',
    request: 'GET',
    path: path_('/organisations/import/template.xlsx'),
    expected: DIRECTORY(200),
  },
  {
    file: 'organisations.import.template[.csv].ts',
    request: 'GET',
    path: path_('/organisations/import/template.csv'),
    expected: DIRECTORY(200),
  },
  { file: 'organisations.new.tsx', request: 'GET', path: path_('/organisations/new'), expected: DIRECTORY(200) },
  { file: 'organisations.new.tsx', request: 'POST', path: path_('/organisations/new'), form: () => ({}), expected: DIRECTORY(400) },
  {
    file: 'organisations.$orgId._index.tsx',
    request: 'GET',
    path: (s) => `/organisations/${s.organisation}`,
    expected: [LOGIN, 200, 200, 200, 200, 200],
  },
  {
    file: 'organisations.$orgId._index.tsx',
    request: 'archive-person',
    path: (s) => `/organisations/${s.archivable.organisation}`,
    form: (s) => ({ intent: 'archive-person', personId: String(s.archivable.person) }),
    expected: DIRECTORY(302),
  },
  {
    file: 'organisations.$orgId._index.tsx',
    request: 'archive',
    path: (s) => `/organisations/${s.archivable.organisation}`,
    form: intent('archive'),
    expected: ADMIN(302),
  },
  {
    file: 'organisations.$orgId._index.tsx',
    request: 'restore',
    path: (s) => `/organisations/${s.archivable.organisation}`,
    form: intent('restore'),
    expected: ADMIN(302),
  },
  { file: 'organisations.$orgId.edit.tsx', request: 'GET', path: (s) => `/organisations/${s.organisation}/edit`, expected: DIRECTORY(200) },
  {
    file: 'organisations.$orgId.edit.tsx',
    request: 'POST',
    path: (s) => `/organisations/${s.organisation}/edit`,
    form: () => ({}),
    expected: DIRECTORY(400),
  },
  {
    file: 'organisations.$orgId.people.new.tsx',
    request: 'GET',
    path: (s) => `/organisations/${s.organisation}/people/new`,
    expected: DIRECTORY(200),
  },
  {
    file: 'organisations.$orgId.people.new.tsx',
    request: 'POST',
    path: (s) => `/organisations/${s.organisation}/people/new`,
    form: () => ({}),
    expected: DIRECTORY(400),
  },
  { file: 'people.$personId.edit.tsx', request: 'GET', path: (s) => `/people/${s.person}/edit`, expected: DIRECTORY(200) },
  {
    file: 'people.$personId.edit.tsx',
    request: 'POST',
    path: (s) => `/people/${s.person}/edit`,
    form: () => ({}),
    expected: DIRECTORY(400),
  },
  { file: 'recommendations.$recId.edit.tsx', request: 'GET', path: at(RC, '/edit'), expected: MANAGE(200) },
  // The editor's save: a visitor's text is kept on a page of its own (401), as the minutes' is.
  { file: 'recommendations.$recId.edit.tsx', request: 'save', path: at(RC, '/edit'), form: intent('save'), expected: MINUTES(400) },
  { file: 'recommendations.$recId.comments.tsx', request: 'GET', path: at(RC, '/comments'), expected: TEAM(200) },
  {
    file: 'recommendations.$recId.comments.tsx',
    request: 'comment',
    path: at(RC, '/comments'),
    form: intent('comment'),
    expected: TEAM(400),
  },
  { file: 'recommendations.$recId.versions._index.tsx', request: 'GET', path: at(RC, '/versions'), expected: TEAM(200) },
  { file: 'recommendations.$recId.versions.$number.tsx', request: 'GET', path: at(RC, '/versions/1'), expected: TEAM(200) },
  { file: 'recommendations._index.tsx', request: 'GET', path: path_('/recommendations'), expected: all(200) },
  { file: 'bodies.$bodyId.recommendations.new.tsx', request: 'GET', path: at(B, '/recommendations/new'), expected: MANAGE_SIGN_IN(200) },
  {
    file: 'bodies.$bodyId.recommendations.new.tsx',
    request: 'POST',
    path: at(B, '/recommendations/new'),
    form: () => ({}),
    expected: MANAGE_SIGN_IN(400),
  },
  // A draft is its team's; a publication to the members theirs too; a public one everyone's.
  ...(
    [
      ['draft', TEAM(200)],
      ['members', PUBLIC_TEAM_INSIDERS(200)],
      ['everyone', all(200)],
    ] as const
  ).flatMap(([which, reader]): Row[] => [
    { file: 'recommendations.$recId.tsx', request: 'GET', path: REC(which), expected: reader },
    { file: 'recommendations.$recId._index.tsx', request: 'GET', path: REC(which), expected: reader },
    { file: 'recommendations.$recId.publication[.pdf].ts', request: 'GET', path: at(REC(which), '/publication.pdf'), expected: reader },
    {
      file: 'recommendations.$recId.annexes.$fileId.$fileName.ts',
      request: 'GET',
      path: (s) => `${REC(which)(s)}/annexes/${s.recommendations[which].annex}/zalacznik.pdf`,
      expected: reader,
    },
  ]),
  {
    file: 'recommendations.$recId._index.tsx',
    request: 'adopt',
    path: at(REC('draft'), '?index'),
    form: intent('adopt'),
    expected: MANAGE_SIGN_IN(400),
  },
  {
    file: 'recommendations.$recId._index.tsx',
    request: 'withdraw',
    path: at(REC('everyone'), '?index'),
    form: intent('withdraw'),
    expected: MANAGE_SIGN_IN(400),
  },
  // A distribution is its team's officers'; a recipient's link is the recipient's, whoever holds it.
  ...((): Row[] => {
    const D =
      (rest = '') =>
      (s: Scene) =>
        `/recommendations/${s.recommendations.everyone.id}/distribution${rest}`
    const DD =
      (rest = '') =>
      (s: Scene) =>
        `/recommendations/${s.recommendations.everyone.id}/distribution/${s.distribution.id}${rest}`
    const file = (name: string) => `recommendations.$recId.distribution.${name}`
    return [
      { file: file('_index.tsx'), request: 'GET', path: D(), expected: MANAGE(200) },
      { file: file('_index.tsx'), request: 'GET', path: D('?kind=ops&voivodeship=24'), expected: MANAGE(200) },
      { file: file('_index.tsx'), request: 'POST', path: D(), form: () => ({}), expected: MANAGE(400) },
      { file: file('$distId._index.tsx'), request: 'GET', path: DD(), expected: MANAGE(200) },
      {
        file: file('$distId.recipients.$recipientId.tsx'),
        request: 'GET',
        path: (s) => DD(`/recipients/${s.distribution.recipient}`)(s),
        expected: MANAGE(200),
      },
      {
        file: file('$distId.recipients.$recipientId.tsx'),
        request: 'POST',
        path: (s) => DD(`/recipients/${s.distribution.recipient}`)(s),
        form: intent('nothing'),
        expected: MANAGE(400),
      },
      {
        file: file('$distId.reports.$reportId.$fileName.ts'),
        request: 'GET',
        path: (s) => DD(`/reports/${s.distribution.report}/sprawozdanie.pdf`)(s),
        expected: MANAGE(200),
      },
      // One recipient in one county: the map draws it.
      { file: file('$distId.map[.svg].ts'), request: 'GET', path: DD('/map.svg'), expected: MANAGE(200) },
      { file: file('$distId.recipients[.csv].ts'), request: 'GET', path: DD('/recipients.csv'), expected: MANAGE(200) },
      { file: file('$distId.recipients[.xlsx].ts'), request: 'GET', path: DD('/recipients.xlsx'), expected: MANAGE(200) },
      { file: file('$distId.reports[.csv].ts'), request: 'GET', path: DD('/reports.csv'), expected: MANAGE(200) },
      { file: file('$distId.reports[.xlsx].ts'), request: 'GET', path: DD('/reports.xlsx'), expected: MANAGE(200) },
      { file: 'delivery.$token.tsx', request: 'GET', path: (s) => `/delivery/${s.distribution.token}`, expected: all(200) },
      { file: 'delivery.$token.tsx', request: 'GET', path: path_(`/delivery/${'x'.repeat(43)}`), expected: all(404) },
      {
        file: 'delivery.$token.tsx',
        request: 'confirm',
        path: (s) => `/delivery/${s.distribution.token}`,
        form: intent('confirm'),
        expected: all(400),
      },
      {
        file: 'delivery.$token.publication[.pdf].ts',
        request: 'GET',
        path: (s) => `/delivery/${s.distribution.token}/publication.pdf`,
        expected: all(200),
      },
      { file: 'inbox._index.tsx', request: 'GET', path: path_('/inbox'), expected: [LOGIN, 200, 200, 200, 200, 200] },
      // Only the recipient institution's own people; nobody of this table works there.
      {
        file: 'inbox.$recipientId.tsx',
        request: 'GET',
        path: (s) => `/inbox/${s.distribution.recipient}`,
        expected: [LOGIN, 404, 404, 404, 404, 404],
      },
      {
        file: 'inbox.$recipientId.publication[.pdf].ts',
        request: 'GET',
        path: (s) => `/inbox/${s.distribution.recipient}/publication.pdf`,
        expected: [LOGIN, 404, 404, 404, 404, 404],
      },
    ]
  })(),
  // An agreement is its parties' business (`member` signs for the MOPS) and its team officers'; a signed public one, everyone's.
  ...((): Row[] => {
    const A =
      (which: 'negotiated' | 'signed', rest = '') =>
      (s: Scene) =>
        `/agreements/${s.agreements[which]}${rest}`
    const PARTY: Row['expected'] = [404, 404, 200, 404, 200, 200]
    return [
      { file: 'agreements._index.tsx', request: 'GET', path: path_('/agreements'), expected: all(200) },
      {
        file: 'agreements._index.tsx',
        request: 'GET',
        path: path_('/agreements?state=signed&validity=current&q=fundacja'),
        expected: all(200),
      },
      { file: 'agreements.new.tsx', request: 'GET', path: path_('/agreements/new'), expected: [LOGIN, 200, 200, 200, 200, 200] },
      {
        file: 'agreements.new.tsx',
        request: 'POST',
        path: path_('/agreements/new'),
        form: () => ({}),
        expected: [LOGIN, 400, 400, 400, 400, 400],
      },
      { file: 'agreements.$agreementId.tsx', request: 'GET', path: A('negotiated'), expected: PARTY },
      { file: 'agreements.$agreementId._index.tsx', request: 'GET', path: A('signed'), expected: all(200) },
      {
        file: 'agreements.$agreementId._index.tsx',
        request: 'freeze',
        path: A('negotiated', '?index'),
        form: intent('freeze', { revision: '0' }),
        expected: [LOGIN, 404, 404, 404, 409, 409],
      },
      { file: 'agreements.$agreementId.edit.tsx', request: 'GET', path: A('negotiated', '/edit'), expected: MANAGE_SIGN_IN(200) },
      {
        file: 'agreements.$agreementId.edit.tsx',
        request: 'add',
        path: A('negotiated', '/edit'),
        form: intent('add'),
        expected: MANAGE_SIGN_IN(200),
      },
      { file: 'agreements.$agreementId.parties.tsx', request: 'GET', path: A('negotiated', '/parties'), expected: PARTY },
      {
        file: 'agreements.$agreementId.parties.tsx',
        request: 'nothing',
        path: A('negotiated', '/parties'),
        form: intent('nothing'),
        expected: MANAGE_SIGN_IN(400),
      },
      { file: 'agreements.$agreementId.signatures.tsx', request: 'GET', path: A('negotiated', '/signatures'), expected: PARTY },
      { file: 'agreements.$agreementId.signatures.tsx', request: 'GET', path: A('signed', '/signatures'), expected: all(200) },
      // Nothing is signed before the text is frozen, whoever asks.
      {
        file: 'agreements.$agreementId.signatures.tsx',
        request: 'sign',
        path: A('negotiated', '/signatures'),
        form: intent('sign', { password: 'x', confirm: 'on' }),
        expected: [LOGIN, 404, 404, 404, 404, 404],
      },
      {
        file: 'agreements.$agreementId.signatures.$signatureId.file.ts',
        request: 'GET',
        path: (s) => `/agreements/${s.agreements.signed}/signatures/${s.agreements.scan}/file`,
        expected: PARTY,
      },
      { file: 'agreements.$agreementId.agreement[.pdf].ts', request: 'GET', path: A('negotiated', '/agreement.pdf'), expected: PARTY },
      { file: 'agreements.$agreementId.agreement[.pdf].ts', request: 'GET', path: A('signed', '/agreement.pdf'), expected: all(200) },
      { file: 'agreements.$agreementId.comments.tsx', request: 'GET', path: A('negotiated', '/comments'), expected: PARTY },
      {
        file: 'agreements.$agreementId.versions.tsx',
        request: 'GET',
        path: A('negotiated', '/versions?from=1&to=current'),
        expected: PARTY,
      },
      {
        file: 'agreements.$agreementId.comments.tsx',
        request: 'comment',
        path: A('negotiated', '/comments'),
        form: intent('comment', { body: '' }),
        expected: [LOGIN, 404, 400, 404, 400, 400],
      },
    ]
  })(),
  { file: 'regions._index.tsx', request: 'GET', path: path_('/regions'), expected: [LOGIN, 200, 200, 200, 200, 200] },
  {
    file: 'regions.options.ts',
    request: 'GET',
    path: path_('/regions/options?voivodeship=24'),
    expected: [LOGIN, 200, 200, 200, 200, 200],
  },
  // The register's places are for every reader of the directory: its filter searches them.
  {
    file: 'search.counties.ts',
    request: 'GET',
    path: path_('/search/counties?q=bol&directory=1'),
    expected: [LOGIN, 200, 200, 200, 200, 200],
  },
  {
    file: 'search.municipalities.ts',
    request: 'GET',
    path: path_('/search/municipalities?q=bol&directory=1'),
    expected: [LOGIN, 200, 200, 200, 200, 200],
  },
  // The pickers' searches answer only those who manage the meeting or team named in the query.
  { file: 'search.people.ts', request: 'GET', path: (s) => `/search/people?q=a&meeting=${s.meetings.dst.id}`, expected: MANAGE(200) },
  { file: 'search.people.ts', request: 'GET', path: (s) => `/search/people?q=a&body=${s.bodies.privateBody.id}`, expected: MANAGE(200) },
  // Forms outside any team (a new team, the directory) search as the directory's editors.
  {
    file: 'search.organisations.ts',
    request: 'GET',
    path: path_('/search/organisations?q=a&directory=1'),
    expected: [404, 404, 404, 200, 200, 200],
  },
  {
    file: 'search.organisations.ts',
    request: 'GET',
    path: (s) => `/search/organisations?q=a&body=${s.bodies.privateBody.id}`,
    expected: MANAGE(200),
  },
  { file: 'search.owners.ts', request: 'GET', path: (s) => `/search/owners?q=a&meeting=${s.meetings.dst.id}`, expected: MANAGE(200) },
  { file: 'verify._index.tsx', request: 'GET', path: path_('/verify'), expected: all(200) },
  { file: 'verify._index.tsx', request: 'POST', path: path_('/verify'), form: () => ({ code: 'NIEMA-TAKIEGO' }), expected: all(400) },
  { file: 'verify.$code.tsx', request: 'GET', path: path_('/verify/NIEMA-TAKIEGO'), expected: all(302) },
]

let scene: Scene
const accounts: Partial<Record<Who, Account>> = {}
const cookies: Partial<Record<Who, string>> = {}

beforeAll(async () => {
  const { createCalendarFixture } = await import('#tests/support/calendar-fixtures')
  const { createTestAccount } = await import('#tests/support/accounts')
  const { SYSTEM_ACTOR } = await import('~/models/audit.server')
  const { createMeeting } = await import('~/models/meeting.server')
  const { addOfficer, createBody } = await import('~/models/body.server')
  const { createOrganisation } = await import('~/models/organisation.server')
  const { createPerson } = await import('~/models/person.server')
  const { MeetingSchema } = await import('~/schemas/meeting')
  const { BodySchema } = await import('~/schemas/body')
  const { getMinutes, startMinutes } = await import('~/models/minutes.server')
  const { approveMinutes, circulateMinutes, publishMinutes, reopenMinutes } = await import('~/models/minutes-cycle.server')
  const { db, schema } = await import('~/db.server')
  const { createRecommendation, getRecommendation, saveRecommendation } = await import('~/models/recommendation.server')
  const { startConsultation } = await import('~/models/recommendation-cycle.server')
  const { eq } = await import('drizzle-orm')
  const fixture = await createCalendarFixture()
  const bodyId = fixture.bodies.privateBody.id
  const future = createMeeting({
    bodyId,
    input: MeetingSchema.parse({
      topic: `Spotkanie w przyszłości ${fixture.suffix}`,
      startsAt: '2099-03-01T10:00',
      endsAt: '2099-03-01T12:00',
      isPublic: false,
    }),
    actor: SYSTEM_ACTOR,
  }).id
  const convening = db.select({ id: schema.bodies.conveningOrganisationId }).from(schema.bodies).where(eq(schema.bodies.id, bodyId)).get()!
    .id
  const closable = createBody({
    input: BodySchema.parse({
      kind: 'working_group',
      name: `Zespół do zamknięcia ${fixture.suffix}`,
      conveningOrganisationId: convening,
      isPublic: false,
    }),
    actor: SYSTEM_ACTOR,
    convenor: fixture.accounts.officer.user,
  })
  if (!closable.ok) throw new Error('closable body')
  const throwaway = await createTestAccount({ name: 'Konto do wyłączenia' })
  const account = db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, throwaway.email)).get()!.id
  const organisation = createOrganisation({
    input: { name: `Instytucja do edycji ${fixture.suffix}`, kind: 'ngo', municipalityCode: '2479011' },
    actor: SYSTEM_ACTOR,
  })
  if (!organisation.ok) throw new Error('organisation')
  const person = createPerson({ input: { name: 'Zofia Źdźbło', organisationId: organisation.id }, actor: SYSTEM_ACTOR })
  if (!person.ok) throw new Error('person')
  const archivable = createOrganisation({
    input: { name: `Instytucja do archiwizacji ${fixture.suffix}`, kind: 'ngo', municipalityCode: '2479011' },
    actor: SYSTEM_ACTOR,
  })
  if (!archivable.ok) throw new Error('organisation')
  const archivablePerson = createPerson({ input: { name: 'Jerzy Ćmiel', organisationId: archivable.id }, actor: SYSTEM_ACTOR })
  if (!archivablePerson.ok) throw new Error('person')
  const secretaries: Scene['secretaries'] = {}
  for (const who of ['officer', 'admin'] as const) {
    const secretary = await createTestAccount({ role: 'officer', name: `Sekretarz (${who})` })
    const id = db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, secretary.email)).get()!.id
    if (!addOfficer({ bodyId, userId: id, role: 'secretary', actor: SYSTEM_ACTOR }).ok) throw new Error('secretary')
    secretaries[who] = id
  }
  const spares: Scene['spares'] = {}
  for (const [position, who] of (['officer', 'admin'] as const).entries()) {
    const returningId = { id: schema.agendaItems.id }
    const agendaItem = db
      .insert(schema.agendaItems)
      .values({
        meetingId: future,
        day: '2099-03-01',
        position,
        startTime: '10:00',
        endTime: '11:00',
        kind: 'discussion',
        title: `Punkt (${who})`,
      })
      .returning(returningId)
      .get().id
    const invite = () =>
      db
        .insert(schema.invitations)
        .values({
          meetingId: future,
          kind: 'guest',
          guestName: `Gość (${who})`,
          guestEmail: `gosc-${who}-${fixture.suffix}@example.pl`,
          tokenHash: crypto.randomBytes(32).toString('hex'),
        })
        .returning({ id: schema.invitations.id })
        .get().id
    const actionItem = db
      .insert(schema.actionItems)
      .values({ bodyId, meetingId: future, position, text: `Zadanie (${who})` })
      .returning({ id: schema.actionItems.id })
      .get().id
    spares[who] = { agendaItem, invitation: invite(), resent: invite(), actionItem }
  }
  const author = { userId: fixture.accounts.officer.user.id, ip: null }
  const done = (result: { ok: boolean }, what: string) => {
    if (!result.ok) throw new Error(`${what}: ${JSON.stringify(result)}`)
  }
  const revision = (meetingId: number) => getMinutes({ meetingId })!.revision
  const withMinutes = (onBody: number, topic: string, isPublic: boolean) => {
    const { id } = createMeeting({
      bodyId: onBody,
      input: MeetingSchema.parse({
        topic: `${topic} ${fixture.suffix}`,
        startsAt: '2025-09-01T10:00',
        endsAt: '2025-09-01T12:00',
        isPublic,
      }),
      actor: SYSTEM_ACTOR,
    })
    startMinutes({ meetingId: id, actor: author })
    return id
  }
  const draft = withMinutes(bodyId, 'Spotkanie z notatką w projekcie', false)
  const commentsDueAt = new Date(Date.now() + 7 * 24 * 3_600_000)
  done(
    await circulateMinutes({ meetingId: draft, commentsDueAt, baseRevision: revision(draft), actor: author, origin: baseURL }),
    'circulate',
  )
  done(reopenMinutes({ meetingId: draft, baseRevision: revision(draft), actor: author }), 'reopen')
  const published = async (visibility: 'members' | 'public') => {
    const id = withMinutes(fixture.bodies.publicBody.id, `Spotkanie z notatką opublikowaną (${visibility})`, true)
    const approval = { approvedBy: 'Grupa na kolejnym spotkaniu', approvedOn: '2025-09-15' }
    done(approveMinutes({ meetingId: id, ...approval, baseRevision: revision(id), actor: author }), 'approve')
    done(await publishMinutes({ meetingId: id, visibility, baseRevision: revision(id), actor: author, origin: baseURL }), 'publish')
    return id
  }
  const minutes = { draft, members: await published('members'), everyone: await published('public') }
  const recModel = await import('~/models/recommendation.server')
  const recCycle = await import('~/models/recommendation-cycle.server')
  const recommendation = async (onBody: number, visibility: 'members' | 'public' | null) => {
    const heading = { title: `Rekomendacje (${visibility ?? 'projekt'}) ${fixture.suffix}`, summary: '', addresseeKinds: ['ops' as const] }
    const id = recModel.createRecommendation({ bodyId: onBody, input: heading, actor: author })
    const rev = () => recModel.getRecommendation({ id })!.revision
    const items = [{ id: null, title: 'Rekomendacja', body: 'Treść.', addresseeKinds: [], timeFrame: null }]
    const input = { ...heading, chapters: [{ id: null, title: 'Rozdział', body: '', items }] }
    done(recModel.saveRecommendation({ id, baseRevision: rev(), input, actor: author }), 'save a recommendation')
    const file = { fileName: 'zalacznik.pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') }
    const annex = recModel.addAnnex({ id, title: 'Załącznik', file, actor: author })
    if (!annex.ok) throw new Error(`annex: ${JSON.stringify(annex)}`)
    if (visibility) {
      const meetingId = fixture.meetings.publicMeeting.id
      done(recCycle.adoptRecommendation({ id, meetingId, baseRevision: rev(), actor: author }), 'adopt')
      done(await recCycle.publishRecommendation({ id, visibility, baseRevision: rev(), actor: author, origin: baseURL }), 'publish')
    }
    return { id, annex: annex.fileId }
  }
  const recommendations = {
    draft: await recommendation(bodyId, null),
    members: await recommendation(fixture.bodies.publicBody.id, 'members'),
    everyone: await recommendation(fixture.bodies.publicBody.id, 'public'),
  }
  const consulted = createRecommendation({
    bodyId,
    input: { title: `Rekomendacje w konsultacji ${fixture.suffix}`, summary: '', addresseeKinds: ['ops'] },
    actor: author,
  })
  const text = getRecommendation({ id: consulted })!
  const item = { id: null, title: 'Wspólna baza ofert', body: 'Tekst rekomendacji.', addresseeKinds: [], timeFrame: null }
  const chapters = text.snapshot.chapters.map((c) => ({ id: c.id, title: 'Rozdział', body: '', items: [item] }))
  const saved = saveRecommendation({ id: consulted, baseRevision: text.revision, input: { ...text.snapshot, chapters }, actor: author })
  done(saved, 'save the recommendation')
  const consultation = await startConsultation({
    id: consulted,
    commentsDueAt,
    baseRevision: getRecommendation({ id: consulted })!.revision,
    actor: author,
    origin: baseURL,
  })
  done(consultation, 'start the consultation')
  const distribution = await (async () => {
    const { sendDistribution } = await import('~/models/distribution.server')
    const { confirmReceipt, fileReport } = await import('~/models/distribution-recipient.server')
    const { storeDocumentFile } = await import('~/models/document/files.server')
    const { DEFAULT_DISTRIBUTION_SETTINGS } = await import('~/schemas/distribution')
    const { createTestOrganisation } = await import('#tests/support/invitations')
    const org = createTestOrganisation('Ośrodek Pomocy Społecznej odbiorca', {
      kind: 'ops',
      email: `odbiorca-${fixture.suffix}@test.invalid`,
    })
    const target = { kind: [], voivodeship: [], county: [], municipality: [], include: [org], exclude: [] }
    const sent = sendDistribution({
      documentId: recommendations.everyone.id,
      target,
      settings: DEFAULT_DISTRIBUTION_SETTINGS,
      actor: author,
      origin: baseURL,
    })
    if (!sent.ok) throw new Error(`distribution: ${sent.error}`)
    const recipient = db
      .select()
      .from(schema.distributionRecipients)
      .where(eq(schema.distributionRecipients.distributionId, sent.distributionId))
      .get()!
    const mail = db.select({ text: schema.outbox.text }).from(schema.outbox).where(eq(schema.outbox.id, recipient.outboxId!)).get()!
    const token = /\/delivery\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!
    done(confirmReceipt({ id: recipient.id, name: 'Ewa Odbiorczyni', position: 'kierownik', userId: null, actor: author }), 'confirm')
    const stored = storeDocumentFile({ fileName: 'sprawozdanie.pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') })
    if (!stored.ok) throw new Error('report file')
    const report = fileReport({
      id: recipient.id,
      status: 'in_progress',
      text: 'W toku.',
      name: 'Ewa Odbiorczyni',
      position: null,
      userId: null,
      file: stored.file,
      actor: author,
    })
    if (!report.ok) throw new Error('report')
    return { id: sent.distributionId, recipient: recipient.id, token, report: report.reportId }
  })()
  const agreements = await (async () => {
    const agreementModel = await import('~/models/agreement/agreement.server')
    const cycle = await import('~/models/agreement/cycle.server')
    const orgId = (name: string) =>
      db.select({ id: schema.organisations.id }).from(schema.organisations).where(eq(schema.organisations.name, name)).get()!.id
    const parties = [orgId(fixture.names.mops), orgId(fixture.names.foundation)]
    const make = async (signed: boolean) => {
      const fields = {
        number: `POR/${signed ? 1 : 2}/${fixture.suffix}`,
        title: `Porozumienie ${fixture.suffix}`,
        subject: '',
        place: 'Żorach',
        validFrom: '2025-01-01',
        validTo: '',
        noticeMonths: '',
      }
      const id = agreementModel.createAgreement({
        bodyId,
        fields,
        paragraphs: [{ title: 'Przedmiot', body: 'Współpraca.' }],
        organisationIds: parties,
        actor: author,
      })
      const snapshot = () => agreementModel.getAgreement({ id })!
      const [mops, foundation] = snapshot().snapshot.parties
      for (const [partyId, personId] of [
        [mops!.id, fixture.personIds.delegate],
        [foundation!.id, fixture.personIds.speaker],
      ] as const)
        done(
          agreementModel.changeParties({
            id,
            baseRevision: snapshot().revision,
            change: { op: 'addSignatory', partyId, personId, position: 'Dyrektor', required: true },
            actor: author,
          }),
          'signatory',
        )
      done(
        await cycle.startNegotiation({ id, baseRevision: snapshot().revision, commentsDueAt: null, actor: author, origin: baseURL }),
        'negotiate',
      )
      if (!signed) return { id, scan: 0 }
      done(await cycle.freezeForSigning({ id, baseRevision: snapshot().revision, actor: author, origin: baseURL }), 'freeze')
      const file = { name: 'skan.pdf', bytes: Buffer.from('%PDF-1.4 skan\n%%EOF\n') }
      const inputs = cycle.signatoriesOf(db, id).map((x) => ({ signatoryId: x.id, method: 'scan' as const, userId: author.userId, file }))
      done(
        await cycle.recordSignatures({ id, versionId: cycle.frozenPdf(db, id)!.versionId, inputs, actor: author, origin: baseURL }),
        'sign',
      )
      done(agreementModel.setAgreementVisibility({ id, baseRevision: snapshot().revision, visibility: 'public', actor: author }), 'publish')
      const scan = db
        .select({ id: schema.agreementSignatures.id })
        .from(schema.agreementSignatures)
        .where(eq(schema.agreementSignatures.agreementId, id))
        .get()!.id
      return { id, scan }
    }
    const negotiated = await make(false)
    const signed = await make(true)
    return { negotiated: negotiated.id, signed: signed.id, scan: signed.scan }
  })()
  const inSeries = (meetingId: number, bodyId: number) => {
    const { id } = db
      .insert(schema.meetingSeries)
      .values({ bodyId, title: `Cykl ${meetingId}`, plannedCount: 3 })
      .returning()
      .get()
    db.update(schema.meetings).set({ seriesId: id }).where(eq(schema.meetings.id, meetingId)).run()
    return id
  }
  const series = { private: inSeries(future, bodyId), public: inSeries(fixture.meetings.publicMeeting.id, fixture.bodies.publicBody.id) }
  scene = {
    ...fixture,
    minutes,
    recommendations,
    distribution,
    agreements,
    consulted,
    spares,
    future,
    series,
    closable: closable.id,
    account,
    organisation: organisation.id,
    person: person.id,
    archivable: { organisation: archivable.id, person: archivablePerson.id },
    secretaries,
  }

  Object.assign(accounts, {
    otherMember: fixture.accounts.otherMember,
    member: fixture.accounts.member,
    otherOfficer: demoOfficer,
    officer: fixture.accounts.officer,
    admin,
  })
  await Promise.all(
    Object.entries(accounts).map(async ([who, account]) => {
      cookies[who as Who] = await login(account.email, account.password)
    }),
  )
})

async function send(row: Row, who: Who): Promise<Response> {
  const account = accounts[who]
  const cookie = row.fresh && account ? await login(account.email, account.password) : cookies[who]
  const url = row.path(scene)
  if (row.request === 'GET') return get(url, { cookie })
  return post(url, row.form!(scene, who), { cookie })
}

function observed(response: Response): Expected {
  const to = location(response)
  if (response.status === 302 && to?.startsWith('/login?')) return 'login'
  return response.status
}

describe('the access matrix', () => {
  it('names every route file', () => {
    const files = fs.readdirSync(path.join(import.meta.dirname, '../../app/routes')).sort()
    const named = new Set(table.map((row) => row.file))
    expect(files.filter((file) => !named.has(file))).toEqual([])
    expect([...named].filter((file) => !files.includes(file))).toEqual([])
  })

  it('answers each person as the table says', async () => {
    // Side by side, but the rows that change something (close, disable…) once per person.
    const actual = await Promise.all(
      table.map(async (row) => {
        const statuses: Expected[] = []
        for (const who of people) statuses.push(observed(await send(row, who)))
        return statuses
      }),
    )
    if (process.env.RECORD) {
      console.log(table.map((row, i) => `${row.file} ${row.request} ${row.path(scene)}: ${JSON.stringify(actual[i])}`).join('\n'))
    }
    const mismatches = table.flatMap((row, i) =>
      JSON.stringify(actual[i]) === JSON.stringify(row.expected) ? [] : [`${row.file} ${row.request}: ${JSON.stringify(actual[i])}`],
    )
    expect(mismatches).toEqual([])
  })
})
