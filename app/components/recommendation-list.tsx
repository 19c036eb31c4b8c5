import { Link } from '@remix-run/react'
import type { RecommendationState } from '#db/schema/enums'
import { TableRegion } from '~/components/table-region'
import type { Lang } from '~/i18n/messages'
import { useLang, useT } from '~/i18n/use-t'
import { formatDate, formatDay } from '~/utils/format'

export type ListedRecommendation = {
  id: number
  title: string
  number: string | null
  bodyName: string
  state: RecommendationState
  adoptedOn: string | null
  publishedAt: string | null
  withdrawnAt: string | null
  updatedAt: string
}

/** Recommendation documents as a table: title, number, team, state and the dates that matter. */
export function RecommendationTable({ id, title, rows }: { id: string; title: string; rows: ListedRecommendation[] }) {
  const t = useT()
  const lang = useLang()
  const captionId = `${id}-caption`
  return (
    <TableRegion labelledBy={captionId}>
      <table>
        <caption id={captionId} className="visually-hidden">
          {title}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('recommendations.col.title')}</th>
            <th scope="col">{t('recommendations.col.number')}</th>
            <th scope="col">{t('recommendations.col.team')}</th>
            <th scope="col">{t('recommendations.col.state')}</th>
            <th scope="col">{t('recommendations.col.dates')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                <Link to={`/recommendations/${row.id}`}>{row.title}</Link>
              </th>
              <td>{row.number ?? <span className="muted">{t('recommendations.noNumber')}</span>}</td>
              <td>{row.bodyName}</td>
              <td>{t(`recommendation.state.${row.state}`)}</td>
              <td>
                <RecommendationDates row={row} lang={lang} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  )
}

function RecommendationDates({ row, lang }: { row: ListedRecommendation; lang: Lang }) {
  const t = useT()
  const dates = [
    row.adoptedOn ? t('recommendations.date.adopted', { date: formatDay(row.adoptedOn, lang) }) : null,
    row.publishedAt ? t('recommendations.date.published', { date: formatDate(row.publishedAt, lang) }) : null,
    row.withdrawnAt ? t('recommendations.date.withdrawn', { date: formatDate(row.withdrawnAt, lang) }) : null,
  ].filter((line): line is string => !!line)
  if (!dates.length) dates.push(t('recommendations.date.updated', { date: formatDate(row.updatedAt, lang) }))
  return (
    <>
      {dates.map((line, i) => (
        <span key={line}>
          {i ? ', ' : null}
          {line}
        </span>
      ))}
    </>
  )
}
