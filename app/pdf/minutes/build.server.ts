import type { MinutesSnapshot } from '~/models/minutes.server'
import { renderPdf } from '../document.server'
import { drawMinutes } from './layout'
import { buildMinutesView } from './view'

/**
 * The minutes PDF (PDF/A-2b) from a snapshot alone: a published version rendered again from
 * its frozen snapshot gives the same bytes, whose SHA-256 publishMinutes recorded.
 */
export async function renderMinutesPdf({ snapshot }: { snapshot: MinutesSnapshot }): Promise<Buffer> {
  const view = buildMinutesView(snapshot)
  return renderPdf({
    meta: view.meta,
    options: { pdfA: true, watermark: view.watermark, fundingNotice: view.fundingNotice },
    layout: (doc) => {
      drawMinutes(doc, view)
    },
  })
}
