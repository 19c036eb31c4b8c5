import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireAgreement } from '~/auth/access.server'
import { archivedAgreementPdf } from '~/models/agreement/cycle.server'
import { renderAgreementPdf } from '~/pdf/agreement/build.server'
import { agreementPdfFileName } from '~/utils/agreement-page.server'
import { fileResponse } from '~/utils/content-disposition'

/**
 * agreement.pdf: once concluded, the signed agreement's archived record (the text and the page
 * of its signatures, what its code vouches for); while it is signed, the frozen PDF itself, the
 * exact bytes every signature names; before that a render of the live text, marked PROJEKT.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { agreement } = await requireAgreement(request, params, 'agreement.read')
  const number = agreement.snapshot.number
  if (agreement.state !== 'draft' && agreement.state !== 'negotiation') {
    const archived = archivedAgreementPdf(agreement.id)
    if (archived)
      return fileResponse(archived.pdf, {
        contentType: 'application/pdf',
        disposition: 'inline',
        fileName: agreementPdfFileName(number, archived.state === 'ready_to_sign' ? '-do-podpisu' : ''),
        cacheControl: agreement.visibility === 'public' && archived.state !== 'ready_to_sign' ? 'public, max-age=300' : 'private, no-store',
      })
  }
  return fileResponse(await renderAgreementPdf({ snapshot: agreement.snapshot }), {
    contentType: 'application/pdf',
    disposition: 'inline',
    fileName: agreementPdfFileName(number, '-projekt'),
  })
}
