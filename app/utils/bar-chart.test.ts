import { describe, expect, it } from 'vitest'
import { barChartLayout, CHART_WIDTH, textWidth, wrapLabel } from './bar-chart'

const series = [{ key: 'confirmed' }, { key: 'opened' }, { key: 'sent' }]
const categories = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `c${i}`, label: `Powiat ${i}` }))

/** Every drawn thing stays inside the viewBox: nothing is cut off at any width. */
function expectInside(layout: ReturnType<typeof barChartLayout>) {
  for (const row of layout.rows) {
    for (const line of row.labelLines) expect(textWidth(line.text)).toBeLessThanOrEqual(CHART_WIDTH)
    for (const bar of row.bars) {
      expect(bar.x).toBeGreaterThanOrEqual(0)
      expect(bar.width).toBeGreaterThanOrEqual(0)
      expect(bar.x + bar.width).toBeLessThanOrEqual(layout.plotWidth + 1e-9)
      expect(bar.y + bar.height).toBeLessThanOrEqual(layout.height)
      if (bar.label && !bar.label.inside) expect(bar.label.x + textWidth(bar.label.text)).toBeLessThanOrEqual(CHART_WIDTH)
    }
    if (row.total) expect(row.total.x + textWidth(row.total.text)).toBeLessThanOrEqual(CHART_WIDTH + 1e-9)
  }
}

describe('barChartLayout, stacked', () => {
  it('stacks the segments from the left and scales the largest total to the plot width', () => {
    const layout = barChartLayout({
      categories: categories(2),
      series,
      values: { c0: { confirmed: 30, opened: 10, sent: 0 }, c1: { confirmed: 5, opened: 5, sent: 10 } },
    })
    const [first, second] = layout.rows
    expect(layout.max).toBe(40)
    expect(first!.bars.map((b) => [b.x, b.width])).toEqual([
      [0, layout.plotWidth * 0.75],
      [layout.plotWidth * 0.75, layout.plotWidth * 0.25],
      [layout.plotWidth, 0],
    ])
    expect(second!.bars.reduce((sum, b) => sum + b.width, 0)).toBeCloseTo(layout.plotWidth / 2)
    expect(first!.total).toMatchObject({ text: '40', inside: false })
    expect(first!.bars[2]!.label).toBeNull()
    expect(second!.bars[0]!.y).toBeGreaterThan(first!.bars[0]!.y + first!.bars[0]!.height)
    expectInside(layout)
  })

  it('draws all zeros as empty bars with a total of 0, never dividing by zero', () => {
    const layout = barChartLayout({ categories: categories(3), series, values: {} })
    expect(layout.max).toBe(0)
    for (const row of layout.rows) {
      expect(row.bars.every((b) => b.width === 0 && b.x === 0 && b.label === null)).toBe(true)
      expect(row.total!.text).toBe('0')
    }
    expectInside(layout)
  })

  it('draws a negative or missing value as 0', () => {
    const layout = barChartLayout({ categories: categories(1), series, values: { c0: { confirmed: -3, opened: Number.NaN, sent: 2 } } })
    expect(layout.rows[0]!.bars.map((b) => b.value)).toEqual([0, 0, 2])
  })

  it('keeps a tiny segment next to one huge value, with its number left to the table', () => {
    const layout = barChartLayout({
      categories: categories(2),
      series,
      values: { c0: { confirmed: 1_000_000, opened: 1, sent: 0 }, c1: { confirmed: 1 } },
      format: (n) => n.toLocaleString('pl-PL'),
    })
    const [huge, tiny] = layout.rows
    expect(huge!.bars[0]!.width).toBeCloseTo((layout.plotWidth * 1_000_000) / 1_000_001)
    expect(huge!.bars[0]!.label).toMatchObject({ text: '1\u00a0000\u00a0000', inside: true })
    expect(huge!.bars[1]!.width).toBeGreaterThan(0)
    expect(huge!.bars[1]!.label).toBeNull()
    expect(huge!.total!.text).toBe('1\u00a0000\u00a0001')
    expect(tiny!.bars[0]!.width).toBeGreaterThan(0)
    expect(tiny!.bars[0]!.width).toBeLessThan(0.001)
    expectInside(layout)
  })

  it('lays out 20 categories one below another, each label above its bar', () => {
    const values = Object.fromEntries(categories(20).map((c, i) => [c.key, { confirmed: i, opened: 20 - i, sent: 1 }]))
    const layout = barChartLayout({ categories: categories(20), series, values })
    expect(layout.rows).toHaveLength(20)
    let bottom = 0
    for (const row of layout.rows) {
      expect(row.labelLines[0]!.y).toBeGreaterThan(bottom)
      expect(row.bars[0]!.y).toBeGreaterThan(row.labelLines.at(-1)!.y)
      bottom = row.bars[0]!.y + row.bars[0]!.height
    }
    expect(layout.height).toBeGreaterThanOrEqual(bottom)
    expectInside(layout)
  })

  it('wraps a long label onto more lines and moves the bar down', () => {
    const long = 'Miejski Ośrodek Pomocy Rodzinie w Grodzisku Wielkopolskim i Powiatowe Centrum Pomocy Rodzinie w Nowym Tomyślu'
    const layout = barChartLayout({ categories: [{ key: 'a', label: long }], series, values: { a: { confirmed: 1 } } })
    const row = layout.rows[0]!
    expect(row.labelLines.length).toBeGreaterThan(1)
    expect(row.labelLines.map((l) => l.text).join(' ')).toBe(long)
    expect(row.bars[0]!.y).toBeGreaterThan(row.labelLines.at(-1)!.y)
    expectInside(layout)
  })
})

describe('barChartLayout, grouped', () => {
  it('draws one bar per series, scaled to the largest single value, each with its number after it', () => {
    const layout = barChartLayout({
      categories: categories(2),
      series,
      values: { c0: { confirmed: 50, opened: 25, sent: 0 }, c1: { confirmed: 10 } },
      mode: 'grouped',
    })
    const bars = layout.rows[0]!.bars
    expect(layout.max).toBe(50)
    expect(bars.map((b) => b.width)).toEqual([layout.plotWidth, layout.plotWidth / 2, 0])
    expect(bars.map((b) => b.label!.text)).toEqual(['50', '25', '0'])
    expect(bars[1]!.y).toBeGreaterThan(bars[0]!.y + bars[0]!.height - 1e-9)
    expectInside(layout)
  })

  it('draws all zeros and 20 categories within the viewBox', () => {
    expectInside(barChartLayout({ categories: categories(20), series, values: {}, mode: 'grouped' }))
  })
})

describe('wrapLabel', () => {
  it('breaks between words and cuts a word longer than a line', () => {
    expect(wrapLabel('Powiat grodziski', 10)).toEqual(['Powiat', 'grodziski'])
    expect(wrapLabel('Konstantynopolitańczykowianeczka', 10)).toEqual(['Konstantyn', 'opolitańcz', 'ykowianecz', 'ka'])
    expect(wrapLabel('', 10)).toEqual([''])
  })
})
