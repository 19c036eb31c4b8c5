import { describe, expect, it } from 'vitest'
import { sampleFiles, zip } from '#tests/support/zip'
import { FILE_NAME_MAX_LENGTH, FILE_TYPES, keptFileName, sniffFileType } from './file-type.server'

const type = (bytes: Buffer) => sniffFileType(bytes)?.contentType ?? null

describe('sniffFileType', () => {
  it.each([
    ['pdf', 'application/pdf'],
    ['png', 'image/png'],
    ['jpeg', 'image/jpeg'],
    ['pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['odp', 'application/vnd.oasis.opendocument.presentation'],
    ['odt', 'application/vnd.oasis.opendocument.text'],
  ] as const)('recognises a real %s from its bytes', (kind, contentType) => {
    expect(type(sampleFiles[kind]())).toBe(contentType)
  })

  it('refuses executables, whatever they are called', () => {
    expect(type(sampleFiles.exe())).toBeNull()
    expect(type(sampleFiles.elf())).toBeNull()
  })

  it('refuses a text file that only claims to be a PDF, and an empty file', () => {
    expect(type(Buffer.from('To jest zwykły tekst, nie PDF.\n', 'utf8'))).toBeNull()
    expect(type(Buffer.from('%PD', 'latin1'))).toBeNull()
    expect(type(Buffer.alloc(0))).toBeNull()
  })

  it('refuses a zip that is no office document, and an OOXML without [Content_Types].xml', () => {
    expect(
      type(
        zip([
          ['readme.txt', 'hello'],
          ['program.exe', 'MZ'],
        ]),
      ),
    ).toBeNull()
    expect(type(zip([['ppt/presentation.xml', '<p/>']]))).toBeNull()
    expect(type(zip([['mimetype', 'application/vnd.oasis.opendocument.spreadsheet']]))).toBeNull()
  })

  it('refuses a zip whose central directory is cut off', () => {
    const pptx = sampleFiles.pptx()
    expect(type(pptx.subarray(0, pptx.length - 30))).toBeNull()
  })

  it('reads the central directory from the tail of a large file', () => {
    const big = zip([
      ['[Content_Types].xml', '<Types/>'],
      ['ppt/media/film.bin', Buffer.alloc(300_000, 1)],
      ['ppt/presentation.xml', '<p/>'],
    ])
    const head = big.subarray(0, 4096)
    const tail = big.subarray(big.length - 65_558)
    expect(sniffFileType(head, tail, big.length)?.extension).toBe('pptx')
  })
})

describe('keptFileName', () => {
  it.each([
    ['Raport v=2.pdf', 'Raport v=2.pdf'],
    ['Raport; wersja 2.pdf', 'Raport; wersja 2.pdf'],
    ['"Cytat" <script>&amp;.pdf', '"Cytat" <script>&amp;.pdf'],
    ['Доклад – Łódź 東京.pdf', 'Доклад – Łódź 東京.pdf'],
    ['C:\\Users\\anna\\Pulpit\\plan.pdf', 'plan.pdf'],
    ['../../etc/plan.pdf', 'plan.pdf'],
    ['zła\u0000nazwa\r\n.pdf', 'złanazwa.pdf'],
    ['raport\u202Efdp.exe', 'raportfdp.pdf'],
    ['  .pdf', 'plik.pdf'],
    ['', 'plik.pdf'],
  ])('keeps %j readable as %j', (sent, kept) => {
    expect(keptFileName(sent, FILE_TYPES.pdf)).toBe(kept)
  })

  it('gives the extension of what the file is, not of what it was called', () => {
    expect(keptFileName('poly.html', FILE_TYPES.pdf)).toBe('poly.pdf')
    expect(keptFileName('slajdy.PDF', FILE_TYPES.pptx)).toBe('slajdy.pptx')
    expect(keptFileName('zdjęcie.jpeg', FILE_TYPES.jpeg)).toBe('zdjęcie.jpg')
    expect(keptFileName('Raport. wersja 2', FILE_TYPES.pdf)).toBe('Raport. wersja 2.pdf')
    expect(keptFileName('bez rozszerzenia', FILE_TYPES.docx)).toBe('bez rozszerzenia.docx')
  })

  it('shortens a long name, keeping its start and its extension', () => {
    const kept = keptFileName(`${'Sprawozdanie z posiedzenia '.repeat(12)}.pdf`, FILE_TYPES.pdf)
    expect(Array.from(kept).length).toBeLessThanOrEqual(FILE_NAME_MAX_LENGTH)
    expect(kept).toMatch(/^Sprawozdanie z posiedzenia Sprawozdanie .*\S\.pdf$/)
  })

  it('never cuts a letter outside the basic plane in half', () => {
    const kept = keptFileName(`${'😀'.repeat(300)}.pdf`, FILE_TYPES.pdf)
    expect(kept).toBe(`${'😀'.repeat(FILE_NAME_MAX_LENGTH - 4)}.pdf`)
  })
})
