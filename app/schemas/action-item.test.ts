import { describe, expect, it } from 'vitest'
import { actionItemSchema } from './action-item'

const owners = (values: string[]) => {
  const parsed = actionItemSchema({ currentYear: 2026 }).safeParse({ text: 'Przygotować sprawozdanie', owners: values })
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues))
  return parsed.data.owners
}

describe('the owners of an action item', () => {
  it('counts one owner once however its number is written', () => {
    expect(owners(['person:07', 'person:7', 'organisation:012', 'organisation:12'])).toEqual(['person:7', 'organisation:12'])
  })

  it('keeps the order chosen and drops the empty ones', () => {
    expect(owners(['organisation:3', '', ' person:5 ', 'organisation:3'])).toEqual(['organisation:3', 'person:5'])
  })

  it('still refuses a value that names no owner', () => {
    expect(actionItemSchema().safeParse({ text: 'Zadanie', owners: ['kto:1'] }).success).toBe(false)
  })
})
