import { describe, expect, it } from 'vitest'
import { columnWidths, unbreakablePieces } from './column-widths'

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)

describe('columnWidths', () => {
  it('gives every column its natural width and shares the rest by weight when all fits', () => {
    const widths = columnWidths(
      [
        { min: 20, natural: 20, weight: 1 },
        { min: 60, natural: 100, weight: 3 },
      ],
      200,
    )!
    expect(widths).toEqual([40, 160])
  })

  it('keeps a narrow column at its longest word and gives the room left to what lacks it most', () => {
    const widths = columnWidths(
      [
        { min: 20, natural: 20, weight: 10 },
        { min: 100, natural: 400, weight: 1 },
        { min: 50, natural: 150, weight: 1 },
      ],
      300,
    )!
    expect(sum(widths)).toBeCloseTo(300)
    expect(widths[0]).toBe(20)
    expect(widths[1]).toBeCloseTo(100 + 130 * (300 / 400))
    expect(widths[2]).toBeCloseTo(50 + 130 * (100 / 400))
  })

  it('never gives a column less than its longest word, even against the weights', () => {
    const widths = columnWidths(
      [
        { min: 180, natural: 300, weight: 1 },
        { min: 10, natural: 300, weight: 100 },
      ],
      200,
    )!
    expect(widths[0]).toBeGreaterThanOrEqual(180)
    expect(sum(widths)).toBeCloseTo(200)
  })

  it('answers null when the longest words do not fit side by side', () => {
    expect(
      columnWidths(
        [
          { min: 120, natural: 120, weight: 1 },
          { min: 90, natural: 90, weight: 1 },
        ],
        200,
      ),
    ).toBeNull()
  })
})

describe('unbreakablePieces', () => {
  it('splits at spaces, new lines and hyphens between letters, not at a hyphen before a digit', () => {
    expect(unbreakablePieces('Gość Źdźbło-Łęcki\nod 2012-05 (MOPS)')).toEqual(['Gość', 'Źdźbło-', 'Łęcki', 'od', '2012-05', '(MOPS)'])
  })
})
