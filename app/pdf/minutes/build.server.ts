import type { MinutesSnapshot } from '~/models/minutes.server'

/** Renders the minutes PDF from a snapshot alone (stub: implemented with the layout). */
export async function renderMinutesPdf({ snapshot }: { snapshot: MinutesSnapshot }): Promise<Buffer> {
  throw new Error(`not implemented: ${snapshot.meetingId}`)
}
