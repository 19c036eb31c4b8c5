import crypto from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { beforeAll, describe, expect, it } from 'vitest'
import { createUserSession, type SessionUser } from '~/auth/session.server'
import { db, schema, sqlite } from '~/db.server'
import { addActionItem } from '~/models/action-item.server'
import { recordAudit } from '~/models/audit.server'
import { createUser } from '~/models/user.server'
import { inRequestScope } from '~/utils/request-scope.server'
import { createCalendarFixture, type CalendarFixture } from '#tests/support/calendar-fixtures'

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
  'minutes',
  'minutes_sections',
  'minutes_versions',
  'minutes_comments',
  'minutes_participants',
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
const cookies: Record<'officer' | 'member' | 'admin', string> = { officer: '', member: '', admin: '' }

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
