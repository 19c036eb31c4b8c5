import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { notFound } from '~/auth/require.server'
import { CompareForm, VersionsTable } from '~/components/document-versions'
import { Comparison, versionState } from '~/components/minutes-versions'
import { meetingPageTitle } from '~/i18n/page-title'
import { useT } from '~/i18n/use-t'
import type { MinutesState } from '#db/schema/enums'
import { getMinutesVersion, listMinutesVersions, type MinutesSnapshot } from '~/models/minutes.server'
import { compareMinutes } from '~/utils/minutes-compare'
import { requireMinutesInsider } from '~/utils/minutes-review.server'

export const meta: MetaFunction = ({ matches }) => meetingPageTitle(matches, 'title.part.versions')

/**
 * The frozen versions of the minutes and the comparison of any two of them, or of one with
 * the live text. For the team only: an outsider reads the published version on the minutes
 * page, and a list of versions would tell them about drafts they may not see, so they get 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meetingId, minutes } = await requireMinutesInsider(request, params)
  const versions = listMinutesVersions({ minutesId: minutes.id }).map((v) => ({
    number: v.number,
    state: v.state,
    createdAt: v.createdAt,
    createdByName: v.createdByName,
    verificationCode: v.verificationCode,
  }))
  const url = new URL(request.url)
  const from = url.searchParams.get('from')
  const to = url.searchParams.get('to')

  const snapshotOf = (side: string): MinutesSnapshot => {
    if (side === 'current') return minutes.snapshot
    const number = Number(side)
    const version = Number.isSafeInteger(number) && number > 0 ? getMinutesVersion({ minutesId: minutes.id, number }) : undefined
    if (!version) throw notFound()
    return version.snapshot
  }
  const comparison = from && to ? { from, to, result: compareMinutes(snapshotOf(from), snapshotOf(to)) } : null

  return json({
    meetingId,
    versions,
    // By default: what changed since the newest version, i.e. what is not frozen yet.
    from: from ?? (versions[0] ? String(versions[0].number) : 'current'),
    to: to ?? 'current',
    comparison,
  })
}

export default function MinutesVersions() {
  const t = useT()
  const { meetingId, versions, from, to, comparison } = useLoaderData<typeof loader>()
  const stateLabel = (state: string) => versionState(t, state as MinutesState)
  return (
    <>
      <h2>{t('minutesReview.versions.title')}</h2>
      <p className="actions">
        <Link to={`/meetings/${meetingId}/minutes`}>{t('minutesReview.backToMinutes')}</Link>
        <Link to={`/meetings/${meetingId}/minutes/comments`}>{t('minutesReview.commentsLink')}</Link>
      </p>
      <p>{t('minutesReview.versions.lead')}</p>
      {versions.length ? (
        <VersionsTable
          base={`/meetings/${meetingId}/minutes/versions`}
          caption={t('minutesReview.versions.caption')}
          versions={versions}
          stateLabel={stateLabel}
        />
      ) : (
        <p>{t('minutesReview.versions.none')}</p>
      )}
      <CompareForm versions={versions} from={from} to={to} stateLabel={stateLabel} />
      {comparison ? <Comparison from={comparison.from} to={comparison.to} comparison={comparison.result} /> : null}
    </>
  )
}
