import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireRecommendation } from '~/auth/access.server'
import { canInBody } from '~/auth/body-permissions'
import { notFound } from '~/auth/require.server'
import { renderRecommendationPdf } from '~/pdf/recommendation/build.server'
import { fileResponse } from '~/utils/content-disposition'
import { publishedRecommendationPdf, recommendationPdfFileName } from '~/utils/recommendation-page.server'

/**
 * The recommendations as a PDF. Published (and withdrawn) ones are the published version's
 * archived bytes, those its verification code vouches for; before that the team reads a
 * render of the live text, marked PROJEKT. Anyone else: 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, recommendation } = await requireRecommendation(request, params, 'recommendation.read')
  if (recommendation.state === 'published' || recommendation.state === 'withdrawn') {
    const archived = publishedRecommendationPdf(recommendation.id, (snapshot) =>
      snapshot.visibility === 'public' ? 'public, max-age=300' : 'private, no-store',
    )
    if (archived) return archived
  }
  if (!canInBody(access, 'body.readInternal')) throw notFound()
  return fileResponse(await renderRecommendationPdf({ snapshot: recommendation.snapshot }), {
    contentType: 'application/pdf',
    disposition: 'inline',
    fileName: recommendationPdfFileName(recommendation.id, null),
  })
}
