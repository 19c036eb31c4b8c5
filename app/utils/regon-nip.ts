/**
 * The check digits of the Polish statistical number (REGON, 9 or 14 digits) and tax number
 * (NIP, 10 digits). Both are written with dashes or spaces („123-456-32-18”) and stored as
 * digits only. The answers are message keys, shown next to the field or the imported row.
 */
export type NumberCheck = { ok: true; digits: string } | { ok: false; error: NumberError }
export type NumberError = 'validation.regonLength' | 'validation.regonCheckDigit' | 'validation.nipLength' | 'validation.nipCheckDigit'

const REGON_9_WEIGHTS = [8, 9, 2, 3, 4, 5, 6, 7]
const REGON_14_WEIGHTS = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8]
const NIP_WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7]

/** Spaces, dashes and dots dropped: how the numbers are printed on letterheads. */
export function digitsOf(value: string): string {
  return value.replace(/[\s.-]/g, '')
}

function weightedSum(digits: string, weights: number[]): number {
  return weights.reduce((sum, weight, i) => sum + weight * Number(digits[i]), 0)
}

function regonDigitHolds(digits: string, weights: number[]): boolean {
  return (weightedSum(digits, weights) % 11) % 10 === Number(digits[weights.length])
}

export function checkRegon(value: string): NumberCheck {
  const digits = digitsOf(value)
  if (!/^(\d{9}|\d{14})$/.test(digits)) return { ok: false, error: 'validation.regonLength' }
  // A 14-digit REGON (a local unit) begins with its parent's 9-digit one, itself checked.
  const holds = regonDigitHolds(digits, REGON_9_WEIGHTS) && (digits.length === 9 || regonDigitHolds(digits, REGON_14_WEIGHTS))
  return holds ? { ok: true, digits } : { ok: false, error: 'validation.regonCheckDigit' }
}

export function checkNip(value: string): NumberCheck {
  // The EU VAT form („PL1234563218”) is the same number.
  const digits = digitsOf(value).replace(/^PL/i, '')
  if (!/^\d{10}$/.test(digits)) return { ok: false, error: 'validation.nipLength' }
  // A remainder of 10 is never issued: no check digit can stand for it.
  const rest = weightedSum(digits, NIP_WEIGHTS) % 11
  return rest !== 10 && rest === Number(digits[9]) ? { ok: true, digits } : { ok: false, error: 'validation.nipCheckDigit' }
}
