import { sql } from 'drizzle-orm'
import { db } from '~/db.server'
import { isReady } from '~/startup.server'

/** 200 once the database is migrated and answers; 503 before that. */
export async function loader() {
  const ok = isReady() && db.get<{ ok: number }>(sql`select 1 as ok`)?.ok === 1
  return new Response(ok ? 'ok' : 'starting', {
    status: ok ? 200 : 503,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  })
}
