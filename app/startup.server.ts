import crypto from 'node:crypto'
import { sql } from 'drizzle-orm'
import { seedDemo } from '#db/seed/demo'
import { registerJobHandlers } from './jobs/handlers.server'
import { startJobWorker } from './jobs/worker.server'
import { pruneLoginAttempts } from './auth/login.server'
import { deleteExpiredSessions } from './auth/session.server'
import { config } from './config.server'
import { closeDatabase, db, migrateDatabase, schema } from './db.server'
import { SYSTEM_ACTOR } from './models/audit.server'
import { fillPeopleSearchText } from './models/directory-search.server'
import { loadRegister } from './models/region.server'
import { createUser } from './models/user.server'

let phase: 'starting' | 'ready' | 'stopping' = 'starting'
let worker: ReturnType<typeof startJobWorker> | null = null

/** `ready` from when the database is migrated and the register loaded until a stop begins. */
export function lifePhase() {
  return phase
}

/**
 * Brings the database to the current schema, loads the territorial register, and on an
 * empty database creates the first administrator and, with SEED=demo, the demo data.
 */
export async function startup({ log = console.log }: { log?: (line: string) => void } = {}) {
  migrateDatabase()
  fillPeopleSearchText()
  loadRegister(config.registerCsv)
  const users =
    db
      .select({ n: sql<number>`count(*)` })
      .from(schema.users)
      .get()?.n ?? 0
  if (users === 0) {
    const password = config.adminPassword ?? crypto.randomBytes(12).toString('base64url')
    const result = await createUser({
      fields: { email: config.adminEmail, name: 'Administrator', role: 'admin' },
      password,
      actor: SYSTEM_ACTOR,
    })
    if (!result.ok) throw new Error(`Cannot create the first administrator: ${JSON.stringify(result.fieldErrors)}`)
    log(`Narada: created the administrator ${config.adminEmail}`)
    if (!config.adminPassword) log(`Narada: its generated password, shown only this once: ${password}`)
    if (config.seed === 'demo') {
      await seedDemo()
      log('Narada: loaded the demo data (SEED=demo)')
    }
  }
  await deleteExpiredSessions()
  pruneLoginAttempts()
  registerJobHandlers()
  // Reminders and deliveries run in the server's own process; JOBS_WORKER=off leaves them to another one.
  if (process.env.JOBS_WORKER !== 'off') worker = startJobWorker()
  phase = 'ready'
}

/**
 * Begins a graceful stop: from now on /healthz answers 503 `stopping`, so a load balancer
 * sends nothing new here. Returns the last step, for when no request is left: closing the database.
 */
export function shutdown() {
  phase = 'stopping'
  return async () => {
    // The job in progress finishes first; nothing is left half done.
    await worker?.stop()
    closeDatabase()
  }
}
