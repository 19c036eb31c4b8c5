import fs from 'node:fs'
import path from 'node:path'

type Shape = { d: string; box: [number, number, number, number] }

let shapes: Record<string, Shape> | null = null

/** db/register/county-paths.json (see county-paths.md beside it), read once. */
function allShapes(): Record<string, Shape> {
  shapes ??= JSON.parse(fs.readFileSync(path.resolve('./db/register/county-paths.json'), 'utf8')) as Record<string, Shape>
  return shapes
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
