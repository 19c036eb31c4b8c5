/** Confirmation rates in five classes, light to dark in one hue (ColorBrewer „Blues”). */
export const MAP_CLASSES = [
  { from: 0, to: 20, fill: '#eff3ff' },
  { from: 20, to: 40, fill: '#bdd7e7' },
  { from: 40, to: 60, fill: '#6baed6' },
  { from: 60, to: 80, fill: '#3182bd' },
  { from: 80, to: 100, fill: '#08519c' },
] as const

export const fillOf = (rate: number | null) =>
  rate === null ? '#ffffff' : ([...MAP_CLASSES].reverse().find((c) => rate >= c.from) ?? MAP_CLASSES[0]).fill

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** The map as a standalone SVG document: each county filled by its class, with its name and rate as a tooltip. */
export function countyMapSvg(
  map: { viewBox: string; shapes: { code: string; d: string }[] },
  counties: Map<string, { name: string; rate: number | null }>,
  title: string,
): string {
  const paths = map.shapes
    .map((shape) => {
      const county = counties.get(shape.code)
      const label = county ? `${county.name}: ${county.rate === null ? '—' : `${county.rate}%`}` : shape.code
      return `<path d="${shape.d}" fill="${fillOf(county?.rate ?? null)}"><title>${escapeXml(label)}</title></path>`
    })
    .join('')
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${map.viewBox}" role="img" aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title><g stroke="#333" stroke-width="1" stroke-linejoin="round">${paths}</g></svg>`
}
