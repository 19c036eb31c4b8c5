import { Link } from '@remix-run/react'
import { useT } from '~/i18n/use-t'

/** The recommendations a meeting adopted, on its minutes: the other half of the link from their pages. */
export function RecommendationsAdopted({ rows }: { rows: { id: number; title: string; number: string | null }[] }) {
  const t = useT()
  if (rows.length === 0) return null
  return (
    <section aria-labelledby="adopted-recommendations-heading">
      <h2 id="adopted-recommendations-heading">{t('portal.recommendations.adoptedHeading')}</h2>
      <ul>
        {rows.map((row) => (
          <li key={row.id}>
            <Link to={`/recommendations/${row.id}`}>{row.title}</Link>
            {row.number ? ` (${row.number})` : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
