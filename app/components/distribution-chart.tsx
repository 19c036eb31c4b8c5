import type { RecipientState } from '#db/schema/enums'
import { TableRegion } from '~/components/table-region'
import { useT } from '~/i18n/use-t'

export type ChartRow = { key: string; label: string; counts: Record<RecipientState, number>; total: number }

/** The states from the furthest reached to none, as the bars stack them from the left. */
const STACK: RecipientState[] = ['reported', 'confirmed', 'opened', 'sent', 'not_sent']

const ROW_HEIGHT = 28
const LABEL_HEIGHT = 16
const WIDTH = 600

/**
 * Where a distribution stands per county (or kind), as stacked horizontal bars drawn on the
 * server: no script, scales with its box (viewBox, width 100 %), each row's label above its
 * bar so that long county names never squeeze it at 320 px. Colours differ in lightness as
 * well as hue and each segment has its own pattern class, and the same numbers follow in the
 * table, which is what a screen reader reads: the drawing is hidden from it.
 */
export function DistributionChart({
  id,
  rows,
  caption,
  headerLabel,
}: {
  id: string
  rows: ChartRow[]
  caption: string
  headerLabel: string
}) {
  const t = useT()
  const height = rows.length * (ROW_HEIGHT + LABEL_HEIGHT) + 8
  return (
    <figure className="distribution-chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="presentation" aria-hidden="true" focusable="false">
        {rows.map((row, i) => {
          const y = i * (ROW_HEIGHT + LABEL_HEIGHT)
          let x = 0
          return (
            <g key={row.key} transform={`translate(0 ${y})`}>
              <text x="0" y={LABEL_HEIGHT - 4} className="distribution-chart__label">
                {`${row.label}: ${row.counts.confirmed + row.counts.reported} / ${row.total}`}
              </text>
              {STACK.map((state) => {
                const width = row.total ? (row.counts[state] / row.total) * WIDTH : 0
                const rect =
                  width > 0 ? (
                    <rect
                      key={state}
                      x={x}
                      y={LABEL_HEIGHT}
                      width={width}
                      height={ROW_HEIGHT - 6}
                      className={`distribution-chart__bar--${state}`}
                    />
                  ) : null
                x += width
                return rect
              })}
            </g>
          )
        })}
      </svg>
      <figcaption>
        <ul className="distribution-chart__legend">
          {STACK.map((state) => (
            <li key={state}>
              <span className={`distribution-chart__swatch distribution-chart__bar--${state}`} aria-hidden="true" />{' '}
              {t(`distribution.recipientState.${state}`)}
            </li>
          ))}
        </ul>
      </figcaption>
      <TableRegion labelledBy={`${id}-caption`}>
        <table>
          <caption id={`${id}-caption`}>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{headerLabel}</th>
              <th scope="col">{t('distributionDashboard.col.total')}</th>
              {STACK.map((state) => (
                <th scope="col" key={state}>
                  {t(`distribution.recipientState.${state}`)}
                </th>
              ))}
              <th scope="col">{t('distributionDashboard.col.rate')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td>{row.total}</td>
                {STACK.map((state) => (
                  <td key={state}>{row.counts[state]}</td>
                ))}
                <td>{confirmationRate(row)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </figure>
  )
}

/** Confirmed (with or without a report) of all sent to, in whole per cent. */
export function confirmationRate(row: Pick<ChartRow, 'counts' | 'total'>): string {
  if (!row.total) return '—'
  return `${Math.round(((row.counts.confirmed + row.counts.reported) / row.total) * 100)}%`
}
