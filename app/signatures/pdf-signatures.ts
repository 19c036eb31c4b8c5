import { inflateSync } from 'node:zlib'

/**
 * Just enough PDF reading to check signed agreements: the signature dictionaries, the revisions
 * (incremental updates) and the objects each revision (re)defines. Every scan moves forward with
 * `indexOf` and skips stream data by its length, so a 20 MB upload costs one linear pass; no
 * regular expression runs over the file.
 */

export class PdfName {
  constructor(readonly name: string) {}
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

export type PdfDict = Map<string, PdfValue>
export type PdfValue = number | boolean | null | PdfName | PdfRef | Buffer | PdfValue[] | PdfDict

export type PdfObject = { num: number; gen: number; value: PdfValue; isStream: boolean; stream: Buffer | null }

export type SignatureField = {
  /** Where the `/ByteRange` token sits in the file. */
  position: number
  byteRange: [number, number, number, number]
  contents: Buffer
  subFilter: string
  signedAt: string | null
}

class PdfSyntaxError extends Error {}

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20])
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25])

function isRegular(byte: number | undefined) {
  return byte !== undefined && !WHITESPACE.has(byte) && !DELIMITERS.has(byte)
}

function skipSpace(buf: Buffer, pos: number): number {
  while (pos < buf.length) {
    const byte = buf[pos]!
    if (WHITESPACE.has(byte)) pos++
    else if (byte === 0x25) {
      while (pos < buf.length && buf[pos] !== 0x0a && buf[pos] !== 0x0d) pos++
    } else break
  }
  return pos
}

function readRegular(buf: Buffer, pos: number): { word: string; end: number } {
  let end = pos
  while (end < buf.length && isRegular(buf[end])) end++
  return { word: buf.toString('latin1', pos, end), end }
}

const INTEGER = /^[+-]?\d+$/
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/

/** Parses one PDF value at `pos` (after whitespace); `n g R` references are recognised. */
export function parseValue(buf: Buffer, start: number): { value: PdfValue; end: number } {
  let pos = skipSpace(buf, start)
  const byte = buf[pos]
  if (byte === undefined) throw new PdfSyntaxError('unexpected end of data')
  if (byte === 0x2f) {
    const { word, end } = readRegular(buf, pos + 1)
    return { value: new PdfName(word.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))), end }
  }
  if (byte === 0x3c && buf[pos + 1] === 0x3c) {
    const dict: PdfDict = new Map()
    pos += 2
    for (;;) {
      pos = skipSpace(buf, pos)
      if (buf[pos] === 0x3e && buf[pos + 1] === 0x3e) return { value: dict, end: pos + 2 }
      const key = parseValue(buf, pos)
      if (!(key.value instanceof PdfName)) throw new PdfSyntaxError(`dictionary key is not a name at ${pos}`)
      const item = parseValue(buf, key.end)
      dict.set(key.value.name, item.value)
      pos = item.end
    }
  }
  if (byte === 0x3c) {
    const close = buf.indexOf(0x3e, pos)
    if (close === -1) throw new PdfSyntaxError('unterminated hex string')
    let hex = buf.toString('latin1', pos + 1, close).replace(/[\s]/g, '')
    if (!/^[0-9a-fA-F]*$/.test(hex)) throw new PdfSyntaxError(`bad hex string at ${pos}`)
    if (hex.length % 2) hex += '0'
    return { value: Buffer.from(hex, 'hex'), end: close + 1 }
  }
  if (byte === 0x28) return parseLiteralString(buf, pos)
  if (byte === 0x5b) {
    const items: PdfValue[] = []
    pos++
    for (;;) {
      pos = skipSpace(buf, pos)
      if (buf[pos] === 0x5d) return { value: items, end: pos + 1 }
      const item = parseValue(buf, pos)
      items.push(item.value)
      pos = item.end
    }
  }
  const { word, end } = readRegular(buf, pos)
  if (word === 'true' || word === 'false') return { value: word === 'true', end }
  if (word === 'null') return { value: null, end }
  if (INTEGER.test(word)) {
    // `n g R` is a reference; look ahead without consuming anything else.
    const genStart = skipSpace(buf, end)
    const gen = readRegular(buf, genStart)
    if (INTEGER.test(gen.word)) {
      const rStart = skipSpace(buf, gen.end)
      const r = readRegular(buf, rStart)
      if (r.word === 'R') return { value: new PdfRef(Number(word), Number(gen.word)), end: r.end }
    }
    return { value: Number(word), end }
  }
  if (NUMBER.test(word)) return { value: Number(word), end }
  throw new PdfSyntaxError(`unexpected token ${JSON.stringify(word.slice(0, 20))} at ${pos}`)
}

function parseLiteralString(buf: Buffer, start: number): { value: Buffer; end: number } {
  const out: number[] = []
  let depth = 1
  let pos = start + 1
  while (pos < buf.length) {
    const byte = buf[pos++]!
    if (byte === 0x5c) {
      const next = buf[pos++]
      if (next === undefined) break
      const escapes: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c }
      if (next in escapes) out.push(escapes[next]!)
      else if (next >= 0x30 && next <= 0x37) {
        let octal = next - 0x30
        for (let i = 0; i < 2 && buf[pos]! >= 0x30 && buf[pos]! <= 0x37; i++) octal = octal * 8 + buf[pos++]! - 0x30
        out.push(octal & 0xff)
      } else if (next === 0x0d) {
        if (buf[pos] === 0x0a) pos++
      } else if (next !== 0x0a) out.push(next)
    } else if (byte === 0x28) {
      depth++
      out.push(byte)
    } else if (byte === 0x29) {
      if (--depth === 0) return { value: Buffer.from(out), end: pos }
      out.push(byte)
    } else out.push(byte)
  }
  throw new PdfSyntaxError('unterminated literal string')
}

const BYTE_RANGE = Buffer.from('/ByteRange')
const OBJ = Buffer.from('obj')
const EOF_MARKER = Buffer.from('%%EOF')

/**
 * Every signature dictionary in the file, in file order: each `/ByteRange` token whose enclosing
 * indirect object parses as a dictionary with `/Contents`. A `/ByteRange` elsewhere (text in an
 * uncompressed stream, say) does not parse as one and is passed over.
 */
export function findSignatureFields(file: Buffer): SignatureField[] {
  const fields: SignatureField[] = []
  let from = 0
  for (;;) {
    const position = file.indexOf(BYTE_RANGE, from)
    if (position === -1) return fields
    from = position + BYTE_RANGE.length
    const objStart = file.lastIndexOf(OBJ, position)
    if (objStart === -1) continue
    let parsed: { value: PdfValue; end: number }
    try {
      parsed = parseValue(file, objStart + OBJ.length)
    } catch {
      continue
    }
    const dict = parsed.value
    if (!(dict instanceof Map) || parsed.end <= position) continue
    const range = dict.get('ByteRange')
    const contents = dict.get('Contents')
    if (!Array.isArray(range) || range.length !== 4 || !range.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)) continue
    if (!Buffer.isBuffer(contents)) continue
    const subFilter = dict.get('SubFilter')
    const signedAt = dict.get('M')
    fields.push({
      position,
      byteRange: range as [number, number, number, number],
      contents,
      subFilter: subFilter instanceof PdfName ? subFilter.name : '',
      signedAt: Buffer.isBuffer(signedAt) ? signedAt.toString('latin1') : null,
    })
    from = Math.max(from, parsed.end)
  }
}

/** The end of every revision: just after each `%%EOF` and the line end that follows it. */
export function revisionEnds(file: Buffer): number[] {
  const ends: number[] = []
  let from = 0
  for (;;) {
    const at = file.indexOf(EOF_MARKER, from)
    if (at === -1) return ends
    let end = at + EOF_MARKER.length
    if (file[end] === 0x0d) end++
    if (file[end] === 0x0a) end++
    ends.push(end)
    from = end
  }
}

/**
 * The indirect objects written between `start` and `end`, in order, including those packed in
 * object streams. Stream data is skipped by its `/Length`, so bytes inside a stream are never
 * mistaken for object headers.
 */
export function objectsIn(file: Buffer, start: number, end: number): PdfObject[] {
  const objects: PdfObject[] = []
  let from = start
  while (from < end) {
    const at = file.indexOf(OBJ, from)
    if (at === -1 || at >= end) break
    from = at + OBJ.length
    const header = objectHeaderBefore(file, at, start)
    if (!header || isRegular(file[at + OBJ.length])) continue
    let parsed: { value: PdfValue; end: number }
    try {
      parsed = parseValue(file, at + OBJ.length)
    } catch {
      continue
    }
    let pos = skipSpace(file, parsed.end)
    let stream: Buffer | null = null
    if (file.toString('latin1', pos, pos + 6) === 'stream' && parsed.value instanceof Map) {
      pos += 6
      if (file[pos] === 0x0d) pos++
      if (file[pos] === 0x0a) pos++
      const length = parsed.value.get('Length')
      let dataEnd = typeof length === 'number' ? pos + length : -1
      if (dataEnd < 0 || dataEnd > end || file.toString('latin1', skipSpace(file, dataEnd), skipSpace(file, dataEnd) + 9) !== 'endstream') {
        dataEnd = file.indexOf('endstream', pos, 'latin1')
        if (dataEnd === -1 || dataEnd > end) dataEnd = end
      }
      stream = file.subarray(pos, dataEnd)
      pos = dataEnd
    }
    const object = { ...header, value: parsed.value, isStream: stream !== null, stream }
    objects.push(object)
    if (stream && parsed.value instanceof Map && isName(parsed.value.get('Type'), 'ObjStm')) objects.push(...objectStreamContents(object))
    from = Math.max(from, pos)
  }
  return objects
}

/** `12 0` right before an `obj` keyword, preceded by a line start or whitespace. */
function objectHeaderBefore(file: Buffer, at: number, floor: number): { num: number; gen: number } | null {
  const text = file.toString('latin1', Math.max(floor, at - 24), at)
  const match = /(?:^|[\s>])(\d{1,10})[ \t\r\n]+(\d{1,5})[ \t\r\n]*$/.exec(text)
  if (!match) return null
  return { num: Number(match[1]), gen: Number(match[2]) }
}

function objectStreamContents(container: PdfObject): PdfObject[] {
  const dict = container.value as PdfDict
  const filter = dict.get('Filter')
  const flate = isName(filter, 'FlateDecode') || (Array.isArray(filter) && filter.length === 1 && isName(filter[0], 'FlateDecode'))
  // An object stream this reader cannot open is reported as an unknown rewrite of everything.
  if (!flate || dict.has('DecodeParms')) throw new UnreadableUpdateError(`object stream ${container.num} uses an unsupported filter`)
  const data = inflateSync(container.stream!)
  const count = dict.get('N')
  const first = dict.get('First')
  if (typeof count !== 'number' || typeof first !== 'number')
    throw new UnreadableUpdateError(`object stream ${container.num} lacks /N or /First`)
  const objects: PdfObject[] = []
  let pos = 0
  const offsets: { num: number; offset: number }[] = []
  for (let i = 0; i < count; i++) {
    const num = parseValue(data, pos)
    const offset = parseValue(data, num.end)
    if (typeof num.value !== 'number' || typeof offset.value !== 'number')
      throw new UnreadableUpdateError(`object stream ${container.num} has a bad header`)
    offsets.push({ num: num.value, offset: offset.value })
    pos = offset.end
  }
  for (const { num, offset } of offsets) {
    objects.push({ num, gen: 0, value: parseValue(data, first + offset).value, isStream: false, stream: null })
  }
  return objects
}

export class UnreadableUpdateError extends Error {}

export function isName(value: PdfValue | undefined, name: string): boolean {
  return value instanceof PdfName && value.name === name
}

/** A canonical text of a value, to tell whether an object really changed between revisions. */
export function canonical(value: PdfValue | undefined): string {
  if (value === undefined) return 'undefined'
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return String(value)
  if (value instanceof PdfName) return `/${value.name}`
  if (value instanceof PdfRef) return `${value.num} ${value.gen} R`
  if (Buffer.isBuffer(value)) return `<${value.toString('hex')}>`
  if (Array.isArray(value)) return `[${value.map(canonical).join(' ')}]`
  return `<<${[...value.keys()]
    .sort()
    .map((key) => `/${key} ${canonical(value.get(key))}`)
    .join(' ')}>>`
}

const INFO_KEYS = new Set(['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer', 'CreationDate', 'ModDate', 'Trapped'])

/**
 * What each kind of object may change in an update after a signature without changing what was
 * signed: the catalog gains a form, DSS (long-term validation data) or extensions, a page gains
 * signature widgets, the form gains fields, an empty signature field gets its value.
 */
const ALLOWED_KEYS = {
  catalog: new Set(['AcroForm', 'DSS', 'Extensions']),
  page: new Set(['Annots']),
  form: new Set(['Fields', 'SigFlags', 'DR', 'DA', 'NeedAppearances']),
  signatureField: new Set(['V', 'AP', 'F', 'MK', 'DA']),
}

/**
 * The first change, in the revisions written after `signedEnd`, that alters the document rather
 * than adding signatures or validation data; null when there is none.
 */
export function contentChangeAfter(file: Buffer, signedEnd: number): string | null {
  const latest = new Map<number, PdfObject>()
  for (const object of objectsIn(file, 0, signedEnd)) latest.set(object.num, object)
  let start = signedEnd
  for (const end of revisionEnds(file).filter((end) => end > signedEnd)) {
    const written = objectsIn(file, start, end)
    const resolve = (value: PdfValue | undefined) =>
      value instanceof PdfRef ? (written.findLast((o) => o.num === value.num)?.value ?? latest.get(value.num)?.value) : value
    for (const object of written) {
      const previous = latest.get(object.num)
      const why = previous ? disallowedRewrite(previous, object, resolve) : null
      if (why) return `revision ending at byte ${end}: ${why}`
    }
    for (const object of written) latest.set(object.num, object)
    start = end
  }
  return null
}

function disallowedRewrite(
  previous: PdfObject,
  next: PdfObject,
  resolve: (value: PdfValue | undefined) => PdfValue | undefined,
): string | null {
  const label = `object ${next.num}`
  if (previous.isStream || next.isStream) {
    const sameStream =
      previous.stream && next.stream && previous.stream.equals(next.stream) && canonical(previous.value) === canonical(next.value)
    if (sameStream) return null
    const metadata = previous.value instanceof Map && isName(previous.value.get('Type'), 'Metadata')
    return metadata ? null : `${label}: a stream is rewritten`
  }
  if (canonical(previous.value) === canonical(next.value)) return null
  const before = previous.value
  const after = next.value
  if (Array.isArray(before) && Array.isArray(after))
    return onlyAddsSignatureParts(before, after, resolve) ? null : `${label}: an array changes`
  if (!(before instanceof Map) || !(after instanceof Map)) return `${label} changes`
  const kind = isName(before.get('Type'), 'Catalog')
    ? 'catalog'
    : isName(before.get('Type'), 'Page')
      ? 'page'
      : isName(before.get('FT'), 'Sig')
        ? 'signatureField'
        : before.has('Fields')
          ? 'form'
          : null
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
    (key) => canonical(before.get(key)) !== canonical(after.get(key)),
  )
  if (kind === null) {
    const info = [...before.keys(), ...after.keys()].every((key) => INFO_KEYS.has(key))
    return info ? null : `${label}: ${changed.map((key) => `/${key}`).join(', ')} change`
  }
  const disallowed = changed.filter((key) => !ALLOWED_KEYS[kind].has(key))
  if (disallowed.length > 0) return `${label} (${kind}): ${disallowed.map((key) => `/${key}`).join(', ')} change`
  for (const key of ['Annots', 'Fields'] as const) {
    if (!changed.includes(key)) continue
    const was = resolve(before.get(key)) ?? []
    const is = resolve(after.get(key)) ?? []
    if (!Array.isArray(was) || !Array.isArray(is) || !onlyAddsSignatureParts(was, is, resolve)) {
      return `${label} (${kind}): /${key} gains something other than a signature field`
    }
  }
  return null
}

/** The new array keeps every old entry and adds only signature fields or their widgets. */
function onlyAddsSignatureParts(
  before: PdfValue[],
  after: PdfValue[],
  resolve: (value: PdfValue | undefined) => PdfValue | undefined,
): boolean {
  const kept = new Set(before.map(canonical))
  const present = new Set(after.map(canonical))
  if ([...kept].some((entry) => !present.has(entry))) return false
  return after
    .filter((entry) => !kept.has(canonical(entry)))
    .every((entry) => {
      const target = resolve(entry)
      if (!(target instanceof Map)) return false
      if (isName(target.get('FT'), 'Sig')) return true
      const parent = resolve(target.get('Parent'))
      return isName(target.get('Subtype'), 'Widget') && parent instanceof Map && isName(parent.get('FT'), 'Sig')
    })
}
