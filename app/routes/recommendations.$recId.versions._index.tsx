import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import type { RecommendationState } from '#db/schema/enums'
import { requireRecommendation } from '~/auth/access.server'
import { canInBody } from '~/auth/body-permissions'
import { notFound } from '~/auth/require.server'
import { CompareForm, VersionsTable } from '~/components/document-versions'
import { RecommendationChanges } from '~/components/recommendation-versions'
import { getLang } from '~/i18n/lang.server'
import { translator } from '~/i18n/messages'
import { pageTitle } from '~/i18n/page-title'
import { useT } from '~/i18n/use-t'
import { getVersion, listVersions } from '~/models/document/versions.server'
import type { RecommendationSnapshot } from '~/models/recommendation-snapshot'
import { compareRecommendations } from '~/utils/recommendation-compare'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'recommendationEditor.versions.title')

/**
 * The frozen versions of a recommendation document and the comparison of any two of them, or
 * of one with the live text; by default the newest version against the one before it. For the
 * team only: a list of versions would tell outsiders of drafts they may not see.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, recommendation } = await requireRecommendation(request, params, 'recommendation.read')
  // The published text is read on the recommendation's page; these pages are the team's.
  if (!canInBody(access, 'body.readInternal')) throw notFound()
  const versions = listVersions({ documentId: recommendation.id }).map((v) => ({
    number: v.number,
    state: v.state,
    createdAt: v.createdAt,
    createdByName: v.createdByName,
    verificationCode: v.verificationCode,
  }))
  const url = new URL(request.url)
  const newest = versions[0]?.number
  const from = url.searchParams.get('from') ?? (newest ? String(newest > 1 ? newest - 1 : newest) : 'current')
  const to = url.searchParams.get('to') ?? (newest ? String(newest) : 'current')
  const snapshotOf = (side: string): RecommendationSnapshot => {
    if (side === 'current') return recommendation.snapshot
    const number = Number(side)
    const version =
      Number.isSafeInteger(number) && number > 0 ? getVersion<RecommendationSnapshot>({ documentId: recommendation.id, number }) : undefined
    if (!version) throw notFound()
    return version.snapshot
  }
  const t = translator(await getLang(request))
  const comparison = compareRecommendations(snapshotOf(from), snapshotOf(to), {
    kind: (kind) => t(`kind.${kind as RecommendationSnapshot['addresseeKinds'][number]}`),
    addressees: (kinds) => t('recommendationEditor.version.addressees', { kinds }),
    timeFrame: (timeFrame) => t('recommendationEditor.version.timeFrame', { timeFrame }),
  })
  return json({ recId: recommendation.id, versions, from, to, comparison })
}

export default function RecommendationVersions() {
  const t = useT()
  const { recId, versions, from, to, comparison } = useLoaderData<typeof loader>()
  const stateLabel = (state: string) => t(`recommendation.state.${state as RecommendationState}`)
  return (
    <>
      <h2>{t('recommendationEditor.versions.title')}</h2>
      <p>{t('recommendationEditor.versions.lead')}</p>
      {versions.length ? (
        <VersionsTable
          base={`/recommendations/${recId}/versions`}
          caption={t('recommendationEditor.versions.caption')}
          versions={versions}
          stateLabel={stateLabel}
        />
      ) : (
        <p>{t('recommendationEditor.versions.none')}</p>
      )}
      <CompareForm versions={versions} from={from} to={to} stateLabel={stateLabel} />
      <RecommendationChanges from={from} to={to} comparison={comparison} />
    </>
  )
}
