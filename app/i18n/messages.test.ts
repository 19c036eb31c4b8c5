import { describe, expect, it } from 'vitest'
import { en } from './en'
import { translator } from './messages'
import { pl } from './pl'

describe('dictionaries', () => {
  it('translate every Polish key into English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(pl).sort())
  })

  it('keep the same placeholders in both languages', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort()
    for (const key of Object.keys(pl) as (keyof typeof pl)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(pl[key]))
    }
  })

  it('fill placeholders', () => {
    expect(translator('pl')('layout.signedInAs', { name: 'Gizela Przeor' })).toBe('Zalogowano jako Gizela Przeor')
  })
})
