import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { BarChart, type BarChartProps } from './bar-chart'

const props: BarChartProps = {
  title: 'Potwierdzenia według powiatów',
  caption: 'Odbiorcy według stanu w każdym powiecie',
  categoryLabel: 'Powiat',
  categories: [
    { key: '3001', label: 'Powiat chodzieski' },
    { key: '3002', label: 'Powiat czarnkowsko-trzcianecki' },
  ],
  series: [
    { key: 'confirmed', label: 'Potwierdzone', pattern: 'solid' },
    { key: 'opened', label: 'Otwarte', pattern: 'diagonal' },
  ],
  values: { '3001': { confirmed: 1200, opened: 3 }, '3002': { confirmed: 0, opened: 0 } },
  unit: 'os.',
  totalLabel: 'Razem',
}

describe('BarChart', () => {
  const html = renderToStaticMarkup(<BarChart {...props} />)

  it('names the drawing by its title and description and draws no fixed width', () => {
    const svg = html.match(/<svg class="bar-chart__svg"[^>]*>/)![0]
    expect(svg).toContain('role="img"')
    expect(svg).toContain('width="100%"')
    expect(svg).not.toMatch(/height="/)
    const [titleId, descId] = svg.match(/aria-labelledby="([^"]+)"/)![1]!.split(' ')
    expect(html).toContain(`<title id="${titleId}">Potwierdzenia według powiatów</title>`)
    expect(html).toContain(`<desc id="${descId}">Odbiorcy według stanu w każdym powiecie</desc>`)
  })

  it('gives the same numbers in a table with a caption and scoped headers', () => {
    const table = html.slice(html.indexOf('<table'))
    expect(table).toContain('<caption id=')
    expect(table).toContain(
      '<th scope="col">Powiat</th><th scope="col">Potwierdzone</th><th scope="col">Otwarte</th><th scope="col">Razem</th>',
    )
    expect(table).toContain('<th scope="row">Powiat chodzieski</th><td>1200\u00a0os.</td><td>3\u00a0os.</td><td>1203\u00a0os.</td>')
    expect(table).toContain('<th scope="row">Powiat czarnkowsko-trzcianecki</th><td>0\u00a0os.</td><td>0\u00a0os.</td><td>0\u00a0os.</td>')
  })

  it('fills each series with its own pattern, referenced by an id that exists', () => {
    const fills = [...html.matchAll(/fill="url\(#([^)]+)\)"/g)].map((m) => m[1]!)
    expect(new Set(fills).size).toBe(2)
    for (const id of fills) expect(html).toContain(`<pattern id="${id}"`)
    expect(html).toContain('bar-chart__texture')
  })

  it('writes the numbers in the drawing too, not by colour alone', () => {
    const svg = html.slice(0, html.indexOf('</svg>'))
    expect(svg).toContain('>1200\u00a0os.</text>')
    expect(svg).toContain('>1203\u00a0os.</text>')
    expect(svg).toContain('>0\u00a0os.</text>')
  })

  it('gives two charts on one page distinct ids', () => {
    const two = renderToStaticMarkup(
      <>
        <BarChart {...props} />
        <BarChart {...props} mode="grouped" />
      </>,
    )
    const ids = [...two.matchAll(/ id="([^"]+)"/g)].map((m) => m[1])
    expect(new Set(ids).size).toBe(ids.length)
  })
})
