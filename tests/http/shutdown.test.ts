import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'

// These tests stop a server, so each starts its own: `node server.js` on the build, as in
// production, on a database of its own.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const FAILED = 'Nieprawidłowy adres e-mail lub hasło.'

type Started = { child: ChildProcess; baseURL: string; port: number; databasePath: string; output: () => string }

const dirs: string[] = []
const children: ChildProcess[] = []
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

async function startServer({ uploadsDir }: { uploadsDir?: (dir: string) => string } = {}): Promise<Started> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'narada-shutdown-'))
  dirs.push(dir)
  const databasePath = path.join(dir, 'narada.db')
  const port = await freePort()
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const key of ['TRUSTED_ORIGINS', 'MIGRATIONS_DIR', 'REGISTER_CSV', 'TRUST_PROXY', 'ADMIN_PASSWORD']) delete env[key]
  Object.assign(env, {
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_PATH: databasePath,
    UPLOADS_DIR: uploadsDir?.(dir) ?? path.join(dir, 'uploads'),
    SEED: 'none',
  })
  const child = spawn(process.execPath, ['server.js'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  await waitFor(
    () => output.includes('listening on'),
    child,
    () => output,
  )
  return { child, baseURL: `http://localhost:${port}`, port, databasePath, output: () => output }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.on('error', reject)
    probe.listen(0, () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

async function waitFor(condition: () => boolean, child: ChildProcess, output: () => string) {
  while (!condition()) {
    if (child.exitCode !== null) throw new Error(`The server exited (code ${child.exitCode}):\n${output()}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

function exited(child: ChildProcess): Promise<number | string | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode)
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)))
}

describe('stopping the server with SIGTERM', () => {
  it('finishes the request in flight on a closing connection, refuses new ones, and leaves the database whole without a WAL', async () => {
    const server = await startServer()
    const health = await fetch(`${server.baseURL}/healthz`)
    expect([health.status, await health.text()]).toEqual([200, 'ok'])
    const body = new URLSearchParams({ email: 'nobody@example.org', password: 'not-the-password-2026' }).toString()

    // Expect: 100-continue makes the server say when it has the request: from then on it is in
    // flight, and its body is sent only after the SIGTERM.
    // A keep-alive client would go on sending requests on its open connection.
    const agent = new http.Agent({ keepAlive: true })
    const request = http.request(`${server.baseURL}/login`, {
      method: 'POST',
      agent,
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'Content-Length': Buffer.byteLength(body),
        'X-Forwarded-For': '10.200.0.1',
        Expect: '100-continue',
      },
    })
    const response = new Promise<{ status: number; connection?: string; text: string }>((resolve, reject) => {
      request.on('error', reject)
      request.on('response', (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection, text }))
      })
    })
    await new Promise((resolve) => request.once('continue', resolve))

    const exit = exited(server.child)
    server.child.kill('SIGTERM')
    await waitFor(() => server.output().includes('finishing the requests in flight'), server.child, server.output)
    await expect(fetch(`${server.baseURL}/healthz`)).rejects.toThrow()

    request.end(body)
    const answer = await response
    agent.destroy()
    expect(answer.status).toBe(401)
    expect(answer.connection).toBe('close')
    expect(answer.text).toContain(FAILED)
    // No APP_URL and no TRUST_PROXY, yet a request came through a proxy on this machine.
    expect(server.output()).toContain('APP_URL is not set')
    expect(server.output()).toContain('came through a proxy (X-Forwarded-For), but TRUST_PROXY is not set')

    expect(await exit).toBe(0)
    const wal = `${server.databasePath}-wal`
    expect(fs.existsSync(wal) ? fs.statSync(wal).size : 0).toBe(0)
    const database = new Database(server.databasePath, { readonly: true })
    try {
      expect(database.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(database.prepare('select count(*) as n from users').get()).toEqual({ n: 1 })
    } finally {
      database.close()
    }
  })
})

describe('/healthz of a server that cannot store uploads', () => {
  it('answers 503 naming the uploads folder', async () => {
    const server = await startServer({
      // Tests run as root, whom chmod does not stop: a folder inside a regular file cannot exist.
      uploadsDir: (dir) => {
        fs.writeFileSync(path.join(dir, 'a-file'), '')
        return path.join(dir, 'a-file', 'uploads')
      },
    })
    const response = await fetch(`${server.baseURL}/healthz`)
    expect(response.status).toBe(503)
    // The error's code, not its message, which names the folder's absolute path.
    expect(await response.text()).toBe('uploads: not writable (ENOTDIR)')
  })
})
