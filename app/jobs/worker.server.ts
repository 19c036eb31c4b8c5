import crypto from 'node:crypto'
import os from 'node:os'
import { runDueJobs } from './queue.server'

/**
 * Runs the queue's due jobs every `intervalMs` in this process: never two runs at once, a
 * failing run logged and the next one tried. `stop()` waits for the run in progress, so a
 * graceful shutdown leaves no job half done (a killed process leaves a lease that runs out).
 */
export function startJobWorker({
  intervalMs = 15_000,
  owner = `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`,
  log = console.error,
}: { intervalMs?: number; owner?: string; log?: (...args: unknown[]) => void } = {}) {
  let running: Promise<void> | null = null
  let stopped = false
  const tick = () => {
    if (running || stopped) return
    running = (async () => {
      try {
        // A full batch means more may be due: take the next one at once.
        for (let batch = 0; batch < 20 && !stopped; batch++) {
          const report = await runDueJobs({ owner })
          if (report.done + report.failed + report.retried < 50) break
        }
      } catch (error) {
        log('Narada: the job queue run failed', error)
      } finally {
        running = null
      }
    })()
  }
  const timer = setInterval(tick, intervalMs)
  timer.unref()
  tick()
  return {
    owner,
    async stop() {
      stopped = true
      clearInterval(timer)
      await running
    },
  }
}
