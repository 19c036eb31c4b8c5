import { Link } from '@remix-run/react'
import { useT } from '~/i18n/use-t'
import type { PortalBodyRow } from '~/models/portal.server'

/** One page of the public teams: what each has published, and a link to its latest year. */
export function PortalBodies({ bodies }: { bodies: PortalBodyRow[] }) {
  const t = useT()
  if (bodies.length === 0) return <p>{t('portal.empty')}</p>
  return (
    <ul className="portal-bodies">
      {bodies.map((body) => (
        <li key={body.id}>
          <h3>
            <Link to={`/bodies/${body.id}`}>{body.name}</Link>
          </h3>
          <p className="muted">
            {t(`bodies.kind.${body.kind}`)} · {t('portal.convenedBy', { name: body.convening })}
          </p>
          <p>
            {t('portal.bodyCounts', { meetings: body.meetings, minutes: body.minutes })}{' '}
            {body.firstYear === body.latestYear
              ? t('portal.latestYear')
              : t('portal.yearsSpan', { first: body.firstYear, latest: body.latestYear })}{' '}
            <Link
              to={portalYearPath(body.id, body.latestYear)}
              aria-label={t('portal.yearLinkLabel', { year: body.latestYear, name: body.name })}
            >
              {body.latestYear}
            </Link>
          </p>
        </li>
      ))}
    </ul>
  )
}

/** The public record of one team and year: /bodies/:bodyId/years/:year. */
export function portalYearPath(bodyId: number, year: number) {
  return `/bodies/${bodyId}/years/${year}`
}
