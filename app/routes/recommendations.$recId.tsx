import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Outlet, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { requireRecommendation } from '~/auth/access.server'
import { canInRecommendation } from '~/auth/recommendation-permissions'
import { isPublishedState } from '~/models/document/kinds'
import { RecommendationHeader } from '~/components/recommendation-header'
import { pageTitle } from '~/i18n/page-title'
import { isExpiredSave } from '~/utils/expired-save.server'
import { readerRecommendation } from '~/utils/recommendation-page.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(
    matches,
    data?.header ? 'recommendations.pageTitle' : null,
    data?.header ? { title: data.header.title, body: data.header.bodyName } : undefined,
  )

/**
 * The recommendation's header and tabs around its pages. Each page's own loader checks access
 * again: Remix runs them side by side, not after this one.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  // A text sent after the session expired gets a page of its own with the writer's text
  // (routes/recommendations.$recId.edit); the recommendation stays out of it.
  if (isExpiredSave(context)) return json({ header: null, insider: false, distribution: false })
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
    // The team's officers send a published text to institutions from its distribution tab.
    distribution:
      isPublishedState('recommendation', recommendation.state) && canInRecommendation(access, recommendation, 'recommendation.manage'),
  })
}

/** After a 401 (an expired session) the signed-out request would only get a 404 here. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 401 ? false : defaultShouldRevalidate

export default function RecommendationLayout() {
  const { header, insider, distribution } = useLoaderData<typeof loader>()
  if (header === null) return <Outlet />
  return (
    <>
      <RecommendationHeader header={header} insider={insider} distribution={distribution} />
      <Outlet />
    </>
  )
}
