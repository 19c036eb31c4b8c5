import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireRecommendation } from '~/auth/access.server'
import { canInBody } from '~/auth/body-permissions'
import { notFound } from '~/auth/require.server'
import { getPublishedPdf, getPublishedVersion } from '~/models/document/versions.server'
import type { RecommendationSnapshot } from '~/models/recommendation-snapshot'
import { renderRecommendationPdf } from '~/pdf/recommendation/build.server'
import { fileResponse } from '~/utils/content-disposition'

/** „rekomendacje-ROPS-KR-REK-1-2014.pdf”, or „rekomendacje-projekt-12.pdf” before a number is given. */
const pdfFileName = (id: number, number: string | null) =>
  number ? `rekomendacje-${number.replace(/[/\\\s]+/g, '-')}.pdf` : `rekomendacje-projekt-${id}.pdf`

/**
 * The recommendations as a PDF. Published (and withdrawn) ones are the published version's
 * archived bytes, those its verification code vouches for; before that the team reads a
 * render of the live text, marked PROJEKT. Anyone else: 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, recommendation } = await requireRecommendation(request, params, 'recommendation.read')
  const published = getPublishedVersion<RecommendationSnapshot>({ documentId: recommendation.id })
  if (published && (recommendation.state === 'published' || recommendation.state === 'withdrawn')) {
    const bytes = getPublishedPdf({ versionId: published.id })
    if (!bytes) throw notFound()
    return fileResponse(bytes, {
      contentType: 'application/pdf',
      disposition: 'inline',
      fileName: pdfFileName(recommendation.id, published.snapshot.number),
      cacheControl: published.snapshot.visibility === 'public' ? 'public, max-age=300' : 'private, no-store',
    })
  }
  if (!canInBody(access, 'body.readInternal')) throw notFound()
  return fileResponse(await renderRecommendationPdf({ snapshot: recommendation.snapshot }), {
    contentType: 'application/pdf',
    disposition: 'inline',
    fileName: pdfFileName(recommendation.id, null),
  })
}
