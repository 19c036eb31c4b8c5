import { describe, expect, it } from 'vitest'
import { formatOwners } from './owners'

describe('formatOwners', () => {
  it('joins the owners with the Polish conjunction, and the English one for the English pages', () => {
    expect(formatOwners(['MOPS Gdańsk', 'PUP Gdańsk', 'Anna Nowak'])).toBe('MOPS Gdańsk, PUP Gdańsk i Anna Nowak')
    expect(formatOwners(['MOPS Gdańsk', 'PUP Gdańsk'], 'pl')).toBe('MOPS Gdańsk i PUP Gdańsk')
    expect(formatOwners(['MOPS Gdańsk', 'PUP Gdańsk', 'Anna Nowak'], 'en')).toBe('MOPS Gdańsk, PUP Gdańsk, and Anna Nowak')
    expect(formatOwners(['Anna Nowak'])).toBe('Anna Nowak')
    expect(formatOwners([])).toBeNull()
  })
})
