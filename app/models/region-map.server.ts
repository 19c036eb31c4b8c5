import fs from 'node:fs'
import path from 'node:path'

type Shape = { d: string; box: [number, number, number, number] }

let shapes: Record<string, Shape> | null = null

/** db/register/county-paths.json (see county-paths.md beside it), read once. */
function allShapes(): Record<string, Shape> {
  if (!shapes) {
    const read = JSON.parse(fs.readFileSync(path.resolve('./db/register/county-paths.json'), 'utf8')) as Record<string, Shape>
    shapes = Object.fromEntries(Object.entries(read).map(([code, shape]) => [code, { ...shape, d: compactPath(shape.d) }]))
  }
  return shapes
}

/**
 * An outline in whole units, each point relative to the one before: the 35 counties of one
 * voivodeship weigh 36 KB in tenths and absolute points, 16 KB so, and the dashboard has a
 * 150 KB budget. A unit is about a pixel of the map as drawn, finer than a county's shading
 * needs. A path with commands other than M, L and Z is left as it is.
 */
export function compactPath(d: string): string {
  const steps = [...d.matchAll(/([MLZ])\s*(?:(-?[\d.]+)[\s,]+(-?[\d.]+))?\s*/g)]
  if (steps.map((m) => m[0]).join('') !== d) return d
  let out = ''
  let x = 0
  let y = 0
  for (const [, command, sx, sy] of steps) {
    if (command === 'Z') {
      out += 'Z'
      continue
    }
    const [nx, ny] = [Math.round(Number(sx)), Math.round(Number(sy))]
    if (command === 'M') out += `M${nx} ${ny}`
    else if (nx !== x || ny !== y) out += `l${nx - x}${ny - y < 0 ? '' : ' '}${ny - y}`
    ;[x, y] = [nx, ny]
  }
  return out
}

/**
 * The outlines of the given counties and the box around them all, for a map of a distribution's
 * region; counties without an outline are left out. Cities with county rights come last, so that
 * they are drawn over the county around them.
 */
export function countyShapes(codes: string[]): { viewBox: string; shapes: { code: string; d: string }[] } | null {
  const found = codes.flatMap((code) => {
    const shape = allShapes()[code]
    return shape ? [{ code, ...shape }] : []
  })
  if (found.length === 0) return null
  found.sort((a, b) => Number(a.code.slice(2) >= '61') - Number(b.code.slice(2) >= '61') || a.code.localeCompare(b.code))
  const [x0, y0, x1, y1] = [0, 1, 2, 3].map((i) => (i < 2 ? Math.min : Math.max)(...found.map((s) => s.box[i]!)))
  const pad = Math.max(x1! - x0!, y1! - y0!) * 0.02
  return {
    viewBox: [x0! - pad, y0! - pad, x1! - x0! + 2 * pad, y1! - y0! + 2 * pad].map((v) => Math.round(v)).join(' '),
    shapes: found.map(({ code, d }) => ({ code, d })),
  }
}
