import crypto from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { beforeAll, describe, expect, it } from 'vitest'
import { createUserSession, type SessionUser } from '~/auth/session.server'
import { db, schema, sqlite } from '~/db.server'
import { addActionItem } from '~/models/action-item.server'
import { recordAudit } from '~/models/audit.server'
import { addMinutesComment } from '~/models/minutes-comment.server'
import { circulateMinutes } from '~/models/minutes-cycle.server'
import { getMinutes } from '~/models/minutes.server'
import {
  listBodyRecommendations,
  listPublicRecommendations,
  listRecommendations,
  meetingsForAdoption,
  recommendationsAdoptedAt,
} from '~/models/recommendation-list.server'
import { findPublishedDocumentBySha256 } from '~/models/verification.server'
import { distributionCounts, listRecipients } from '~/models/distribution-dashboard.server'
import { listInbox, recipientByToken } from '~/models/distribution-recipient.server'
import { listDistributions, previewDistribution } from '~/models/distribution.server'
import { createUser } from '~/models/user.server'
import { getAgreement } from '~/models/agreement/agreement.server'
import { signatoriesOf } from '~/models/agreement/cycle.server'
import { listAgreements } from '~/models/agreement/register.server'
import { inRequestScope } from '~/utils/request-scope.server'
import { createCalendarFixture, type CalendarFixture } from '#tests/support/calendar-fixtures'
import { createMinutesScene, publishSceneMinutes, type MinutesScene } from '#tests/support/published-minutes'

/**
 * The pages a region opens all day, loaded through their real loaders; every statement they
 * run is explained with its own parameters, and none may read a big table row by row. SQLite
 * plans from the schema, not from the table sizes (no ANALYZE runs here or in production), so
 * a plan seen on this small database is the plan on 20,000 meetings.
 */
const BIG_TABLES = new Set([
  'meetings',
  'agenda_items',
  'agenda_speakers',
  'invitations',
  'documents',
  'document_sections',
  'document_versions',
  'document_comments',
  'document_files',
  'minutes',
  'minutes_participants',
  'recommendations',
  'action_items',
  'action_item_owners',
  'memberships',
  'people',
  'organisations',
  'presentations',
  'presentation_files',
  'audit_log',
  'outbox',
  'sessions',
  'login_attempts',
  'distributions',
  'distribution_recipients',
  'distribution_links',
  'distribution_reports',
  'jobs',
  'agreements',
  'agreement_parties',
  'agreement_signatories',
  'agreement_signatures',
  'agreement_sources',
])

// A words-anywhere search of names (`like '%ośrodek%'`) reads every name: 5,000 institutions or
// 10,000 people take about a millisecond. Such a scan is allowed where the statement searches text.
const TEXT_SEARCHED = new Set(['organisations', 'people'])

// Counting meetings per Warsaw year reads every meeting the user may see, whatever the index;
// its answer is kept until the database changes (keptUntilChange), so it runs once per change.
const COUNTED_ONCE_PER_CHANGE = /^select cast\(substr\("meetings"\."starts_at", 1, 4\) as integer\)/i

type Ran = { sql: string; params: unknown[] }

/** Every statement the app prepares while `load` runs, with the parameters it ran with. */
async function statementsOf(load: () => Promise<unknown>): Promise<Ran[]> {
  const ran: Ran[] = []
  const prepare = sqlite.prepare
  sqlite.prepare = function (this: typeof sqlite, source: string) {
    const statement = prepare.call(this, source)
    for (const method of ['all', 'get', 'run', 'iterate', 'values'] as const) {
      const original = (statement as unknown as Record<string, (...args: unknown[]) => unknown>)[method]
      if (!original) continue
      ;(statement as unknown as Record<string, unknown>)[method] = function (this: unknown, ...params: unknown[]) {
        ran.push({ sql: source, params })
        return original.apply(this, params)
      }
    }
    return statement
  } as typeof sqlite.prepare
  try {
    await load()
  } finally {
    sqlite.prepare = prepare
  }
  return ran
}

/** The steps of a plan that read a big table row by row. */
function fullScans({ sql, params }: Ran): string[] {
  if (!/^\s*(select|with)\b/i.test(sql) || COUNTED_ONCE_PER_CHANGE.test(sql)) return []
  const plan = (sqlite.prepare(`explain query plan ${sql}`).all(...(params as never[])) as { detail: string }[]).map((step) => step.detail)
  const sorts = plan.some((detail) => detail.startsWith('USE TEMP B-TREE'))
  return plan.filter((detail) => {
    const scanned = /^SCAN (\w+)(?: AS \w+)?$/.exec(detail)?.[1]
    if (!scanned || !BIG_TABLES.has(scanned)) return false
    if (TEXT_SEARCHED.has(scanned) && /\blike\b/i.test(sql)) return false
    // Newest first by id, one page: SQLite walks the rowid from the end and stops at the limit.
    return !(!sorts && new RegExp(`order by "${scanned}"\\."id" desc limit`, 'i').test(sql))
  })
}

let fixture: CalendarFixture
let seriesId = 0
const cookies: Record<'officer' | 'member' | 'admin' | 'minutesOfficer' | 'minutesMember', string> = {
  officer: '',
  member: '',
  admin: '',
  minutesOfficer: '',
  minutesMember: '',
}
/** Minutes published to everyone, and minutes sent for comments with a comment on a section. */
const minutes = { published: 0, circulated: 0, code: '', pdfSha256: '' }

async function cookieOf(user: Pick<SessionUser, 'id'>) {
  return (await createUserSession(user.id, new Request('http://localhost/login'))).split(';')[0]!
}

beforeAll(async () => {
  fixture = await createCalendarFixture()
  cookies.officer = await cookieOf(fixture.accounts.officer.user)
  cookies.member = await cookieOf(fixture.accounts.member.user)
  const email = `plans-${crypto.randomUUID()}@narada.test`
  const admin = await createUser({ fields: { email, name: 'Admin', role: 'admin' }, password: 'correct horse battery staple', actor: null })
  if (!admin.ok) throw new Error(JSON.stringify(admin.fieldErrors))
  cookies.admin = await cookieOf({ id: admin.id })
  const series = db
    .insert(schema.meetingSeries)
    .values({ bodyId: fixture.bodies.privateBody.id, title: 'Cykl spotkań', plannedCount: 3 })
    .returning({ id: schema.meetingSeries.id })
    .get()
  db.update(schema.meetings).set({ seriesId: series.id }).where(eq(schema.meetings.id, fixture.meetings.dst.id)).run()
  seriesId = series.id
  // Items with several owners, so that the owners' query runs on the action item pages.
  const [first, second] = db.select({ id: schema.organisations.id }).from(schema.organisations).limit(2).all()
  const person = db.select({ id: schema.people.id }).from(schema.people).limit(1).get()
  for (const text of ['Zawarcie porozumienia MOPS–PUP', 'Przekazanie katalogu usług']) {
    const owners = [`organisation:${first!.id}`, `organisation:${second!.id}`, `person:${person!.id}`]
    const saved = addActionItem({ meetingId: fixture.meetings.dst.id, input: { text, owners }, actor: { userId: null, ip: null } })
    if (!saved.ok) throw new Error(JSON.stringify(saved))
  }

  const origin = 'http://localhost'
  const published: MinutesScene = await createMinutesScene({ open: true })
  minutes.published = published.meetingId
  const publication = await publishSceneMinutes(published, { visibility: 'public', origin })
  minutes.code = publication.code
  minutes.pdfSha256 = publication.pdfSha256
  const circulated: MinutesScene = await createMinutesScene()
  minutes.circulated = circulated.meetingId
  const live = getMinutes({ meetingId: circulated.meetingId })!
  const sent = await circulateMinutes({
    meetingId: circulated.meetingId,
    commentsDueAt: new Date(Date.now() + 14 * 86_400_000),
    baseRevision: live.revision,
    actor: circulated.actor,
    origin,
  })
  if (!sent.ok) throw new Error(sent.error)
  const member = circulated.accounts.member.user
  const commented = addMinutesComment({
    meetingId: circulated.meetingId,
    sectionId: live.snapshot.sections[0]!.id,
    body: 'Proszę dopisać przedstawiciela PUP.',
    actor: { userId: member.id, ip: null },
  })
  if (!commented.ok) throw new Error(commented.error)
  cookies.minutesOfficer = await cookieOf(circulated.accounts.officer.user)
  cookies.minutesMember = await cookieOf(member)
})

type Route = { loader: (args: LoaderFunctionArgs) => unknown }
type Page = { route: () => Promise<Route>; path: (f: CalendarFixture) => string; params?: (f: CalendarFixture) => Record<string, string> }

const meetingParams = (f: CalendarFixture) => ({ meetingId: String(f.meetings.dst.id) })
const pages: Record<string, Page & { as: keyof typeof cookies | 'visitor' }> = {
  'the dashboard of an officer': { as: 'officer', route: () => import('~/routes/_index'), path: () => '/' },
  'the dashboard of a member': { as: 'member', route: () => import('~/routes/_index'), path: () => '/' },
  'the public portal': { as: 'visitor', route: () => import('~/routes/_index'), path: () => '/' },
  '/meetings': { as: 'officer', route: () => import('~/routes/meetings._index'), path: () => '/meetings' },
  'the month calendar': { as: 'officer', route: () => import('~/routes/meetings._index'), path: () => '/meetings?view=month' },
  "a team's page": {
    as: 'officer',
    route: () => import('~/routes/bodies.$bodyId._index'),
    path: (f) => `/bodies/${f.bodies.publicBody.id}`,
    params: (f) => ({ bodyId: String(f.bodies.publicBody.id) }),
  },
  "a team's year, to the public": {
    as: 'visitor',
    route: () => import('~/routes/bodies.$bodyId.years.$year'),
    path: (f) => `/bodies/${f.bodies.publicBody.id}/years/2025`,
    params: (f) => ({ bodyId: String(f.bodies.publicBody.id), year: '2025' }),
  },
  "a team's action items": {
    as: 'officer',
    route: () => import('~/routes/bodies.$bodyId.action-items'),
    path: (f) => `/bodies/${f.bodies.privateBody.id}/action-items`,
    params: (f) => ({ bodyId: String(f.bodies.privateBody.id) }),
  },
  "a meeting's action items": {
    as: 'officer',
    route: () => import('~/routes/meetings.$meetingId.minutes.action-items'),
    path: (f) => `/meetings/${f.meetings.dst.id}/minutes/action-items`,
    params: meetingParams,
  },
  'the directory': { as: 'admin', route: () => import('~/routes/organisations._index'), path: () => '/organisations' },
  'the directory by kind': { as: 'admin', route: () => import('~/routes/organisations._index'), path: () => '/organisations?kind=ops' },
  'the directory by several kinds, counties and municipalities': {
    as: 'member',
    route: () => import('~/routes/organisations._index'),
    path: () => '/organisations?kind=ops&kind=pup&county=0201&county=0205&municipality=0202011',
  },
  'the directory by county alone': {
    as: 'member',
    route: () => import('~/routes/organisations._index'),
    path: () => '/organisations?county=2469',
  },
  "a team's search for new members": {
    as: 'officer',
    route: () => import('~/routes/bodies.$bodyId.members'),
    path: (f) => `/bodies/${f.bodies.privateBody.id}/members?bulk=1&kind=ops&kind=pup&county=2469`,
    params: (f) => ({ bodyId: String(f.bodies.privateBody.id) }),
  },
  "the directory's CSV export": {
    as: 'member',
    route: () => import('~/routes/organisations.export[.csv]'),
    path: () => '/organisations/export.csv?kind=ops&kind=pup&county=0201&county=0205',
  },
  'a meeting': {
    as: 'member',
    route: () => import('~/routes/meetings.$meetingId'),
    path: (f) => `/meetings/${f.meetings.dst.id}`,
    params: meetingParams,
  },
  "a meeting's overview": {
    as: 'member',
    route: () => import('~/routes/meetings.$meetingId._index'),
    path: (f) => `/meetings/${f.meetings.dst.id}`,
    params: meetingParams,
  },
  "a meeting's agenda": {
    as: 'officer',
    route: () => import('~/routes/meetings.$meetingId.agenda'),
    path: (f) => `/meetings/${f.meetings.dst.id}/agenda`,
    params: meetingParams,
  },
  "a meeting's attendance": {
    as: 'officer',
    route: () => import('~/routes/meetings.$meetingId.attendance'),
    path: (f) => `/meetings/${f.meetings.dst.id}/attendance`,
    params: meetingParams,
  },
  "a meeting's invitations": {
    as: 'officer',
    route: () => import('~/routes/meetings.$meetingId.invitations'),
    path: (f) => `/meetings/${f.meetings.dst.id}/invitations`,
    params: meetingParams,
  },
  'the public feed': { as: 'visitor', route: () => import('~/routes/calendar[.ics]'), path: () => '/calendar.ics' },
  "a team's feed for its officer": {
    as: 'officer',
    route: () => import('~/routes/bodies.$bodyId.calendar[.ics]'),
    path: (f) => `/bodies/${f.bodies.publicBody.id}/calendar.ics`,
    params: (f) => ({ bodyId: String(f.bodies.publicBody.id) }),
  },
  'a person picker': {
    as: 'officer',
    route: () => import('~/routes/search.people'),
    path: (f) => `/search/people?q=${encodeURIComponent('gęśla')}&meeting=${f.meetings.dst.id}`,
  },
  'an institution picker': {
    as: 'officer',
    route: () => import('~/routes/search.organisations'),
    path: (f) => `/search/organisations?q=osrodek&body=${f.bodies.privateBody.id}`,
  },
  'a series': {
    as: 'member',
    route: () => import('~/routes/series.$seriesId'),
    path: () => `/series/${seriesId}`,
    params: () => ({ seriesId: String(seriesId) }),
  },
  'circulated minutes, to their officer': {
    as: 'minutesOfficer',
    route: () => import('~/routes/meetings.$meetingId.minutes._index'),
    path: () => `/meetings/${minutes.circulated}/minutes`,
    params: () => ({ meetingId: String(minutes.circulated) }),
  },
  'circulated minutes, to a member who comments': {
    as: 'minutesMember',
    route: () => import('~/routes/meetings.$meetingId.minutes._index'),
    path: () => `/meetings/${minutes.circulated}/minutes`,
    params: () => ({ meetingId: String(minutes.circulated) }),
  },
  "the minutes' comments": {
    as: 'minutesOfficer',
    route: () => import('~/routes/meetings.$meetingId.minutes.comments'),
    path: () => `/meetings/${minutes.circulated}/minutes/comments`,
    params: () => ({ meetingId: String(minutes.circulated) }),
  },
  "the minutes' versions": {
    as: 'minutesOfficer',
    route: () => import('~/routes/meetings.$meetingId.minutes.versions._index'),
    path: () => `/meetings/${minutes.circulated}/minutes/versions`,
    params: () => ({ meetingId: String(minutes.circulated) }),
  },
  'a version of the minutes': {
    as: 'minutesOfficer',
    route: () => import('~/routes/meetings.$meetingId.minutes.versions.$number'),
    path: () => `/meetings/${minutes.circulated}/minutes/versions/1`,
    params: () => ({ meetingId: String(minutes.circulated), number: '1' }),
  },
  'published minutes, to the public': {
    as: 'visitor',
    route: () => import('~/routes/meetings.$meetingId.minutes._index'),
    path: () => `/meetings/${minutes.published}/minutes`,
    params: () => ({ meetingId: String(minutes.published) }),
  },
  "published minutes' PDF, to the public": {
    as: 'visitor',
    route: () => import('~/routes/meetings.$meetingId.minutes[.pdf]'),
    path: () => `/meetings/${minutes.published}/minutes.pdf`,
    params: () => ({ meetingId: String(minutes.published) }),
  },
  'a verification code': {
    as: 'visitor',
    route: () => import('~/routes/verify.$code'),
    path: () => `/verify/${minutes.code}`,
    params: () => ({ code: minutes.code }),
  },
  'the audit log': { as: 'admin', route: () => import('~/routes/admin.audit'), path: () => '/admin/audit' },
  'the accounts': { as: 'admin', route: () => import('~/routes/admin.users._index'), path: () => '/admin/users' },
}

describe('the pages of a region read big tables by index', () => {
  it.each(Object.keys(pages))('%s', async (name) => {
    const page = pages[name]!
    const { loader } = await page.route()
    const headers = page.as === 'visitor' ? undefined : { Cookie: cookies[page.as] }
    const request = new Request(`http://localhost${page.path(fixture)}`, { headers })
    // A change, so that no answer kept from an earlier page (keptUntilChange) hides a query.
    recordAudit(db, { actorUserId: null, action: 'test.query-plans' })
    const ran = await statementsOf(() =>
      inRequestScope(async () => {
        const answer = await loader({ request, params: page.params?.(fixture) ?? {}, context: {} })
        // A loader's 200 is the page; a redirect or 404 would mean the test reads another page.
        if (answer instanceof Response && answer.status !== 200) throw new Error(`${name}: ${answer.status}`)
      }),
    )
    expect(ran.length, 'statements run').toBeGreaterThan(0)
    const scans = ran.flatMap((statement) => fullScans(statement).map((step) => `${step}  ←  ${statement.sql}`))
    expect(scans).toEqual([])
  })
})

describe('checking an uploaded PDF on /verify', () => {
  it('finds its published version by the SHA-256 index, not newest first through every version', async () => {
    const ran = await statementsOf(async () => {
      expect(findPublishedDocumentBySha256({ sha256: minutes.pdfSha256 })?.code).toBe(minutes.code)
    })
    const lookup = ran.find((statement) => /"pdf_sha256" = \?/.test(statement.sql))!
    const plan = sqlite.prepare(`explain query plan ${lookup.sql}`).all(...(lookup.params as never[])) as { detail: string }[]
    expect(plan.map((step) => step.detail)).toContain('SEARCH document_versions USING INDEX document_versions_sha_idx (pdf_sha256=?)')
  })
})

describe('the lists of recommendations read by index', () => {
  /** A member of a team, as the lists see them: insiders read every state of their teams. */
  const insider = (): SessionUser => {
    const row = db
      .select({
        id: schema.users.id,
        email: schema.users.email,
        name: schema.users.name,
        role: schema.users.role,
        personId: schema.users.personId,
      })
      .from(schema.users)
      .innerJoin(schema.memberships, eq(schema.memberships.delegatePersonId, schema.users.personId))
      .where(eq(schema.users.role, 'member'))
      .get()!
    return row
  }
  const bodyId = () => db.select({ id: schema.bodies.id }).from(schema.bodies).get()!.id
  const meetingId = () => db.select({ id: schema.meetings.id }).from(schema.meetings).get()!.id
  const lists: Record<string, () => unknown> = {
    '/recommendations to a visitor': () => listRecommendations({ user: null, page: 1 }),
    '/recommendations to a member': () => listRecommendations({ user: insider(), page: 2 }),
    '/recommendations of one team, state and year': () =>
      listRecommendations({ user: insider(), bodyId: bodyId(), state: 'published', year: 2031, page: 1 }),
    "a team's recommendations, to its member": () => listBodyRecommendations({ bodyId: bodyId(), access: 'member', page: 1 }),
    "a team's recommendations, to the public": () => listBodyRecommendations({ bodyId: bodyId(), access: 'public', page: 1 }),
    'the public portal': () => listPublicRecommendations({ page: 1 }),
    'adopted at a meeting': () => recommendationsAdoptedAt({ meetingId: meetingId(), access: 'public' }),
    'meetings to adopt at': () => meetingsForAdoption({ bodyId: bodyId() }),
  }
  it.each(Object.keys(lists))('%s', async (name) => {
    const ran = await statementsOf(async () => inRequestScope(async () => lists[name]!()))
    expect(ran.length, 'statements run').toBeGreaterThan(0)
    expect(ran.flatMap((statement) => fullScans(statement).map((step) => `${step}  ←  ${statement.sql}`))).toEqual([])
  })
})

describe('distributions read by index', () => {
  const distribution = () => db.select({ id: schema.distributions.id }).from(schema.distributions).get()?.id ?? 1
  const organisation = () => db.select({ id: schema.organisations.id }).from(schema.organisations).get()!.id
  const target = {
    kind: ['ops', 'pup'] as ('ops' | 'pup')[],
    voivodeship: ['12'],
    county: ['2469'],
    municipality: ['3064011'],
    include: [1],
    exclude: [2],
  }
  const lists: Record<string, () => unknown> = {
    'a preview by kind and region': () => previewDistribution({ target }),
    "the dashboard's counts": () => distributionCounts({ distributionId: distribution(), escalateAfterDays: 21 }),
    'every recipient, a page': () => listRecipients({ distributionId: distribution(), filter: { page: 2 }, escalateAfterDays: 21 }),
    'recipients of a state': () =>
      listRecipients({ distributionId: distribution(), filter: { state: 'confirmed' }, escalateAfterDays: 21 }),
    'recipients of a county': () => listRecipients({ distributionId: distribution(), filter: { county: '1201' }, escalateAfterDays: 21 }),
    'recipients of a kind': () => listRecipients({ distributionId: distribution(), filter: { kind: 'ops' }, escalateAfterDays: 21 }),
    'the escalation list': () => listRecipients({ distributionId: distribution(), filter: { state: 'escalated' }, escalateAfterDays: 21 }),
    "an institution's inbox": () => listInbox({ organisationId: organisation(), page: 1 }),
    'a link': () => recipientByToken({ token: 'a'.repeat(43) }),
    'the distributions of a document': () => listDistributions({ documentId: 1 }),
  }
  it.each(Object.keys(lists))('%s', async (name) => {
    const ran = await statementsOf(async () => inRequestScope(async () => lists[name]!()))
    expect(ran.length, 'statements run').toBeGreaterThan(0)
    expect(ran.flatMap((statement) => fullScans(statement).map((step) => `${step}  ←  ${statement.sql}`))).toEqual([])
  })
})

describe("a distribution's recipients, every filter of the dashboard", () => {
  const distribution = () => db.select({ id: schema.distributions.id }).from(schema.distributions).get()?.id ?? 1
  const list = (filter: Parameters<typeof listRecipients>[0]['filter']) => () =>
    listRecipients({ distributionId: distribution(), filter, escalateAfterDays: 21 })
  const lists: Record<string, () => unknown> = {
    'a name search': list({ q: 'ośrodek' }),
    'a name search, a page further': list({ q: 'ośrodek', page: 3 }),
    'a state of a county': list({ state: 'sent', county: '1201' }),
    'a kind in a state': list({ state: 'opened', kind: 'pup' }),
    'the escalation list of a county': list({ state: 'escalated', county: '1201' }),
    'every filter at once': list({ state: 'reported', county: '1201', kind: 'ops', q: 'gmina', page: 2 }),
    'the counts, a long escalation': () => distributionCounts({ distributionId: distribution(), escalateAfterDays: 365 }),
  }
  it.each(Object.keys(lists))('%s', async (name) => {
    const ran = await statementsOf(async () => inRequestScope(async () => lists[name]!()))
    expect(ran.length, 'statements run').toBeGreaterThan(0)
    expect(ran.flatMap((statement) => fullScans(statement).map((step) => `${step}  ←  ${statement.sql}`))).toEqual([])
  })
})

describe('the register of agreements, every filter, read by index', () => {
  const user = () => fixture.accounts.member.user
  const officer = () => fixture.accounts.officer.user
  const lists: Record<string, () => unknown> = {
    'to a visitor': () => listAgreements({ user: null, filter: {} }),
    'to a party’s member, a page further': () => listAgreements({ user: user(), filter: { page: 3 } }),
    'to an officer, by party name': () => listAgreements({ user: officer(), filter: { q: 'ośrodek' } }),
    'by county and state': () => listAgreements({ user: user(), filter: { county: '2479', state: 'signed' } }),
    'expiring soon': () => listAgreements({ user: officer(), filter: { validity: 'expiring' } }),
    'every filter at once': () =>
      listAgreements({ user: officer(), filter: { q: 'pup', county: '2479', state: 'signed', validity: 'current', page: 2 } }),
    'one agreement, resolved': () => getAgreement({ id: 1 }),
    'its signatories': () => signatoriesOf(db, 1),
  }
  it.each(Object.keys(lists))('%s', async (name) => {
    const ran = await statementsOf(async () => inRequestScope(async () => lists[name]!()))
    expect(ran.length, 'statements run').toBeGreaterThan(0)
    expect(ran.flatMap((statement) => fullScans(statement).map((step) => `${step}  ←  ${statement.sql}`))).toEqual([])
  })
})
