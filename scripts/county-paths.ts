// Turns a GeoJSON of Poland's counties (properties `terc`, 4 digits) into the SVG paths the
// distribution dashboard shades: `npx tsx scripts/county-paths.ts <counties.json> > db/register/county-paths.json`.
// The source of the committed file and its licence: db/register/county-paths.md.
import fs from 'node:fs'

type Ring = [number, number][]
type Feature = {
  properties: { terc: string; name: string }
  geometry: { type: 'MultiPolygon'; coordinates: Ring[][] } | { type: 'Polygon'; coordinates: Ring[] }
}

// An equirectangular projection at Poland's middle latitude: 1,000 units span the country's width.
const LON0 = 14
const LAT0 = 55
const SCALE = 160
const COS = Math.cos((52 * Math.PI) / 180)
const project = ([lon, lat]: [number, number]): [number, number] => [(lon - LON0) * COS * SCALE, (LAT0 - lat) * SCALE]

/** A ring as path commands, points closer than `tolerance` to the last one kept dropped, one decimal. */
function ringPath(ring: Ring, tolerance = 0.8): string {
  const kept: [number, number][] = []
  for (const point of ring.map(project)) {
    const last = kept.at(-1)
    if (!last || Math.hypot(point[0] - last[0], point[1] - last[1]) >= tolerance) kept.push(point)
  }
  if (kept.length < 3) return ''
  return `M${kept.map(([x, y]) => `${x.toFixed(1)} ${y.toFixed(1)}`).join('L')}Z`
}

const source = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as { features: Feature[] }
const counties: Record<string, { d: string; box: [number, number, number, number] }> = {}
for (const feature of source.features) {
  const polygons = feature.geometry.type === 'MultiPolygon' ? feature.geometry.coordinates : [feature.geometry.coordinates]
  const outer = polygons.map((polygon) => polygon[0]!)
  const points = outer.flat().map(project)
  const xs = points.map((p) => p[0])
  const ys = points.map((p) => p[1])
  counties[feature.properties.terc] = {
    d: outer.map((ring) => ringPath(ring)).join(''),
    box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].map((v) => Math.round(v)) as [number, number, number, number],
  }
}
process.stdout.write(`${JSON.stringify(counties)}\n`)
