import { Link } from '@remix-run/react'
import { useT } from '~/i18n/use-t'
import { portalYearPath } from './portal-bodies'

/** Links to the team's other years; the year shown is named, not linked. */
export function PortalYears({ bodyId, years, current }: { bodyId: number; years: number[]; current: number }) {
  const t = useT()
  return (
    <nav aria-labelledby="portal-years-label" className="portal-years-row portal-years--nav">
      <span id="portal-years-label">{`${t('portal.yearNav')}:`}</span>
      <ul className="portal-years">
        {years.map((year) =>
          year === current ? (
            <li key={year} aria-current="page">
              <strong>{year}</strong>
            </li>
          ) : (
            <li key={year}>
              <Link to={portalYearPath(bodyId, year)}>{year}</Link>
            </li>
          ),
        )}
      </ul>
    </nav>
  )
}
