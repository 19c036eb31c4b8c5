import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type Database from 'better-sqlite3'

type HealthCheck = { sqlite: Database.Database; uploadsDir: string }

const RECHECK_MS = 2_000
let lastCheck: { at: number; problems: string[] } | null = null

/**
 * findHealthProblems at most once every 2 s: /healthz is public, and each check commits a
 * write with an fsync. The check is synchronous, so callers that arrive together share it.
 */
export function recentHealthProblems(check: HealthCheck): string[] {
  const now = Date.now()
  if (!lastCheck || now - lastCheck.at >= RECHECK_MS) lastCheck = { at: now, problems: findHealthProblems(check) }
  return lastCheck.problems
}

/**
 * What keeps Narada from doing its work, one line each ("database: not writable (…)"),
 * or nothing when it can. Both checks really write: a server that can still read but no
 * longer write looks healthy to a `select 1`.
 */
export function findHealthProblems({ sqlite, uploadsDir }: HealthCheck): string[] {
  return [databaseProblem(sqlite), uploadsProblem(uploadsDir)].filter((problem): problem is string => problem !== null)
}

function databaseProblem(sqlite: Database.Database): string | null {
  try {
    // Setting user_version to the value it has changes nothing, yet the commit goes through
    // the WAL and fsync like any other write: a read-only file or a full disk fails here.
    // A rolled-back write would never reach the disk and prove nothing.
    sqlite
      .transaction(() => {
        const version = sqlite.pragma('user_version', { simple: true }) as number
        sqlite.pragma(`user_version = ${version}`)
      })
      .immediate()
    return null
  } catch (error) {
    return notWritable('database', error)
  }
}

function uploadsProblem(uploadsDir: string): string | null {
  const probe = path.join(uploadsDir, `.health-${crypto.randomBytes(8).toString('hex')}.tmp`)
  try {
    fs.mkdirSync(uploadsDir, { recursive: true })
    fs.writeFileSync(probe, 'ok', { flag: 'wx' })
    fs.rmSync(probe)
    return null
  } catch (error) {
    return notWritable('uploads', error)
  }
}

/**
 * The error's code alone: /healthz is public, and a message such as "ENOSPC: no space left
 * on device, open '/srv/…'" would tell anyone who asks where the files live.
 */
function notWritable(what: 'database' | 'uploads', error: unknown): string {
  const { code } = error as { code?: string }
  return `${what}: not writable (${code ?? 'unknown error'})`
}
