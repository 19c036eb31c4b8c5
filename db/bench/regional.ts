/**
 * A dataset of regional size (issue 9): 503 teams of four voivodeships over twelve years and
 * the year ahead, built through the schema's tables, with the app's own models where an
 * invariant lives in them (accounts, frozen minutes versions, approval and publication with
 * the archived PDF and its audit row). Import it only after DATABASE_PATH is set.
 */
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import { hashPassword } from '~/auth/password.server'
import { config } from '~/config.server'
import { db, migrateDatabase, sqlite } from '~/db.server'
import { fillPeopleSearchText } from '~/models/directory-search.server'
import { loadRegister } from '~/models/region.server'
import { createUser } from '~/models/user.server'
import { createDataset } from './dataset'
import { buildDirectory } from './directory'
import { writeAgreements } from './agreements'
import { distributeToRegion, type BenchDistribution } from './distribution'
import { planMeetings, writeMeetings } from './meetings'
import { writeMinutes, type ToPublish } from './minutes'
import { publishAll } from './publish'
import { buildTeams } from './teams'

export const BENCH_PASSWORD = 'bench-regional-2026'
export const BENCH_SEED = 0x6e617261
/**
 * Published minutes at full scale. Approving, rendering (PDF/A with fonts and QR code) and
 * archiving one costs 80–90 ms of one core here; two processes share them, so 1,000 take
 * 45–90 s of the 3-minute budget depending on what else the machine runs.
 */
export const PUBLISHED_AT_FULL_SCALE = 1_000

/** The sizes of issue 9 at scale 1; meetings exceed 20,005 so that 20,003 of them can have minutes. */
const FULL = {
  organisations: 5_013,
  people: 10_053,
  bodies: 503,
  seats: 6_400,
  meetings: 24_600,
  bigBodyMeetings: 240,
  bigBodySeats: 45,
  officerBodies: 50,
  memberBodies: 25,
  agreements: 3_000,
}

export const ACCOUNTS = {
  admin: 'admin@bench.narada.local',
  officer: 'urzednik@bench.narada.local',
  member: 'czlonek@bench.narada.local',
}

export type RegionalResult = {
  accounts: { email: string; role: string; password: string }[]
  ids: {
    bigBodyId: number
    bigMeetingId: number
    yearOfBigBody: number
    publishedMinutesMeetingId: number | null
    memberInstitutionId: number
  } & BenchDistribution
  counts: Record<string, number>
  published: { count: number; msEach: number }
}

export async function buildRegionalDataset({
  scale = 1,
  reference,
  published = Math.round(PUBLISHED_AT_FULL_SCALE * scale),
  seed = BENCH_SEED,
  log = () => {},
}: {
  scale?: number
  reference: Date
  published?: number
  seed?: number
  log?: (line: string) => void
}): Promise<RegionalResult> {
  // A throwaway benchmark database: nothing is lost if the machine stops mid-build.
  sqlite.pragma('synchronous = OFF')
  migrateDatabase()
  loadRegister(config.registerCsv)
  sqlite.pragma('foreign_keys = OFF')
  sqlite.pragma('journal_mode = MEMORY')
  sqlite.pragma('cache_size = -262144')
  const ds = createDataset({ sqlite, seed, reference })
  const size = (n: number, min = 1) => Math.max(min, Math.round(n * scale))
  const step = stepTimer(log)

  const { organisations, people } = sqlite.transaction(() =>
    buildDirectory(ds, { organisationCount: size(FULL.organisations, 20), peopleCount: size(FULL.people, 40) }),
  )()
  // Written in bulk, without the folded copy of each name that the person pickers search.
  fillPeopleSearchText()
  step(`${organisations.length} institutions, ${people.length} people`)

  const officerOrganisation = organisations.find((o) => o.kind === 'rops' && o.municipality.name === 'Kraków')!
  const memberOrganisation = organisations.find((o) => o.name === 'Miejski Ośrodek Pomocy Społecznej w Tarnowie')!
  const officerPerson = officerOrganisation.people[1] ?? officerOrganisation.people[0]!
  const memberPerson = memberOrganisation.people[1] ?? memberOrganisation.people[0]!
  const account = async (email: string, name: string, role: 'admin' | 'officer' | 'member', personId: number | null) => {
    const result = await createUser({ fields: { email, name, role, personId }, password: BENCH_PASSWORD, actor: null })
    if (!result.ok) throw new Error(`${email}: ${JSON.stringify(result.fieldErrors)}`)
    return result.id
  }
  await account(ACCOUNTS.admin, 'Administrator (benchmark)', 'admin', null)
  const officerUserId = await account(ACCOUNTS.officer, officerPerson.name, 'officer', officerPerson.id)
  await account(ACCOUNTS.member, memberPerson.name, 'member', memberPerson.id)
  const passwordHash = await hashPassword(BENCH_PASSWORD)

  const bodyCount = size(FULL.bodies, 3)
  const seatCount = size(FULL.seats, bodyCount * 4)
  const meetingCount = size(FULL.meetings, bodyCount * 4)
  // A team meets as often and seats as many at any scale: only the number of teams shrinks.
  const bigBodyMeetings = Math.min(FULL.bigBodyMeetings, Math.floor(meetingCount * 0.4))
  const bigBodySeats = Math.min(FULL.bigBodySeats, Math.floor(seatCount * 0.3))
  const bodies = sqlite.transaction(() =>
    buildTeams(ds, {
      counts: {
        bodies: bodyCount,
        seats: seatCount,
        meetings: meetingCount,
        bigBodyMeetings,
        bigBodySeats,
        officerBodies: Math.min(bodyCount, size(FULL.officerBodies, 2)),
        memberBodies: Math.min(bodyCount, size(FULL.memberBodies, 2)),
      },
      organisations,
      officer: { userId: officerUserId, name: officerPerson.name, position: officerPerson.position },
      officerPersonId: officerPerson.id,
      officerOrganisation,
      memberOrganisation,
      memberPerson,
      nextUserId: 4,
      passwordHash,
    }),
  )()
  step(`${bodies.length} teams and their seats`)

  const plans = planMeetings(ds, bodies, { published })
  const ids = { meeting: 0, agenda: 0, invitation: 0, series: 0, minutes: 0, section: 0, action: 0 }
  const publish: ToPublish[] = []
  for (const teamPlans of plans) {
    sqlite.transaction(() =>
      writeMeetings(ds, {
        plans: teamPlans,
        people,
        ids,
        each: (m) => {
          if (m.plan.state === 'held') writeMinutes(ds, m, ids, publish)
        },
      }),
    )()
  }
  step(
    `${ids.meeting} meetings, ${ids.agenda} agenda items, ${ids.invitation} invitations, ${ids.minutes} minutes, ${ids.action} action items`,
  )
  // The bulk rows were written without checking each reference; one pass checks them all.
  const broken = sqlite.pragma('foreign_key_check') as unknown[]
  if (broken.length) throw new Error(`${broken.length} rows point at nothing, e.g. ${JSON.stringify(broken[0])}`)
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('journal_mode = WAL')
  step('every reference checked')

  const publishStarted = performance.now()
  // Half the minutes go to a second process: rendering is nearly all the cost, and there are two cores.
  const half = publish.filter((_, i) => i % 2 === 1)
  const helper = half.length
    ? fork(fileURLToPath(new URL('./publish-worker.ts', import.meta.url)), { execArgv: ['--import', 'tsx'] })
    : null
  helper?.send(half)
  const helperDone = new Promise<void>((resolve, reject) => {
    if (!helper) return resolve()
    helper.once('error', reject)
    helper.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the publishing process stopped with ${code}`))))
  })
  try {
    await Promise.all([publishAll(publish.filter((_, i) => i % 2 === 0)), helperDone])
  } catch (error) {
    helper?.kill()
    throw error
  }
  const msEach = publish.length ? (performance.now() - publishStarted) / publish.length : 0
  step(`${publish.length} minutes approved and published with their PDFs (${msEach.toFixed(0)} ms each)`)

  // Issue 8: a recommendation of the big team distributed to every institution, the member's among them.
  const distribution = distributeToRegion({ bodyId: bodies[0]!.id, memberOrganisationId: memberOrganisation.id, reference })
  step(`a recommendation distributed to ${distribution.recipients} institutions, with receipts and reports`)

  const agreementCount = writeAgreements(ds, {
    count: size(FULL.agreements, 20),
    bodyIds: bodies.map((b) => b.id),
    officerBodyId: bodies[0]!.id,
    memberOrganisationId: memberOrganisation.id,
  })
  step(`${agreementCount} agreements in the register`)

  const result: RegionalResult = {
    accounts: [
      { email: ACCOUNTS.admin, role: 'admin', password: BENCH_PASSWORD },
      { email: ACCOUNTS.officer, role: 'officer', password: BENCH_PASSWORD },
      { email: ACCOUNTS.member, role: 'member', password: BENCH_PASSWORD },
    ],
    ids: { ...pagesToMeasure(officerUserId, bodies[0]!.id), memberInstitutionId: memberOrganisation.id, ...distribution },
    counts: countTables(),
    published: { count: publish.length, msEach },
  }
  sqlite.pragma('synchronous = FULL')
  return result
}

/** The pages the load benchmark measures: the officer's biggest team, its busiest year, its biggest meeting, 4-page minutes. */
function pagesToMeasure(officerUserId: number, bigBodyId: number) {
  const bigMeetingId = sqlite
    .prepare(
      `select m.id from meetings m join body_officers o on o.body_id = m.body_id and o.user_id = ?
       order by (select count(*) from agenda_items a where a.meeting_id = m.id) desc,
                (select count(*) from invitations i where i.meeting_id = m.id) desc, m.id limit 1`,
    )
    .pluck()
    .get(officerUserId) as number
  const yearOfBigBody = Number(
    sqlite
      .prepare(
        `select substr(starts_at, 1, 4) as year from meetings where body_id = ? group by year order by count(*) desc, year desc limit 1`,
      )
      .pluck()
      .get(bigBodyId),
  )
  let publishedMinutesMeetingId: number | null = null
  let bestDistance = Infinity
  const published = sqlite.prepare(
    `select mn.meeting_id as meetingId, v.pdf as pdf from document_versions v join minutes mn on mn.id = v.document_id where v.state = 'published' order by mn.meeting_id`,
  )
  for (const row of published.iterate() as Iterable<{ meetingId: number; pdf: Buffer }>) {
    const pages = (row.pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length
    if (Math.abs(pages - 4) < bestDistance) {
      bestDistance = Math.abs(pages - 4)
      publishedMinutesMeetingId = row.meetingId
    }
  }
  return { bigBodyId, bigMeetingId, yearOfBigBody, publishedMinutesMeetingId }
}

/** Rows in every table of the schema, by table name. */
export function countTables(): Record<string, number> {
  const tables = sqlite
    .prepare(
      `select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name`,
    )
    .pluck()
    .all() as string[]
  return Object.fromEntries(tables.map((t) => [t, Number(db.get<{ n: number }>(sql.raw(`select count(*) as n from "${t}"`)).n)]))
}

function stepTimer(log: (line: string) => void) {
  const started = performance.now()
  let last = started
  return (what: string) => {
    const now = performance.now()
    log(`${((now - started) / 1000).toFixed(1).padStart(6)} s  (+${((now - last) / 1000).toFixed(1)} s)  ${what}`)
    last = now
  }
}
