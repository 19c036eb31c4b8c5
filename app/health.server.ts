import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type Database from 'better-sqlite3'

/**
 * What keeps Narada from doing its work, one line each ("database: not writable (…)"),
 * or nothing when it can. Both checks really write: a server that can still read but no
 * longer write looks healthy to a `select 1`.
 */
export function findHealthProblems({ sqlite, uploadsDir }: { sqlite: Database.Database; uploadsDir: string }): string[] {
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
    return `database: not writable (${describe(error)})`
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
    return `uploads: not writable (${describe(error)})`
  }
}

function describe(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string }
  return [code, message].filter(Boolean).join(': ') || String(error)
}
