/**
 * The geometry of a horizontal bar chart drawn on the server, in viewBox units: pure, so that it
 * is tested apart from React. Each category's label sits above its bar(s), wrapped to the chart's
 * width, so that a long county name never squeezes the bar when the chart shrinks to 320 px.
 */

export type BarLayoutMode = 'stacked' | 'grouped'

export type ValueLabel = { text: string; x: number; y: number; inside: boolean }

export type BarRect = { seriesKey: string; x: number; y: number; width: number; height: number; value: number; label: ValueLabel | null }

export type CategoryRow = { key: string; labelLines: { text: string; y: number }[]; bars: BarRect[]; total: ValueLabel | null }

export type BarChartLayout = { width: number; height: number; plotWidth: number; max: number; rows: CategoryRow[] }

/** Narrow enough that on a 320 px phone the text is still drawn at about 11 px (at 600 it was 8). */
export const CHART_WIDTH = 420
export const FONT_SIZE = 15
const LINE_HEIGHT = 19
/** An average glyph of the chart's sans-serif at FONT_SIZE: enough to tell whether a number fits. */
const CHAR_WIDTH = FONT_SIZE * 0.6
const BAR_HEIGHT = 24
const GROUPED_BAR_HEIGHT = 18
const BAR_GAP = 3
const ROW_GAP = 14
const LABEL_PAD = 6
/** The numbers after the bars take no more than this share of the width, whatever they are. */
const MAX_MARGIN_SHARE = 0.4

export function textWidth(text: string): number {
  return text.length * CHAR_WIDTH
}

/** Words into lines of at most maxChars; a word longer than a line is cut. */
export function wrapLabel(text: string, maxChars: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    let rest = word
    while (rest.length > maxChars) {
      if (line) lines.push(line)
      lines.push(rest.slice(0, maxChars))
      rest = rest.slice(maxChars)
      line = ''
    }
    if (!rest) continue
    if (!line) line = rest
    else if (line.length + 1 + rest.length <= maxChars) line = `${line} ${rest}`
    else {
      lines.push(line)
      line = rest
    }
  }
  if (line) lines.push(line)
  return lines.length ? lines : ['']
}

/** A count is never negative nor missing on a dashboard: such a value is drawn as 0. */
const clean = (value: number | undefined) => (value !== undefined && Number.isFinite(value) && value > 0 ? value : 0)

export function barChartLayout({
  categories,
  series,
  values,
  mode = 'stacked',
  format = String,
}: {
  categories: { key: string; label: string }[]
  series: { key: string }[]
  values: Record<string, Record<string, number>>
  mode?: BarLayoutMode
  format?: (value: number) => string
}): BarChartLayout {
  const valueOf = (category: string, s: string) => clean(values[category]?.[s])
  const totals = categories.map((c) => series.reduce((sum, s) => sum + valueOf(c.key, s.key), 0))
  const outside = mode === 'stacked' ? totals.map(format) : categories.flatMap((c) => series.map((s) => format(valueOf(c.key, s.key))))
  const margin = Math.min(Math.max(0, ...outside.map(textWidth)) + LABEL_PAD * 2, CHART_WIDTH * MAX_MARGIN_SHARE)
  const plotWidth = CHART_WIDTH - margin
  const max =
    mode === 'stacked' ? Math.max(0, ...totals) : Math.max(0, ...categories.flatMap((c) => series.map((s) => valueOf(c.key, s.key))))
  const scale = (value: number) => (max ? (value / max) * plotWidth : 0)
  const maxChars = Math.floor(CHART_WIDTH / CHAR_WIDTH)

  let y = 0
  const rows = categories.map((category, i): CategoryRow => {
    const labelLines = wrapLabel(category.label, maxChars).map((text, line) => ({ text, y: y + FONT_SIZE + line * LINE_HEIGHT }))
    const top = y + labelLines.length * LINE_HEIGHT + BAR_GAP
    let bars: BarRect[]
    let total: ValueLabel | null = null
    if (mode === 'stacked') {
      let x = 0
      bars = series.map((s) => {
        const value = valueOf(category.key, s.key)
        const width = scale(value)
        const text = format(value)
        // A segment shows its number only when the number fits inside it; the total and the table give the rest.
        const label =
          value && width >= textWidth(text) + LABEL_PAD * 2 ? { text, x: x + width / 2, y: top + BAR_HEIGHT / 2, inside: true } : null
        const bar = { seriesKey: s.key, x, y: top, width, height: BAR_HEIGHT, value, label }
        x += width
        return bar
      })
      total = { text: format(totals[i]!), x: x + LABEL_PAD, y: top + BAR_HEIGHT / 2, inside: false }
      y = top + BAR_HEIGHT + ROW_GAP
    } else {
      bars = series.map((s, j) => {
        const value = valueOf(category.key, s.key)
        const width = scale(value)
        const barY = top + j * (GROUPED_BAR_HEIGHT + BAR_GAP)
        return {
          seriesKey: s.key,
          x: 0,
          y: barY,
          width,
          height: GROUPED_BAR_HEIGHT,
          value,
          label: { text: format(value), x: width + LABEL_PAD, y: barY + GROUPED_BAR_HEIGHT / 2, inside: false },
        }
      })
      y = top + series.length * (GROUPED_BAR_HEIGHT + BAR_GAP) - BAR_GAP + ROW_GAP
    }
    return { key: category.key, labelLines, bars, total }
  })
  return { width: CHART_WIDTH, height: Math.max(y - ROW_GAP, 1), plotWidth, max, rows }
}
