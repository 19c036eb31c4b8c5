import { describe, expect, it } from 'vitest'
import { escapeLike, foldText } from './text'

describe('foldText', () => {
  it('drops every Polish diacritic, ł included', () => {
    expect(foldText('Zażółć GĘŚLĄ jaźń, Łódź')).toBe('zazolc gesla jazn, lodz')
  })

  it('folds white space so pasted names still match', () => {
    expect(foldText('  Śląska   Fundacja\tObywatelska ')).toBe('slaska fundacja obywatelska')
  })
})

describe('escapeLike', () => {
  it('escapes the LIKE wildcards and the escape character', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b')
  })
})
