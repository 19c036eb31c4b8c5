import { describe, expect, it } from 'vitest'
import { pageHref } from './paging'

describe('pageHref', () => {
  it('keeps every filter and replaces the page', () => {
    expect(pageHref('?q=%C5%82%C3%B3d%C5%BA&kind=ops&page=3', 4)).toBe('?q=%C5%82%C3%B3d%C5%BA&kind=ops&page=4')
  })

  it('drops ?page= for the first page, leaving the bare list when nothing else is asked', () => {
    expect(pageHref('?kind=ops&page=2', 1)).toBe('?kind=ops')
    expect(pageHref('?page=2', 1)).toBe('?')
  })
})
