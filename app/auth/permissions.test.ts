import { describe, expect, it } from 'vitest'
import { can } from './permissions'

describe('can', () => {
  it('lets only administrators manage accounts and read the audit log', () => {
    for (const action of ['users.manage', 'audit.read', 'directory.archive'] as const) {
      expect(can({ role: 'admin' }, action)).toBe(true)
      expect(can({ role: 'officer' }, action)).toBe(false)
      expect(can({ role: 'member' }, action)).toBe(false)
    }
  })

  it('lets officers edit the directory and members only read it', () => {
    expect(can({ role: 'officer' }, 'directory.edit')).toBe(true)
    expect(can({ role: 'member' }, 'directory.edit')).toBe(false)
    expect(can({ role: 'member' }, 'directory.read')).toBe(true)
  })

  it('lets a signed-out visitor do nothing', () => {
    expect(can(null, 'directory.read')).toBe(false)
  })
})
