import { describe, expect, it } from 'vitest'
import { moneyInput, parseMoney } from './money'

describe('parseMoney', () => {
  it('reads amounts the way they are written in Polish documents', () => {
    expect(parseMoney('904 150,00 zł')).toBe(90415000)
    expect(parseMoney('876150')).toBe(87615000)
    expect(parseMoney('12,5')).toBe(1250)
    expect(parseMoney('1\u00a0000.05 PLN')).toBe(100005)
  })

  it('refuses what is not an amount', () => {
    for (const value of ['', 'dużo', '-5', '1,234', '12,345']) expect(parseMoney(value), value).toBeNull()
  })

  it('writes grosze back for a form', () => {
    expect(moneyInput(90415000)).toBe('904150,00')
    expect(moneyInput(null)).toBeUndefined()
  })
})
