import { Link } from '@remix-run/react'
import { useT } from '~/i18n/use-t'
import type { PortalBody } from '~/models/portal.server'

/** The public teams with their years, each year linking to that year's public record. */
export function PortalBodies({ bodies }: { bodies: PortalBody[] }) {
  const t = useT()
  if (bodies.length === 0) return <p>{t('portal.empty')}</p>
  return (
    <ul className="portal-bodies">
      {bodies.map((body) => (
        <li key={body.id}>
          <h3 id={`portal-body-${body.id}`}>
            <Link to={`/bodies/${body.id}`}>{body.name}</Link>
          </h3>
          <p className="muted">
            {t(`bodies.kind.${body.kind}`)} · {t('portal.convenedBy', { name: body.convening })}
          </p>
          <div className="portal-years-row">
            <span id={`portal-body-${body.id}-years`}>{t('portal.yearsLabel')}</span>
            <ul className="portal-years" aria-labelledby={`portal-body-${body.id}-years portal-body-${body.id}`}>
              {body.years.map(({ year, meetings, minutes }) => (
                <li key={year}>
                  <Link to={portalYearPath(body.id, year)} aria-label={t('portal.yearLinkLabel', { year, name: body.name })}>
                    {year}
                  </Link>{' '}
                  <span className="muted">({t('portal.yearCounts', { meetings, minutes })})</span>
                </li>
              ))}
            </ul>
          </div>
        </li>
      ))}
    </ul>
  )
}

/** The public record of one team and year: /bodies/:bodyId/years/:year. */
export function portalYearPath(bodyId: number, year: number) {
  return `/bodies/${bodyId}/years/${year}`
}
