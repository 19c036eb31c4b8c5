import { NavLink } from '@remix-run/react'
import type { RecommendationState } from '#db/schema/enums'
import { Breadcrumbs } from '~/components/breadcrumbs'
import { useT } from '~/i18n/use-t'

export type RecommendationHeading = {
  id: number
  title: string
  number: string | null
  bodyId: number
  bodyName: string
  state: RecommendationState
}

/** The title, team and state above every page of one recommendation document, and its tabs. */
export function RecommendationHeader({
  header,
  insider,
  distribution = false,
}: {
  header: RecommendationHeading
  insider: boolean
  distribution?: boolean
}) {
  const t = useT()
  const base = `/recommendations/${header.id}`
  const tabs = [
    { to: base, label: t('recommendations.tab.text'), end: true, show: true },
    { to: `${base}/comments`, label: t('recommendations.tab.comments'), end: false, show: insider },
    { to: `${base}/versions`, label: t('recommendations.tab.versions'), end: false, show: insider },
    { to: `${base}/distribution`, label: t('distribution.tab'), end: false, show: distribution },
  ]
  return (
    <>
      <Breadcrumbs label={t('recommendations.breadcrumbs')} items={[{ to: '/recommendations', label: t('recommendations.title') }]} />
      <div className="page-head">
        <h1>{header.title}</h1>
        <p>
          {header.bodyName} <span className="badge">{t(`recommendation.state.${header.state}`)}</span>
          {header.number ? ` ${header.number}` : null}
        </p>
      </div>
      <nav aria-label={t('recommendations.tabs')} className="tabs">
        <ul>
          {tabs
            .filter((tab) => tab.show)
            .map((tab) => (
              <li key={tab.to}>
                <NavLink to={tab.to} end={tab.end} prefetch="intent">
                  {tab.label}
                </NavLink>
              </li>
            ))}
          <li>
            <a href={`${base}/publication.pdf`}>{t('recommendations.tab.pdf')}</a>
          </li>
        </ul>
      </nav>
    </>
  )
}
