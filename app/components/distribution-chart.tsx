import type { RecipientState } from '#db/schema/enums'
import { BarChart, type BarPattern } from '~/components/bar-chart'
import { useLang, useT } from '~/i18n/use-t'

export type ChartRow = { key: string; label: string; counts: Record<RecipientState, number>; total: number }

/** The states from the furthest reached to none, as the bars stack them from the left, each with its own texture. */
const STACK: { state: RecipientState; pattern: BarPattern }[] = [
  { state: 'reported', pattern: 'solid' },
  { state: 'confirmed', pattern: 'diagonal' },
  { state: 'opened', pattern: 'dots' },
  { state: 'sent', pattern: 'horizontal' },
  { state: 'not_sent', pattern: 'crosshatch' },
]

/**
 * Where a distribution stands per county (or kind): one stacked bar per row, each label with its
 * confirmation rate, and the same numbers in the table under the drawing (see BarChart).
 */
export function DistributionChart({
  rows,
  title,
  caption,
  headerLabel,
}: {
  rows: ChartRow[]
  title: string
  caption: string
  headerLabel: string
}) {
  const t = useT()
  const lang = useLang()
  return (
    <BarChart
      title={title}
      caption={caption}
      categoryLabel={headerLabel}
      categories={rows.map((row) => ({
        key: row.key,
        label: `${row.label} (${t('distributionDashboard.rateShort', { rate: confirmationRate(row) })})`,
      }))}
      series={STACK.map(({ state, pattern }) => ({ key: state, label: t(`distribution.recipientState.${state}`), pattern }))}
      values={Object.fromEntries(rows.map((row) => [row.key, row.counts]))}
      totalLabel={t('distributionDashboard.col.total')}
      lang={lang}
    />
  )
}

/** Confirmed (with or without a report) of all sent to, in whole per cent. */
export function confirmationRate(row: Pick<ChartRow, 'counts' | 'total'>): string {
  if (!row.total) return '—'
  return `${Math.round(((row.counts.confirmed + row.counts.reported) / row.total) * 100)}%`
}
