import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
export const ADMIN_EMAIL = 'admin@narada.local'
// Known to the tests only; the server creates this administrator on its empty database.
export const ADMIN_PASSWORD = 'test-admin-password-2026'
const STARTUP_TIMEOUT_MS = 60_000

/**
 * Starts ONE production server (`node server.js` on the Remix build) for tests/http and
 * tests/e2e: a fresh database and uploads folder, SEED=demo, a free port. Its output goes
 * to test-results/server.log.
 */
export default async function setup(project: TestProject) {
  const buildFile = path.join(root, 'build/index.js')
  if (!fs.existsSync(buildFile)) {
    throw new Error(
      'build/index.js is missing: the HTTP and browser tests run the production build. Run `npm test` (remix build && vitest run) or `npm run build` first.',
    )
  }
  warnIfBuildIsStale(buildFile)

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'narada-test-server-'))
  const databasePath = path.join(dir, 'narada.db')
  const uploadsDir = path.join(dir, 'uploads')
  const logPath = path.join(root, 'test-results/server.log')
  fs.mkdirSync(path.dirname(logPath), { recursive: true })
  const log = fs.openSync(logPath, 'w')

  const port = await freePort()
  const baseURL = `http://localhost:${port}`
  const env: NodeJS.ProcessEnv = { ...process.env }
  // Settings of the developer's shell must not leak into the server under test.
  for (const key of ['TRUSTED_ORIGINS', 'MIGRATIONS_DIR', 'REGISTER_CSV', 'TRUST_PROXY', 'FEED_MONTHS_BACK']) delete env[key]
  Object.assign(env, {
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_PATH: databasePath,
    UPLOADS_DIR: uploadsDir,
    SEED: 'demo',
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    // The tests fake client addresses with X-Forwarded-For (tests/support/http.ts), which the
    // server believes only from a proxy it was told to trust: here, anything on loopback.
    TRUST_PROXY: 'loopback',
    // Its own address, so the server refuses other Host names (tests/http/security.test.ts).
    APP_URL: baseURL,
    // Feeds reach 12 months back by default; the demo teams met in 2009–2017.
    FEED_MONTHS_BACK: '240',
  })

  const server = spawn(process.execPath, ['server.js'], { cwd: root, env, stdio: ['ignore', log, log] })
  fs.closeSync(log)
  const killOnExit = () => server.kill('SIGKILL')
  process.once('exit', killOnExit)

  try {
    await waitForHealth(`${baseURL}/healthz`, server)
  } catch (error) {
    server.kill('SIGKILL')
    throw new Error(`${(error as Error).message}\n--- ${path.relative(root, logPath)} (last lines) ---\n${tail(logPath)}`)
  }

  project.provide('baseURL', baseURL)
  project.provide('serverDatabasePath', databasePath)
  project.provide('serverUploadsDir', uploadsDir)
  project.provide('adminEmail', ADMIN_EMAIL)
  project.provide('adminPassword', ADMIN_PASSWORD)
  project.provide('serverLogPath', logPath)

  return async () => {
    process.off('exit', killOnExit)
    await stop(server)
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.unref()
    probe.on('error', reject)
    probe.listen(0, () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

async function waitForHealth(url: string, server: ChildProcess) {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS
  let last = 'no answer'
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`The test server exited during start-up (code ${server.exitCode ?? server.signalCode}).`)
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) })
      if (response.status === 200) return
      last = `HTTP ${response.status}`
    } catch (error) {
      last = (error as Error).message
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`The test server did not answer ${url} with 200 within ${STARTUP_TIMEOUT_MS / 1000} s (last: ${last}).`)
}

async function stop(server: ChildProcess) {
  if (server.exitCode !== null || server.signalCode !== null) return
  const exited = new Promise((resolve) => server.once('exit', resolve))
  server.kill('SIGTERM')
  const timer = setTimeout(() => server.kill('SIGKILL'), 5_000)
  await exited
  clearTimeout(timer)
}

function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')
  } catch {
    return '(no log)'
  }
}

/** A build older than the sources tests yesterday's code: say so (npm test always builds). */
function warnIfBuildIsStale(buildFile: string) {
  const builtAt = fs.statSync(buildFile).mtimeMs
  const newest = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) return Math.max(max, newest(full))
      return /\.test\.tsx?$/.test(entry.name) ? max : Math.max(max, fs.statSync(full).mtimeMs)
    }, 0)
  if (newest(path.join(root, 'app')) > builtAt) {
    console.warn('\n⚠  build/ is older than app/: the HTTP and browser tests run the OLD build. Run `npm test` or `npm run build`.\n')
  }
}
