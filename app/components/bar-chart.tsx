import { useId } from 'react'
import { TableRegion } from '~/components/table-region'
import type { Lang } from '~/i18n/messages'
import { barChartLayout, FONT_SIZE, type BarLayoutMode } from '~/utils/bar-chart'

/** A texture over a series' colour, so that two series differ without colour alone (WCAG 1.4.1). */
export type BarPattern = 'solid' | 'diagonal' | 'dots' | 'crosshatch' | 'horizontal'

export type BarChartProps = {
  title: string
  caption: string
  /** The header of the table's first column, naming what the categories are („Powiat”). */
  categoryLabel: string
  categories: { key: string; label: string }[]
  series: { key: string; label: string; pattern: BarPattern }[]
  values: Record<string, Record<string, number>>
  unit?: string
  mode?: BarLayoutMode
  /** The header of the table's total column; stacked charts only, none when left out. */
  totalLabel?: string
  lang?: Lang
}

/** Colours are by position (app/styles/bar-chart.css: each at least 3:1 against the page); after five they repeat, the patterns still differ. */
const TONES = 5
const tone = (index: number) => `bar-chart__tone--${index % TONES}`

/**
 * A horizontal bar chart drawn on the server, with no script: it scales with its box (viewBox,
 * width 100 %), and each category's label is wrapped above its bars, so it reflows at 320 px.
 *
 * The table under the drawing holds every number and is what assistive technology reads. The
 * drawing stays in the accessibility tree as one image named by its title and description
 * (role="img" makes its texts presentational), rather than being hidden: a screen reader user
 * then knows a chart is there, which a sighted colleague may point at, and is sent by its
 * description to the table instead of hearing a hundred loose numbers.
 */
export function BarChart({
  title,
  caption,
  categoryLabel,
  categories,
  series,
  values,
  unit,
  mode = 'stacked',
  totalLabel,
  lang = 'pl',
}: BarChartProps) {
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '')
  const number = new Intl.NumberFormat(lang === 'pl' ? 'pl-PL' : 'en-GB')
  const format = (value: number) => (unit ? `${number.format(value)}\u00a0${unit}` : number.format(value))
  const layout = barChartLayout({ categories, series, values, mode, format })
  const patternId = (key: string) => `${id}-pattern-${key}`
  const toneOf = new Map(series.map((s, i) => [s.key, tone(i)]))
  const valueOf = (category: string, s: string) => {
    const value = values[category]?.[s]
    return value !== undefined && Number.isFinite(value) && value > 0 ? value : 0
  }

  return (
    <figure className="bar-chart">
      <svg
        className="bar-chart__svg"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        focusable="false"
        fontSize={FONT_SIZE}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{caption}</desc>
        <defs>
          {series.map((s, i) => (
            <Pattern key={s.key} id={patternId(s.key)} pattern={s.pattern} toneClass={tone(i)} />
          ))}
        </defs>
        {layout.rows.map((row) => (
          <g key={row.key}>
            <text className="bar-chart__label">
              {row.labelLines.map((line, i) => (
                <tspan key={i} x="0" y={line.y}>
                  {line.text}
                </tspan>
              ))}
            </text>
            {row.bars.map((bar) =>
              bar.width > 0 ? (
                <rect
                  key={bar.seriesKey}
                  className="bar-chart__bar"
                  x={bar.x}
                  y={bar.y}
                  width={bar.width}
                  height={bar.height}
                  fill={`url(#${patternId(bar.seriesKey)})`}
                />
              ) : null,
            )}
            {row.bars.map((bar) =>
              bar.label ? (
                <text
                  key={bar.seriesKey}
                  className={
                    bar.label.inside ? `bar-chart__value bar-chart__value--inside ${toneOf.get(bar.seriesKey)}` : 'bar-chart__value'
                  }
                  x={bar.label.x}
                  y={bar.label.y}
                  textAnchor={bar.label.inside ? 'middle' : 'start'}
                  dominantBaseline="central"
                >
                  {bar.label.text}
                </text>
              ) : null,
            )}
            {row.total ? (
              <text className="bar-chart__value bar-chart__value--total" x={row.total.x} y={row.total.y} dominantBaseline="central">
                {row.total.text}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
      <figcaption>
        <ul className="bar-chart__legend">
          {series.map((s) => (
            <li key={s.key}>
              <svg className="bar-chart__swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                <rect width="16" height="16" fill={`url(#${patternId(s.key)})`} />
              </svg>{' '}
              {s.label}
            </li>
          ))}
        </ul>
      </figcaption>
      <TableRegion labelledBy={`${id}-caption`}>
        <table className="bar-chart__table">
          <caption id={`${id}-caption`}>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{categoryLabel}</th>
              {series.map((s) => (
                <th scope="col" key={s.key}>
                  {s.label}
                </th>
              ))}
              {mode === 'stacked' && totalLabel ? <th scope="col">{totalLabel}</th> : null}
            </tr>
          </thead>
          <tbody>
            {categories.map((c) => (
              <tr key={c.key}>
                <th scope="row">{c.label}</th>
                {series.map((s) => (
                  <td key={s.key}>{format(valueOf(c.key, s.key))}</td>
                ))}
                {mode === 'stacked' && totalLabel ? <td>{format(series.reduce((sum, s) => sum + valueOf(c.key, s.key), 0))}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </figure>
  )
}

/** A tile of the series' colour with white lines or dots over it; the colour comes from CSS (the tone class). */
function Pattern({ id, pattern, toneClass }: { id: string; pattern: BarPattern; toneClass: string }) {
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width="8" height="8">
      <rect className={`bar-chart__fill ${toneClass}`} width="8" height="8" />
      {pattern === 'diagonal' ? <path className="bar-chart__texture" d="M-2 2l4-4M0 8l8-8M6 10l4-4" /> : null}
      {pattern === 'crosshatch' ? <path className="bar-chart__texture" d="M0 0l8 8M8 0l-8 8" /> : null}
      {pattern === 'horizontal' ? <path className="bar-chart__texture" d="M0 4h8" /> : null}
      {pattern === 'dots' ? <circle className="bar-chart__dot" cx="4" cy="4" r="1.5" /> : null}
    </pattern>
  )
}
