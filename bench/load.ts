/**
 * `npm run bench:load [-- --database PATH --rounds 3 --requests 100 --connections 50]`: serves the
 * production build on the regional dataset and measures the pages of issue 9 with autocannon,
 * each in rounds interleaved with the bare page of the same server (app/routes/bench.bare.tsx),
 * so that whatever else the machine does hits both. Signed-in pages are measured signed in, and
 * the bare page with the same cookie. Writes bench/results/load-<day>.md and .json.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import Database from 'better-sqlite3'
import type { MinutesSnapshot } from '~/models/minutes.server'
import { renderMinutesPdf } from '~/pdf/minutes/build.server'
import { buildIfStale } from '../scripts/build-if-stale.js'
import { formatReport, kilobytes, reportJson, TARGETS, verdict, type Check, type PageMeasure, type Report } from './load-report'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const BENCH_PASSWORD = 'bench-regional-2026'
// A browser asks for compressed pages; the bare page pays for compression just the same.
const LOAD_HEADERS = { 'Accept-Encoding': 'gzip' }

type Settings = {
  database: string
  manifest: string
  rounds: number
  requests: number
  connections: number
  out: string
  only: string | null
}

function readSettings(): Settings {
  const { values } = parseArgs({
    options: {
      database: { type: 'string', default: path.join(root, 'data/bench/regional.db') },
      manifest: { type: 'string' },
      rounds: { type: 'string', default: '3' },
      requests: { type: 'string' },
      connections: { type: 'string', default: '50' },
      out: { type: 'string', default: path.join(root, 'bench/results') },
      // Measures only the pages whose path holds this text (e.g. --only /agreements).
      only: { type: 'string' },
    },
  })
  const database = path.resolve(values.database)
  return {
    database,
    manifest: path.resolve(values.manifest ?? `${database}.json`),
    rounds: Number(values.rounds),
    requests: Number(values.requests ?? 2 * Number(values.connections)),
    connections: Number(values.connections),
    out: path.resolve(values.out),
    only: values.only ?? null,
  }
}

/** PATH.json, written by `npm run bench:data` beside the dataset. */
type Manifest = {
  accounts: { email: string; password?: string; role?: string }[]
  ids: {
    bigBodyId: number
    bigMeetingId: number
    yearOfBigBody: number
    publishedMinutesMeetingId: number
    // Issue 8's distribution; a dataset built before it has none.
    recommendationId?: number
    distributionId?: number
    memberRecipientId?: number
    reportedRecipientId?: number
    deliveryToken?: string
  }
  uploadsDir?: string
}
type Who = 'visitor' | 'admin' | 'officer' | 'member'
const BENCH_ACCOUNTS: Record<Exclude<Who, 'visitor'>, string> = {
  admin: 'admin@bench.narada.local',
  officer: 'urzednik@bench.narada.local',
  member: 'czlonek@bench.narada.local',
}

function ensureDataset(settings: Settings) {
  if (fs.existsSync(settings.database)) return
  console.log(`No dataset at ${settings.database}: generating it (npm run bench:data).`)
  const result = spawnSync('npm', ['run', 'bench:data', '--', '--database', settings.database], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) throw new Error(`npm run bench:data failed (exit ${result.status})`)
}

function ensureBuild() {
  const status = buildIfStale()
  if (status !== 0) throw new Error(`remix build failed (exit ${status})`)
}

const TABLES = [
  'bodies',
  'memberships',
  'meetings',
  'agenda_items',
  'invitations',
  'minutes',
  'document_sections',
  'people',
  'organisations',
  'action_items',
  'distribution_recipients',
  'distribution_reports',
] as const

function countRows(database: string): Record<string, number> {
  const db = new Database(database, { readonly: true })
  try {
    return Object.fromEntries(TABLES.map((table) => [table, (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n]))
  } finally {
    db.close()
  }
}

/** A copy in a temporary folder, so that sign-ins and sessions leave the dataset as it was. */
function copyDataset(database: string): { dir: string; database: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'narada-load-'))
  const copy = path.join(dir, 'narada.db')
  for (const suffix of ['', '-wal']) {
    if (fs.existsSync(database + suffix)) fs.copyFileSync(database + suffix, copy + suffix)
  }
  return { dir, database: copy }
}

/** The dataset's uploads (the manifest's, or uploads/ beside it), or an empty folder of the copy's. */
function uploadsOf(database: string, manifest: Manifest, copyDir: string): string {
  const beside = path.join(path.dirname(database), 'uploads')
  const uploadsDir = manifest.uploadsDir ?? (fs.existsSync(beside) ? beside : path.join(copyDir, 'uploads'))
  fs.mkdirSync(uploadsDir, { recursive: true })
  return uploadsDir
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
    probe.on('error', reject)
  })
}

type Server = { process: ChildProcess; origin: string; startupMs: number; log: string }

async function startServer({ database, uploadsDir, logDir }: { database: string; uploadsDir: string; logDir: string }): Promise<Server> {
  const port = await freePort()
  const log = path.join(logDir, 'server.log')
  const output = fs.openSync(log, 'w')
  const started = performance.now()
  const child = spawn(process.execPath, ['server.js'], {
    cwd: root,
    stdio: ['ignore', output, output],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_PATH: database,
      UPLOADS_DIR: uploadsDir,
      SEED: 'none',
      BENCH_BARE_PAGE: '1',
      // Nothing in the dataset is to be sent, and a worker's ticks would land on some pages and not others.
      JOBS_WORKER: 'off',
      APP_URL: '',
    },
  })
  const origin = `http://localhost:${port}`
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${fs.readFileSync(log, 'utf8')}`)
    const health = await get(origin, '/healthz').catch(() => null)
    if (health?.status === 200) return { process: child, origin, startupMs: performance.now() - started, log }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

function stopServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (server.process.exitCode !== null) return resolve()
    server.process.once('exit', () => resolve())
    server.process.kill('SIGTERM')
  })
}

type Answer = { status: number; headers: http.IncomingHttpHeaders; bytes: number }

/** One request, its body counted as sent (compressed if the server compressed it). */
function request(
  origin: string,
  pathname: string,
  { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(pathname, origin), { method, headers, agent: false }, (res) => {
      let bytes = 0
      res.on('data', (chunk: Buffer) => (bytes += chunk.length))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}
const get = (origin: string, pathname: string, headers: Record<string, string> = {}) => request(origin, pathname, { headers })

/** Signs in through the real /login form, as a browser of this origin would, and keeps the cookie. */
async function signIn(origin: string, account: { email: string; password: string }): Promise<string> {
  const answer = await request(origin, '/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin },
    body: new URLSearchParams({ email: account.email, password: account.password, redirectTo: '/' }).toString(),
  })
  const session = (answer.headers['set-cookie'] ?? []).find((cookie) => cookie.startsWith('narada_session='))
  if (answer.status !== 303 || !session) throw new Error(`Signing in as ${account.email} failed: HTTP ${answer.status}`)
  return session.split(';', 1)[0]!
}

function accountFor(manifest: Manifest, who: Exclude<Who, 'visitor'>): { email: string; password: string } {
  const account =
    manifest.accounts.find((a) => a.role === who) ??
    manifest.accounts.find((a) => a.email === BENCH_ACCOUNTS[who]) ??
    manifest.accounts.find((a) => a.email.startsWith(BENCH_ACCOUNTS[who].split('@')[0]!))
  if (!account) throw new Error(`The manifest names no ${who} account`)
  return { email: account.email, password: account.password ?? BENCH_PASSWORD }
}

type Page = { name: string; path: string; who: Who; ratioTarget: boolean }

function pagesOf(ids: Manifest['ids']): Page[] {
  const { bigBodyId, bigMeetingId, yearOfBigBody } = ids
  const meeting = `/meetings/${bigMeetingId}`
  return [
    { name: 'dashboard', path: '/', who: 'officer', ratioTarget: true },
    { name: '/meetings', path: '/meetings', who: 'officer', ratioTarget: true },
    { name: '/organisations', path: '/organisations', who: 'admin', ratioTarget: true },
    { name: '/organisations?q=pomocy', path: '/organisations?q=pomocy', who: 'admin', ratioTarget: true },
    { name: '/organisations?voivodeship=12', path: '/organisations?voivodeship=12', who: 'admin', ratioTarget: false },
    { name: 'big meeting: overview', path: meeting, who: 'officer', ratioTarget: false },
    { name: 'big meeting: agenda', path: `${meeting}/agenda`, who: 'officer', ratioTarget: true },
    { name: 'big meeting: attendance', path: `${meeting}/attendance`, who: 'officer', ratioTarget: true },
    { name: 'big meeting: invitations', path: `${meeting}/invitations`, who: 'officer', ratioTarget: true },
    { name: 'big team /bodies/:id', path: `/bodies/${bigBodyId}`, who: 'officer', ratioTarget: true },
    { name: 'public portal /', path: '/', who: 'visitor', ratioTarget: true },
    { name: 'big team: year page', path: `/bodies/${bigBodyId}/years/${yearOfBigBody}`, who: 'visitor', ratioTarget: true },
    { name: '/calendar.ics', path: '/calendar.ics', who: 'visitor', ratioTarget: false },
    { name: 'dashboard', path: '/', who: 'member', ratioTarget: true },
    ...distributionPages(ids),
    // Issue 9's register of agreements (3,000 in the dataset).
    { name: '/agreements', path: '/agreements', who: 'visitor', ratioTarget: true },
    { name: '/agreements', path: '/agreements', who: 'officer', ratioTarget: true },
    { name: '/agreements?q=pomocy', path: '/agreements?q=pomocy', who: 'officer', ratioTarget: true },
    { name: '/agreements?validity=expiring', path: '/agreements?validity=expiring', who: 'officer', ratioTarget: true },
    { name: '/agreements', path: '/agreements', who: 'member', ratioTarget: true },
  ]
}

/** Issue 8: the dashboard of a distribution to every institution, its lists, and what a recipient opens. */
function distributionPages({
  recommendationId,
  distributionId,
  memberRecipientId,
  reportedRecipientId,
  deliveryToken,
}: Manifest['ids']): Page[] {
  if (!recommendationId || !distributionId || !memberRecipientId || !reportedRecipientId || !deliveryToken) {
    console.log('The dataset has no distribution (built before issue 8): npm run bench:data -- --force builds one with it.')
    return []
  }
  const dashboard = `/recommendations/${recommendationId}/distribution/${distributionId}`
  return [
    { name: 'distribution dashboard', path: dashboard, who: 'officer', ratioTarget: true },
    { name: 'distribution: to follow up', path: `${dashboard}?state=escalated`, who: 'officer', ratioTarget: true },
    { name: 'distribution: by name', path: `${dashboard}?q=pomocy`, who: 'officer', ratioTarget: true },
    { name: 'distribution: a recipient', path: `${dashboard}/recipients/${reportedRecipientId}`, who: 'officer', ratioTarget: true },
    { name: '/inbox', path: '/inbox', who: 'member', ratioTarget: true },
    { name: '/inbox/:id', path: `/inbox/${memberRecipientId}`, who: 'member', ratioTarget: true },
    { name: 'delivery link', path: `/delivery/${deliveryToken}`, who: 'visitor', ratioTarget: true },
  ]
}

type Cookies = Record<Who, string | null>
const cookieHeaders = (cookie: string | null): Record<string, string> => (cookie ? { Cookie: cookie } : {})

/** The page as one client sees it: it must answer 200; a redirect to /login means the session failed. */
async function checkPage(origin: string, page: Page, cookie: string | null) {
  const plain = await get(origin, page.path, { ...cookieHeaders(cookie), 'Accept-Encoding': 'identity' })
  if (plain.status !== 200) {
    const where = plain.headers.location ? ` to ${plain.headers.location}` : ''
    const cause = String(plain.headers.location).startsWith('/login') ? ` — the ${page.who}'s session cookie was not accepted` : ''
    throw new Error(`${page.path} as ${page.who} answered ${plain.status}${where}${cause}`)
  }
  const started = performance.now()
  const gzip = await get(origin, page.path, { ...cookieHeaders(cookie), 'Accept-Encoding': 'gzip' })
  const aloneMs = performance.now() - started
  return { bytes: plain.bytes, gzipBytes: gzip.bytes, aloneMs, isHtml: String(plain.headers['content-type']).startsWith('text/html') }
}

type Run = { completed: number; seconds: number; latencies: number[]; failures: number }

/**
 * A fixed number of requests, timed to the last answer: with 50 connections a page's requests
 * take turns on one event loop and finish together, so a fixed duration shorter than 50 of them
 * counts none, and whatever it leaves running slows the next run.
 */
async function cannon(url: string, cookie: string | null, amount: number, connections: number): Promise<Run> {
  const latencies: number[] = []
  const started = performance.now()
  let lastAnswer = started
  const instance = autocannon({ url, connections, amount, timeout: 300, headers: { ...LOAD_HEADERS, ...cookieHeaders(cookie) } })
  instance.on('response', (_client, _status, _bytes, milliseconds) => {
    latencies.push(milliseconds)
    lastAnswer = performance.now()
  })
  const result = await instance
  // autocannon's own duration ends on its next one-second tick.
  return { completed: result['2xx'], seconds: (lastAnswer - started) / 1000, latencies, failures: result.non2xx + result.errors }
}

const SETTLE_LIMIT_MS = 20_000

/**
 * The requests a run leaves unanswered when it stops are still worked on, and would be counted
 * against the next run: wait until the server's CPU time (its threads included) stops growing.
 */
async function settle(server: Server) {
  const started = performance.now()
  let before = cpuTicks(server.process.pid!)
  while (performance.now() - started < SETTLE_LIMIT_MS) {
    await new Promise((resolve) => setTimeout(resolve, 250))
    const now = cpuTicks(server.process.pid!)
    // At 100 ticks a second, 2 ticks in 250 ms is an idle server.
    if (now - before <= 2) return
    before = now
  }
  console.log(`  (the server was still busy ${SETTLE_LIMIT_MS / 1000} s after a run)`)
}

/** utime + stime of a process, from /proc/PID/stat (after the command name, which may hold spaces). */
function cpuTicks(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return Number(fields[11]) + Number(fields[12])
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

const BARE = '/bench/bare'

async function measurePage(server: Server, page: Page, cookie: string | null, settings: Settings): Promise<PageMeasure> {
  const { origin } = server
  const sizes = await checkPage(origin, page, cookie)
  const bare: Run[] = []
  const runs: Run[] = []
  for (let round = 0; round < settings.rounds; round++) {
    bare.push(await cannon(origin + BARE, cookie, settings.requests, settings.connections))
    await settle(server)
    runs.push(await cannon(origin + page.path, cookie, settings.requests, settings.connections))
    await settle(server)
  }
  const rate = (all: Run[]) => all.reduce((sum, run) => sum + run.completed, 0) / all.reduce((sum, run) => sum + run.seconds, 0)
  const latencies = runs.flatMap((run) => run.latencies)
  return {
    name: page.name,
    path: page.path,
    who: page.who,
    ratioTarget: page.ratioTarget,
    ...sizes,
    requestsPerSecond: rate(runs),
    bareRequestsPerSecond: rate(bare),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    failures: runs.reduce((sum, run) => sum + run.failures, 0),
  }
}

/** One person typing into a search: requests one after another, p95 of the whole answer. */
async function searchP95(origin: string, pathname: string, cookie: string | null): Promise<number> {
  const first = await get(origin, pathname, cookieHeaders(cookie))
  if (first.status !== 200) throw new Error(`${pathname} answered ${first.status}`)
  const times: number[] = []
  for (let i = 0; i < 220; i++) {
    const started = performance.now()
    await get(origin, pathname, { ...LOAD_HEADERS, ...cookieHeaders(cookie) })
    if (i >= 20) times.push(performance.now() - started)
  }
  return percentile(times, 95)
}

async function calendarRevalidates(origin: string): Promise<{ measured: string; met: boolean }> {
  const first = await get(origin, '/calendar.ics')
  const etag = first.headers.etag
  if (!etag) return { measured: 'no ETag', met: false }
  const again = await get(origin, '/calendar.ics', { 'If-None-Match': etag })
  return { measured: `${again.status} to If-None-Match`, met: again.status === 304 }
}

/** The server and every process it started, from /proc, every 250 ms. */
function watchMemory(pid: number) {
  let peakKb = 0
  const timer = setInterval(() => (peakKb = Math.max(peakKb, treeRssKb(pid))), 250)
  return {
    stop() {
      clearInterval(timer)
      return { peakMb: peakKb / 1024, highWaterMb: statusKb(pid, 'VmHWM') / 1024 }
    },
  }
}

function statusKb(pid: number, field: string): number {
  try {
    const line = fs
      .readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${field}:`))
    return line ? Number(line.split(/\s+/)[1]) : 0
  } catch {
    return 0
  }
}

function treeRssKb(pid: number): number {
  let children: number[] = []
  try {
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      children = children.concat(fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number))
    }
  } catch {
    // The process has just ended.
  }
  return statusKb(pid, 'VmRSS') + children.reduce((sum, child) => sum + treeRssKb(child), 0)
}

/** The published minutes of the dataset rendered again in this process, as publication does. */
async function timeMinutesPdf(database: string, meetingId: number): Promise<{ pages: number; medianMs: number }> {
  const db = new Database(database, { readonly: true })
  const version = db
    .prepare(
      `SELECT v.snapshot AS snapshot FROM document_versions v JOIN minutes m ON m.id = v.document_id
       WHERE m.meeting_id = ? AND v.pdf IS NOT NULL ORDER BY v.number DESC LIMIT 1`,
    )
    .get(meetingId) as { snapshot: string } | undefined
  db.close()
  if (!version) throw new Error(`Meeting ${meetingId} has no published minutes with a PDF`)
  const snapshot = JSON.parse(version.snapshot) as MinutesSnapshot
  const bytes = await renderMinutesPdf({ snapshot })
  for (let i = 0; i < 5; i++) await renderMinutesPdf({ snapshot })
  const times: number[] = []
  for (let i = 0; i < 30; i++) {
    const started = performance.now()
    await renderMinutesPdf({ snapshot })
    times.push(performance.now() - started)
  }
  return { pages: (bytes.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length, medianMs: percentile(times, 50) }
}

function machine(): string {
  const cpus = os.cpus()
  return `${cpus.length} × ${cpus[0]?.model ?? 'CPU'}, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB, Linux ${os.release()}, Node ${process.version}`
}

function commit(): string {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim()
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' }).stdout.trim()
  return dirty ? `${head} (with uncommitted changes)` : head
}

type Search = { path: string; who: Who; routeFile: string }

function searchesOf({ bigMeetingId }: Manifest['ids']): Search[] {
  return [
    { path: '/organisations?q=pomocy', who: 'admin', routeFile: 'organisations._index.tsx' },
    { path: `/search/people?q=kowal&meeting=${bigMeetingId}`, who: 'officer', routeFile: 'search.people.ts' },
    { path: `/search/organisations?q=pomocy&meeting=${bigMeetingId}`, who: 'officer', routeFile: 'search.organisations.ts' },
  ]
}

type Measured = { pages: PageMeasure[]; checks: Check[]; bare: { bytes: number; gzipBytes: number; aloneMs: number } }

/** Everything measured over HTTP, while the server runs. */
async function measureServer(server: Server, manifest: Manifest, settings: Settings): Promise<Measured> {
  const cookies: Cookies = { visitor: null, admin: null, officer: null, member: null }
  for (const who of ['admin', 'officer', 'member'] as const) cookies[who] = await signIn(server.origin, accountFor(manifest, who))
  const bare = await checkPage(server.origin, { name: 'bare page', path: BARE, who: 'visitor', ratioTarget: false }, null)
  const pages: PageMeasure[] = []
  for (const page of pagesOf(manifest.ids).filter((p) => !settings.only || p.path.includes(settings.only))) {
    const measure = await measurePage(server, page, cookies[page.who], settings)
    console.log(
      `  ${page.name} (${page.who}): ${measure.requestsPerSecond.toFixed(1)} req/s, bare ${measure.bareRequestsPerSecond.toFixed(1)}`,
    )
    pages.push(measure)
  }
  const feed = await calendarRevalidates(server.origin)
  const checks: Check[] = [
    {
      target: '/calendar.ics revalidates',
      measured: feed.measured,
      goal: '304',
      verdict: { met: feed.met, missedBy: feed.met ? null : 'no 304' },
    },
  ]
  for (const search of searchesOf(manifest.ids)) {
    if (!fs.existsSync(path.join(root, 'app/routes', search.routeFile))) continue
    const p95 = await searchP95(server.origin, search.path, cookies[search.who])
    checks.push({
      target: `search p95: ${search.path} (${search.who}, one client)`,
      measured: `${p95.toFixed(1)} ms`,
      goal: `≤ ${TARGETS.searchP95Ms} ms`,
      verdict: verdict({ measured: p95, goal: TARGETS.searchP95Ms, reach: 'at most', unit: ' ms', digits: 1 }),
    })
  }
  return { pages, checks, bare }
}

function memoryChecks({ peakMb, highWaterMb }: { peakMb: number; highWaterMb: number }): Check[] {
  const check = (target: string, mb: number): Check => ({
    target,
    measured: `${mb.toFixed(0)} MB`,
    goal: `< ${TARGETS.memoryMb} MB`,
    verdict: verdict({ measured: mb, goal: TARGETS.memoryMb, reach: 'at most', unit: ' MB' }),
  })
  return [
    check('server memory, peak RSS (every 250 ms, with its child processes)', peakMb),
    check('server memory, VmHWM at the end', highWaterMb),
  ]
}

async function pdfCheck(database: string, meetingId: number): Promise<Check> {
  const pdf = await timeMinutesPdf(database, meetingId)
  return {
    target: `minutes PDF of meeting ${meetingId} (${pdf.pages} pages) rendered in process, median of 30`,
    measured: `${pdf.medianMs.toFixed(1)} ms`,
    goal: `≤ ${TARGETS.pdfMs} ms`,
    verdict: verdict({ measured: pdf.medianMs, goal: TARGETS.pdfMs, reach: 'at most', unit: ' ms', digits: 1 }),
  }
}

async function main() {
  const settings = readSettings()
  ensureDataset(settings)
  const manifest = JSON.parse(fs.readFileSync(settings.manifest, 'utf8')) as Manifest
  ensureBuild()
  const counts = countRows(settings.database)
  const copy = copyDataset(settings.database)
  const uploadsDir = uploadsOf(settings.database, manifest, copy.dir)
  const server = await startServer({ database: copy.database, uploadsDir, logDir: copy.dir })
  console.log(`Server up in ${(server.startupMs / 1000).toFixed(1)} s on a copy of ${settings.database}; measuring…`)
  const memory = watchMemory(server.process.pid!)
  let measured: Measured
  try {
    measured = await measureServer(server, manifest, settings)
  } catch (error) {
    console.error(`Server log (${server.log}):\n${fs.readFileSync(server.log, 'utf8').slice(-4000)}`)
    throw error
  } finally {
    measured ??= { pages: [], checks: [], bare: { bytes: 0, gzipBytes: 0, aloneMs: NaN } }
    measured.checks.push(...memoryChecks(memory.stop()))
    await stopServer(server)
  }
  measured.checks.push(await pdfCheck(copy.database, manifest.ids.publishedMinutesMeetingId))
  fs.rmSync(copy.dir, { recursive: true, force: true })
  const { requests, rounds, connections } = settings
  writeResults(settings, {
    title: `Load benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    context: [
      ['commit', commit()],
      ['machine', machine()],
      ['dataset', `${settings.database}: ${TABLES.map((t) => `${counts[t]} ${t}`).join(', ')}`],
      [
        'settings',
        `${connections} connections; per page ${rounds} rounds of ${requests} requests of the bare page, then ${requests} of the page, ` +
          `req/s = answers over the time to the last one; every request sends Accept-Encoding: ${LOAD_HEADERS['Accept-Encoding']}`,
      ],
      ['server start-up', `${(server.startupMs / 1000).toFixed(1)} s to /healthz 200`],
      [
        'bare page',
        `${BARE}, ${kilobytes(measured.bare.bytes)} (gzip ${kilobytes(measured.bare.gzipBytes)}, ${measured.bare.aloneMs.toFixed(0)} ms alone), asked with the cookie of the page it is compared with`,
      ],
      ['size', 'one full GET, uncompressed; gzip: the same GET with Accept-Encoding: gzip, as sent'],
      [
        'latency',
        'alone: one GET with gzip before the rounds; p50 and p99: every response of the page in all rounds, at the connections above',
      ],
    ],
    pages: measured.pages,
    checks: measured.checks,
  })
}

function writeResults(settings: Settings, report: Report) {
  const markdown = formatReport(report)
  const only = settings.only ? `-only${settings.only.replace(/[^a-z0-9]+/gi, '-')}` : ''
  const base = path.join(settings.out, `load-${new Date().toISOString().slice(0, 10)}${only}`)
  fs.mkdirSync(settings.out, { recursive: true })
  fs.writeFileSync(`${base}.md`, markdown)
  fs.writeFileSync(`${base}.json`, `${JSON.stringify(reportJson(report), null, 2)}\n`)
  console.log(`\n${markdown}\nWritten to ${base}.md and .json`)
}

await main()
