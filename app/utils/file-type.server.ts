/**
 * What a file IS, decided from its bytes alone (never from its name): the magic numbers at
 * its start and, for the zip-based office formats, the entries of the zip itself.
 */

export type AllowedFileType = { contentType: string; extension: string; label: string }

export const FILE_TYPES = {
  pdf: { contentType: 'application/pdf', extension: 'pdf', label: 'PDF' },
  pptx: { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extension: 'pptx', label: 'PPTX' },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx', label: 'DOCX' },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx', label: 'XLSX' },
  odp: { contentType: 'application/vnd.oasis.opendocument.presentation', extension: 'odp', label: 'ODP' },
  odt: { contentType: 'application/vnd.oasis.opendocument.text', extension: 'odt', label: 'ODT' },
  jpeg: { contentType: 'image/jpeg', extension: 'jpg', label: 'JPEG' },
  png: { contentType: 'image/png', extension: 'png', label: 'PNG' },
} as const satisfies Record<string, AllowedFileType>

/** How much of the start and of the end of a file `sniffFileType` wants to see. */
export const SNIFF_HEAD_BYTES = 4096
export const SNIFF_TAIL_BYTES = 65_536 + 22

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const JPEG = [0xff, 0xd8, 0xff]
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d] // %PDF-
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04]

function startsWith(bytes: Uint8Array, magic: number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false
  return magic.every((byte, i) => bytes[at + i] === byte)
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8)
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) + b[at + 3]! * 0x1000000
const latin1 = (b: Uint8Array, from: number, to: number) => Buffer.from(b.buffer, b.byteOffset + from, to - from).toString('latin1')

/**
 * The type of a file from its first bytes (`head`, at least SNIFF_HEAD_BYTES or the whole
 * file) and its last bytes (`tail`, up to SNIFF_TAIL_BYTES, where a zip keeps its central
 * directory); `size` is the whole file's length. Null: not one of the allowed types.
 */
export function sniffFileType(head: Uint8Array, tail: Uint8Array = head, size: number = head.length): AllowedFileType | null {
  if (size === 0) return null
  if (startsWith(head, PDF)) return FILE_TYPES.pdf
  if (startsWith(head, PNG)) return FILE_TYPES.png
  if (startsWith(head, JPEG)) return FILE_TYPES.jpeg
  if (startsWith(head, ZIP_LOCAL)) return sniffZip(head, tail, size)
  return null
}

function sniffZip(head: Uint8Array, tail: Uint8Array, size: number): AllowedFileType | null {
  // OpenDocument: the first entry is `mimetype`, stored uncompressed, holding the type.
  const nameLength = u16(head, 26)
  const extraLength = u16(head, 28)
  const firstName = head.length >= 30 + nameLength ? latin1(head, 30, 30 + nameLength) : ''
  if (firstName === 'mimetype' && u16(head, 8) === 0) {
    const start = 30 + nameLength + extraLength
    const length = u32(head, 18)
    if (start + length <= head.length) {
      const mimetype = latin1(head, start, start + length)
      if (mimetype === FILE_TYPES.odp.contentType) return FILE_TYPES.odp
      if (mimetype === FILE_TYPES.odt.contentType) return FILE_TYPES.odt
    }
    return null
  }
  // Office Open XML: `[Content_Types].xml` and the main part, named in the central directory.
  const names = centralDirectoryNames(tail, size)
  if (!names || !names.has('[Content_Types].xml')) return null
  if (names.has('ppt/presentation.xml')) return FILE_TYPES.pptx
  if (names.has('word/document.xml')) return FILE_TYPES.docx
  if (names.has('xl/workbook.xml')) return FILE_TYPES.xlsx
  return null
}

/** The entry names of a zip's central directory, if it lies within `tail`; null if broken. */
function centralDirectoryNames(tail: Uint8Array, size: number): Set<string> | null {
  const tailStart = size - tail.length
  for (let at = tail.length - 22; at >= 0; at--) {
    if (tail[at] !== 0x50 || tail[at + 1] !== 0x4b || tail[at + 2] !== 0x05 || tail[at + 3] !== 0x06) continue
    const entries = u16(tail, at + 10)
    const directorySize = u32(tail, at + 12)
    const directoryOffset = u32(tail, at + 16)
    let p = directoryOffset - tailStart
    if (p < 0 || directoryOffset + directorySize > size) return null
    const names = new Set<string>()
    for (let i = 0; i < entries; i++) {
      if (p + 46 > tail.length || u32(tail, p) !== 0x02014b50) return null
      const n = u16(tail, p + 28)
      const end = p + 46 + n
      if (end > tail.length) return null
      names.add(Buffer.from(tail.buffer, tail.byteOffset + p + 46, n).toString('utf8'))
      p = end + u16(tail, p + 30) + u16(tail, p + 32)
    }
    return names
  }
  return null
}

/** How long a kept file name may be, in characters, its extension included. */
export const FILE_NAME_MAX_LENGTH = 120

/**
 * The name an uploaded file is kept and downloaded under: the user's own name without its
 * path, control characters or text-direction overrides (Polish and other letters, `=`, `;`,
 * quotes kept), shortened to FILE_NAME_MAX_LENGTH, with the extension of what the file IS:
 * a PDF sent as „poly.html” is kept as „poly.pdf”.
 */
export function keptFileName(sentName: string, type: AllowedFileType): string {
  const base = (sentName.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]+/gu, '')
    .replace(/\s+/gu, ' ')
    .trim()
  const dot = base.lastIndexOf('.')
  const sentExtension = dot >= 0 ? base.slice(dot + 1) : ''
  // Only what looks like an extension is one: „Raport. wersja 2” keeps its whole name.
  const stem = /^[\p{L}\p{N}]{1,8}$/u.test(sentExtension) ? base.slice(0, dot) : base
  const room = FILE_NAME_MAX_LENGTH - type.extension.length - 1
  const short = Array.from(stem).slice(0, room).join('')
  const cleanStem = short.replace(/^[\s.]+|[\s.]+$/gu, '') || 'plik'
  return `${cleanStem}.${type.extension}`
}
