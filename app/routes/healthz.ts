import { config } from '~/config.server'
import { sqlite } from '~/db.server'
import { recentHealthProblems } from '~/health.server'
import { lifePhase } from '~/startup.server'

/** 200 "ok" while running and able to write the database and uploads; 503 naming what is not. */
export async function loader() {
  const phase = lifePhase()
  const problems = phase === 'ready' ? recentHealthProblems({ sqlite, uploadsDir: config.uploadsDir }) : [phase]
  return new Response(problems.length === 0 ? 'ok' : problems.join('\n'), {
    status: problems.length === 0 ? 200 : 503,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  })
}
