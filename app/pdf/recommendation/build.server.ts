import type { RecommendationSnapshot } from '~/models/recommendation-snapshot'
import { renderPdf } from '../document.server'
import { drawRecommendation } from './layout'
import { buildRecommendationView } from './view'

/**
 * The recommendations' PDF (PDF/A-2b, tagged) from a snapshot alone: a published version
 * rendered again from its frozen snapshot gives the same bytes, whose SHA-256 publication
 * recorded.
 */
export async function renderRecommendationPdf({ snapshot }: { snapshot: RecommendationSnapshot }): Promise<Buffer> {
  const view = buildRecommendationView(snapshot)
  return renderPdf({
    meta: view.meta,
    options: { pdfA: true, watermark: view.watermark, fundingNotice: view.fundingNotice },
    layout: (doc) => drawRecommendation(doc, view),
  })
}
