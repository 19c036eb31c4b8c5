import { appOrigin } from '~/mail/mailer.server'
import { approveMinutes, publishMinutes } from '~/models/minutes-cycle.server'
import type { ToPublish } from './minutes'

/**
 * Takes draft minutes through the app's own cycle: approved, then published with the PDF
 * rendered and archived with its SHA-256. Two threads publish at once, each with its own
 * connection; a transaction that lost the race for the write lock rolled back whole, so it
 * is simply run again.
 */
export async function publishAll(items: ToPublish[]) {
  const origin = appOrigin('http://localhost:3000')
  for (const p of items) {
    const actor = { userId: p.userId, ip: null }
    const approved = await retryBusy(() =>
      approveMinutes({ meetingId: p.meetingId, approvedBy: p.approvedBy, approvedOn: p.approvedOn, baseRevision: 1, actor }),
    )
    if (!approved.ok) throw new Error(`approve minutes of meeting ${p.meetingId}: ${approved.error}`)
    const published = await retryBusy(() =>
      publishMinutes({ meetingId: p.meetingId, visibility: p.visibility, baseRevision: 2, actor, origin }),
    )
    if (!published.ok) throw new Error(`publish minutes of meeting ${p.meetingId}: ${published.error}`)
  }
}

async function retryBusy<T>(step: () => T | Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step()
    } catch (error) {
      const code = (error as { code?: string }).code ?? ''
      if (!code.startsWith('SQLITE_BUSY') || attempt >= 20) throw error
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt))
    }
  }
}
