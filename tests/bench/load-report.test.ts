import { describe, expect, it } from 'vitest'
import { formatReport, ratioVerdict, sizeVerdict, verdict, type PageMeasure } from '../../bench/load-report'

const page = (overrides: Partial<PageMeasure> = {}): PageMeasure => ({
  name: '/meetings',
  path: '/meetings',
  who: 'officer',
  ratioTarget: true,
  isHtml: true,
  requestsPerSecond: 70,
  bareRequestsPerSecond: 100,
  p50Ms: 20,
  p99Ms: 80,
  aloneMs: 12,
  bytes: 40 * 1024,
  gzipBytes: 8 * 1024,
  failures: 0,
  ...overrides,
})

describe('the load benchmark targets', () => {
  it('meets the ratio at 0.7 of the bare page and misses it below, saying by how much', () => {
    expect(ratioVerdict(page())).toEqual({ met: true, missedBy: null })
    expect(ratioVerdict(page({ requestsPerSecond: 35 }))).toEqual({ met: false, missedBy: '0.35 short (−50 %)' })
  })

  it('sets no ratio target on a page the issue does not name, and no size target on a feed', () => {
    expect(ratioVerdict(page({ ratioTarget: false, requestsPerSecond: 1 }))).toBeNull()
    expect(sizeVerdict(page({ isHtml: false, bytes: 5 * 1024 * 1024 }))).toBeNull()
  })

  it('allows HTML up to 150 KB and tells how far over a bigger page is', () => {
    expect(sizeVerdict(page({ bytes: 150 * 1024 }))).toEqual({ met: true, missedBy: null })
    expect(sizeVerdict(page({ bytes: 170 * 1024 }))).toEqual({ met: false, missedBy: '20 KB over (+13 %)' })
  })

  it('misses an at-most goal by what lies above it', () => {
    expect(verdict({ measured: 42.5, goal: 30, reach: 'at most', unit: ' ms', digits: 1 })).toEqual({
      met: false,
      missedBy: '12.5 ms over (+42 %)',
    })
  })

  it('writes a row per page with its ratio and verdicts, and an empty column for why', () => {
    const markdown = formatReport({
      title: 'Load',
      context: [['machine', '2 cores']],
      pages: [page({ requestsPerSecond: 35 })],
      checks: [],
    })
    expect(markdown).toContain('- **machine**: 2 cores')
    expect(markdown).toContain(
      '| /meetings | officer | 35.0 | 100.0 | 0.350 | 12 | 20.0 | 80.0 | 40.0 KB | 8.0 KB | 0 | ✗ 0.35 short (−50 %) | ✓ |  |',
    )
  })
})
