/**
 * Reads an amount in złoty as people type it („904 150,00 zł”, „904150”, „904 150.5”) into
 * grosze; null when it is not an amount.
 */
export function parseMoney(value: string): number | null {
  const text = value
    .replace(/zł|pln/gi, '')
    .replace(/[\s\u00a0]/g, '')
    .trim()
  const match = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(text)
  if (!match) return null
  const grosze = Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'))
  return Number.isSafeInteger(grosze) ? grosze : null
}

/** Grosze as a form shows them for editing: 90415000 → „904150,00”. */
export function moneyInput(grosze: number | null | undefined): string | undefined {
  if (grosze == null) return undefined
  return `${Math.floor(grosze / 100)},${String(grosze % 100).padStart(2, '0')}`
}
