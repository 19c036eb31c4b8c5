import { describe, expect, it } from 'vitest'
import { asciiFallback, contentDisposition } from './content-disposition'

/** What a client that reads `filename*` gets back (RFC 8187 §3.2.1). */
function decodedExtName(header: string): string {
  const value = header.match(/filename\*=UTF-8''([^;\s]+)/)?.[1]
  if (!value) throw new Error(`no filename* in ${header}`)
  expect(value).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/)
  return decodeURIComponent(value)
}

describe('contentDisposition', () => {
  it('names an ASCII file the same in both parameters', () => {
    expect(contentDisposition('attachment', 'program-spotkania-nr-2.pdf')).toBe(
      `attachment; filename="program-spotkania-nr-2.pdf"; filename*=UTF-8''program-spotkania-nr-2.pdf`,
    )
  })

  it('keeps Polish letters in filename* and drops their marks in the fallback', () => {
    const header = contentDisposition('attachment', 'lista-obecności-Łódź-żółć.pdf')
    expect(header).toMatch(/^attachment; /)
    expect(header).toContain('filename="lista-obecnosci-Lodz-zolc.pdf"')
    expect(header).toContain("filename*=UTF-8''lista-obecno%C5%9Bci-%C5%81%C3%B3d%C5%BA-%C5%BC%C3%B3%C5%82%C4%87.pdf")
    expect(decodedExtName(header)).toBe('lista-obecności-Łódź-żółć.pdf')
  })

  it('writes inline for feeds', () => {
    expect(contentDisposition('inline', 'kalendarz.ics')).toBe(`inline; filename="kalendarz.ics"; filename*=UTF-8''kalendarz.ics`)
  })

  it('escapes what would break the header or the quoted string', () => {
    const header = contentDisposition('attachment', 'a"b\\c%d;e\r\nf (1)*\'.pdf')
    const fallback = header.match(/filename="([^"]*)"/)?.[1]
    expect(fallback).toBeDefined()
    expect(fallback).not.toMatch(/["\\%\r\n]/)
    expect(header).not.toMatch(/[\r\n]/)
    expect(decodedExtName(header)).toBe('a"b_c%d;e_f (1)*\'.pdf')
  })

  it('never gives an empty name', () => {
    expect(contentDisposition('attachment', '  ')).toContain('filename="plik"')
  })

  it('replaces other non-ASCII characters in the fallback only', () => {
    expect(asciiFallback('Zespół № 5 €.pdf')).toBe('Zespol _ 5 _.pdf')
    expect(decodedExtName(contentDisposition('attachment', 'notatka €.pdf'))).toBe('notatka €.pdf')
  })

  it.each(['Raport v=2.pdf', 'Raport; wersja 2.pdf', 'a "cytat" <b>.pdf', 'Доклад 東京.pdf'])(
    'keeps %j whole in filename* and gives a quoted fallback that cannot end the header early',
    (name) => {
      const header = contentDisposition('attachment', name)
      expect(decodedExtName(header)).toBe(name)
      const fallback = header.match(/^attachment; filename="([^"]*)"; filename\*=/)?.[1]
      expect(fallback).toBeDefined()
      expect(fallback).toMatch(/^[\x20-\x7e]+\.pdf$/)
    },
  )
})
