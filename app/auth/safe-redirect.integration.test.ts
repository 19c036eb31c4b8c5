import { describe, expect, it } from 'vitest'
import { safeRedirect } from './require.server'

// require.server opens the database on import, hence an integration test for a pure function.
describe('safeRedirect', () => {
  it.each([
    ['/meetings/12', '/meetings/12'],
    ['/meetings?body=3#agenda', '/meetings?body=3#agenda'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
    ['/a/../b', '/b'],
  ])('keeps the path %j on the site', (to, expected) => {
    expect(safeRedirect(to)).toBe(expected)
  })

  it.each([
    '//evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '\t//evil.example',
    ' //evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '\\/evil.example',
    '/.//evil.example',
    '/a/../..//evil.example',
    'evil.example',
    'meetings/12',
    'https://evil.example/meetings',
    'https:evil.example',
    'https:/evil.example',
    'HTTPS://evil.example',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    decodeURIComponent('%2F%09%2Fevil.example'),
    decodeURIComponent('%2F%5Cevil.example'),
  ])('refuses %j', (to) => {
    expect(safeRedirect(to, '/fallback')).toBe('/fallback')
  })

  it('gives the fallback for nothing, an empty string and a file', () => {
    expect(safeRedirect(null)).toBe('/')
    expect(safeRedirect(undefined, '/home')).toBe('/home')
    expect(safeRedirect('')).toBe('/')
    expect(safeRedirect(new File(['x'], '/meetings'))).toBe('/')
  })

  it('never answers with something a browser would read as another host', () => {
    for (const to of ['/\t/evil.example', '/.//evil.example', '/\\evil.example', 'https:/evil.example']) {
      const result = safeRedirect(to)
      expect(new URL(result, 'https://narada.example').origin).toBe('https://narada.example')
    }
  })
})
