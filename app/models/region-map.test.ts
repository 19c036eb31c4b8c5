import { describe, expect, it } from 'vitest'
import { compactPath } from './region-map.server'

/** The absolute points a compact path draws, to compare it with the rounded original. */
function pointsOf(d: string): [number, number][][] {
  const rings: [number, number][][] = []
  let x = 0
  let y = 0
  for (const [, command, sx, sy] of d.matchAll(/([MLlZ])(?:(-?\d+(?:\.\d+)?) ?(-?\d+(?:\.\d+)?))?/g)) {
    if (command === 'Z') continue
    const [dx, dy] = [Number(sx), Number(sy)]
    ;[x, y] = command === 'l' ? [x + dx, y + dy] : [dx, dy]
    if (command === 'M') rings.push([])
    rings.at(-1)!.push([x, y])
  }
  return rings
}

describe('compactPath', () => {
  it('draws the same outline in whole units, each point after the one before, a point that rounds onto the last one left out', () => {
    const d = 'M273.2 330.6L272.6 328.5L270.2 324.9L270.4 325.1L273.2 330.6ZM10.0 10.0L12.5 8.4Z'
    const compact = compactPath(d)
    expect(compact).toBe('M273 331l0-2l-3-4l3 6ZM10 10l3-2Z')
    expect(pointsOf(compact)).toEqual([
      [
        [273, 331],
        [273, 329],
        [270, 325],
        [273, 331],
      ],
      [
        [10, 10],
        [13, 8],
      ],
    ])
    expect(compact.length).toBeLessThan(d.length / 2)
  })

  it('leaves a path with other commands as it is', () => {
    expect(compactPath('M0 0C1 1 2 2 3 3Z')).toBe('M0 0C1 1 2 2 3 3Z')
  })
})
