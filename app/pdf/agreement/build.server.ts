import type { AgreementSnapshot } from '~/models/agreement/snapshot'
import { renderPdf } from '../document.server'
import { drawAgreement } from './layout'
import { buildAgreementView } from './view'

/**
 * The agreement's PDF (PDF/A-2b, tagged) from a snapshot alone: the frozen version rendered again
 * from its snapshot gives the same bytes, whose SHA-256 every signature names.
 */
export async function renderAgreementPdf({ snapshot }: { snapshot: AgreementSnapshot }): Promise<Buffer> {
  const view = buildAgreementView(snapshot)
  return renderPdf({
    meta: view.meta,
    options: { pdfA: true, watermark: view.watermark },
    layout: (doc) => drawAgreement(doc, view),
  })
}
