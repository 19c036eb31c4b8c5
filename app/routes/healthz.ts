import { config } from '~/config.server'
import { sqlite } from '~/db.server'
import { findHealthProblems } from '~/health.server'
import { isReady } from '~/startup.server'

/** 200 "ok" once started and able to write the database and uploads; 503 naming what is not. */
export async function loader() {
  const problems = isReady() ? findHealthProblems({ sqlite, uploadsDir: config.uploadsDir }) : ['starting']
  return new Response(problems.length === 0 ? 'ok' : problems.join('\n'), {
    status: problems.length === 0 ? 200 : 503,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  })
}
