import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import type { RecommendationState } from '#db/schema/enums'
import { requireRecommendation } from '~/auth/access.server'
import { canInBody } from '~/auth/body-permissions'
import { notFound } from '~/auth/require.server'
import { FrozenRecommendationText } from '~/components/recommendation-versions'
import { pageTitle } from '~/i18n/page-title'
import { useLang, useT } from '~/i18n/use-t'
import { getVersion, listVersions } from '~/models/document/versions.server'
import type { RecommendationSnapshot } from '~/models/recommendation-snapshot'
import { formatDateTime } from '~/utils/format'
import { parseId } from '~/utils/http.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? pageTitle(matches, 'recommendationEditor.version.title', { number: data.version.number }) : pageTitle(matches, null)

/** One frozen version, as it was saved; for the team only, like the list of versions. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, recommendation } = await requireRecommendation(request, params, 'recommendation.read')
  // The published text is read on the recommendation's page; these pages are the team's.
  if (!canInBody(access, 'body.readInternal')) throw notFound()
  const number = parseId(params.number)
  const version = getVersion<RecommendationSnapshot>({ documentId: recommendation.id, number })
  if (!version) throw notFound()
  const summary = listVersions({ documentId: recommendation.id }).find((v) => v.number === number)
  const s = version.snapshot
  return json({
    recId: recommendation.id,
    version: { number, state: version.state, createdAt: version.createdAt, createdByName: summary?.createdByName ?? null },
    text: { title: s.title, summary: s.summary, addresseeKinds: s.addresseeKinds, chapters: s.chapters },
  })
}

export default function RecommendationVersion() {
  const t = useT()
  const lang = useLang()
  const { recId, version, text } = useLoaderData<typeof loader>()
  const base = `/recommendations/${recId}/versions`
  return (
    <>
      <h2>{t('recommendationEditor.version.title', { number: version.number })}</h2>
      <p className="notice notice--info">
        {t('recommendationEditor.version.frozen', {
          number: version.number,
          state: t(`recommendation.state.${version.state as RecommendationState}`),
          when: formatDateTime(version.createdAt, lang),
          by: version.createdByName ? t('recommendationEditor.version.by', { name: version.createdByName }) : '',
        })}
      </p>
      <p className="actions">
        <Link to={base}>{t('recommendationEditor.version.all')}</Link>
        {version.number > 1 ? (
          <Link to={`${base}?from=${version.number - 1}&to=${version.number}`}>{t('recommendationEditor.version.comparePrevious')}</Link>
        ) : null}
        <Link to={`${base}?from=${version.number}&to=current`}>{t('recommendationEditor.version.compareCurrent')}</Link>
      </p>
      <FrozenRecommendationText text={text} />
    </>
  )
}
