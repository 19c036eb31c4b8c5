import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { config } from '~/config.server'
import { sqlite } from '~/db.server'
import { findHealthProblems } from '~/health.server'

describe('findHealthProblems', () => {
  let dir: string
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'narada-health-'))
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('finds nothing wrong with the database and uploads the app uses, and leaves no probe behind', () => {
    const uploadsDir = path.join(dir, 'uploads')
    expect(findHealthProblems({ sqlite, uploadsDir })).toEqual([])
    expect(fs.readdirSync(uploadsDir)).toEqual([])
  })

  it('names the database when it cannot be written', () => {
    const readonly = new Database(config.databasePath, { readonly: true, fileMustExist: true })
    try {
      const problems = findHealthProblems({ sqlite: readonly, uploadsDir: path.join(dir, 'uploads') })
      expect(problems).toHaveLength(1)
      expect(problems[0]).toMatch(/^database: not writable \(SQLITE_READONLY/)
    } finally {
      readonly.close()
    }
  })

  it('names the uploads folder when no file can be created in it', () => {
    // Tests run as root, whom chmod does not stop: a folder "inside" a regular file cannot exist.
    const file = path.join(dir, 'a-file')
    fs.writeFileSync(file, '')
    const problems = findHealthProblems({ sqlite, uploadsDir: path.join(file, 'uploads') })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^uploads: not writable \(ENOTDIR/)
  })
})
