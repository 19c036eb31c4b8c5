import { describe, expect, it } from 'vitest'
import { checkNip, checkRegon } from './regon-nip'

describe('REGON', () => {
  it('takes a 9-digit number whose check digit holds, written with spaces or dashes, as its digits', () => {
    expect(checkRegon('123456785')).toEqual({ ok: true, digits: '123456785' })
    expect(checkRegon('123-456-785')).toEqual({ ok: true, digits: '123456785' })
    expect(checkRegon(' 123 456 785 ')).toEqual({ ok: true, digits: '123456785' })
  })

  it('takes the 14-digit number of a local unit when both its parent part and its own check digit hold', () => {
    expect(checkRegon('12345678512347')).toEqual({ ok: true, digits: '12345678512347' })
    expect(checkRegon('12345678512348')).toEqual({ ok: false, error: 'validation.regonCheckDigit' })
    // The own digit holds (…3 → sum 253, remainder 0), but the parent 123456784 does not.
    expect(checkRegon('12345678412340')).toEqual({ ok: false, error: 'validation.regonCheckDigit' })
  })

  it('counts a remainder of 10 as the check digit 0', () => {
    // 3 · 7 = 21 = 11 + 10
    expect(checkRegon('000000030')).toEqual({ ok: true, digits: '000000030' })
    expect(checkRegon('000000031')).toEqual({ ok: false, error: 'validation.regonCheckDigit' })
  })

  it('refuses a mistyped digit and any other length', () => {
    expect(checkRegon('123456786')).toEqual({ ok: false, error: 'validation.regonCheckDigit' })
    expect(checkRegon('132456785')).toEqual({ ok: false, error: 'validation.regonCheckDigit' })
    expect(checkRegon('12345678')).toEqual({ ok: false, error: 'validation.regonLength' })
    expect(checkRegon('1234567851')).toEqual({ ok: false, error: 'validation.regonLength' })
    expect(checkRegon('12345678A')).toEqual({ ok: false, error: 'validation.regonLength' })
  })
})

describe('NIP', () => {
  it('takes a number whose check digit holds, in any of its printed forms, as its digits', () => {
    expect(checkNip('1234563218')).toEqual({ ok: true, digits: '1234563218' })
    expect(checkNip('123-456-32-18')).toEqual({ ok: true, digits: '1234563218' })
    expect(checkNip('123-45-63-218')).toEqual({ ok: true, digits: '1234563218' })
    expect(checkNip('PL 1234563218')).toEqual({ ok: true, digits: '1234563218' })
  })

  it('refuses a wrong check digit, a remainder of 10, and any other length', () => {
    expect(checkNip('1234563219')).toEqual({ ok: false, error: 'validation.nipCheckDigit' })
    // 2 · 5 = 10: the remainder 10, which no NIP is given.
    expect(checkNip('0000002000')).toEqual({ ok: false, error: 'validation.nipCheckDigit' })
    expect(checkNip('000000200')).toEqual({ ok: false, error: 'validation.nipLength' })
    expect(checkNip('12345632188')).toEqual({ ok: false, error: 'validation.nipLength' })
  })
})
