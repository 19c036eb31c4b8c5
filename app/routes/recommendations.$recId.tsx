import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Outlet, useLoaderData } from '@remix-run/react'
import { requireRecommendation } from '~/auth/access.server'
import { RecommendationHeader } from '~/components/recommendation-header'
import { pageTitle } from '~/i18n/page-title'
import { readerRecommendation } from '~/utils/recommendation-page.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, data ? 'recommendations.pageTitle' : null, data ? { title: data.header.title, body: data.header.bodyName } : undefined)

/**
 * The recommendation's header and tabs around its pages. Each page's own loader checks access
 * again: Remix runs them side by side, not after this one.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, recommendation } = await requireRecommendation(request, params, 'recommendation.read')
  const { rec, insider } = readerRecommendation(recommendation, access)
  return json({
    header: {
      id: rec.documentId,
      title: rec.title,
      number: rec.number,
      bodyId: recommendation.bodyId,
      bodyName: rec.bodyName,
      state: rec.state,
    },
    insider,
  })
}

export default function RecommendationLayout() {
  const { header, insider } = useLoaderData<typeof loader>()
  return (
    <>
      <RecommendationHeader header={header} insider={insider} />
      <Outlet />
    </>
  )
}
