import { describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { escapeLike, foldedGlob, foldText } from './text'

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

describe('foldedGlob', () => {
  const sqlite = new Database(':memory:')
  const finds = (text: string, word: string) => sqlite.prepare('select ? glob ? as hit').pluck().get(text, foldedGlob(word)) === 1

  it('finds a word whatever its case and Polish letters, in SQLite', () => {
    expect(finds('Zespół ds. Łódź-Bałuty', 'lodz')).toBe(true)
    expect(finds('Zespół ds. Łódź-Bałuty', 'ZESPOL')).toBe(true)
    expect(finds('Zespół ds. Łódź-Bałuty', 'Łódź')).toBe(true)
    expect(finds('Zespół ds. Łódź-Bałuty', 'krakow')).toBe(false)
  })

  it('takes the GLOB wildcards literally', () => {
    expect(finds('Grupa [A]', '[a]')).toBe(true)
    expect(finds('Grupa A', '*')).toBe(false)
    expect(finds('Grupa A', 'gr?pa')).toBe(false)
  })
})
