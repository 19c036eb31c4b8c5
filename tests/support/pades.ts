import { createHash, webcrypto } from 'node:crypto'

import * as asn1js from 'asn1js'
import PDFDocument from 'pdfkit'
import * as pkijs from 'pkijs'

import { canonical, parseValue, PdfName, PdfRef, type PdfDict, type PdfValue } from '~/signatures/pdf-signatures'

/**
 * Test tooling for signed agreements: a throwaway CA, signers' certificates, and a signer that
 * does what a signing tool (Adobe, Szafir, podpis zaufany's PDF mode) does: append an incremental
 * update with an invisible signature field and a /Sig dictionary, then write a detached CMS over
 * the ByteRange into /Contents. Everything runs on WebCrypto, with no openssl on the machine.
 */

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto }))
const subtle = webcrypto.subtle as unknown as SubtleCrypto

export type TestIdentity = { certificate: pkijs.Certificate; privateKey: CryptoKey; chain: pkijs.Certificate[] }

const DAY = 24 * 60 * 60 * 1000
let serial = 1000

async function generateKeys() {
  return (await subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  )) as CryptoKeyPair
}

/** One attribute per RDN, as real certificates are written (pkijs would put them all in one multi-valued RDN). */
function name(attributes: [string, string][]) {
  const der = new asn1js.Sequence({
    value: attributes.map(
      ([type, value]) =>
        new asn1js.Set({
          value: [
            new pkijs.AttributeTypeAndValue({
              type,
              value: type === '2.5.4.6' || type === '2.5.4.5' ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value }),
            }).toSchema(),
          ],
        }),
    ),
  }).toBER(false)
  return new pkijs.RelativeDistinguishedNames({ schema: asn1js.fromBER(der).result })
}

function keyUsage(bits: number) {
  return new pkijs.Extension({
    extnID: '2.5.29.15',
    critical: true,
    extnValue: new asn1js.BitString({ valueHex: new Uint8Array([bits]).buffer, unusedBits: 1 }).toBER(false),
  })
}

async function issue({
  subject,
  publicKey,
  issuer,
  notBefore,
  notAfter,
  ca,
}: {
  subject: pkijs.RelativeDistinguishedNames
  publicKey: CryptoKey
  issuer: { name: pkijs.RelativeDistinguishedNames; privateKey: CryptoKey }
  notBefore: Date
  notAfter: Date
  ca: boolean
}) {
  const certificate = new pkijs.Certificate()
  certificate.version = 2
  certificate.serialNumber = new asn1js.Integer({ value: serial++ })
  certificate.subject = subject
  certificate.issuer = issuer.name
  certificate.notBefore.value = notBefore
  certificate.notAfter.value = notAfter
  await certificate.subjectPublicKeyInfo.importKey(publicKey)
  const keyId = createHash('sha1').update(Buffer.from(certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView)).digest()
  certificate.extensions = [
    new pkijs.Extension({
      extnID: '2.5.29.19',
      critical: true,
      extnValue: new pkijs.BasicConstraints({ cA: ca }).toSchema().toBER(false),
    }),
    // CA: keyCertSign + cRLSign; signer: digitalSignature + nonRepudiation (as on qualified certificates).
    keyUsage(ca ? 0x06 : 0xc0),
    new pkijs.Extension({ extnID: '2.5.29.14', extnValue: new asn1js.OctetString({ valueHex: keyId }).toBER(false) }),
  ]
  await certificate.sign(issuer.privateKey, 'SHA-256')
  return certificate
}

/** A self-signed root, valid from a year ago for ten years. */
export async function makeTestCa({ commonName = 'Narada Test CA' } = {}): Promise<TestIdentity> {
  const keys = await generateKeys()
  const subject = name([
    ['2.5.4.6', 'PL'],
    ['2.5.4.10', 'Narada Test'],
    ['2.5.4.3', commonName],
  ])
  const certificate = await issue({
    subject,
    publicKey: keys.publicKey,
    issuer: { name: subject, privateKey: keys.privateKey },
    notBefore: new Date(Date.now() - 365 * DAY),
    notAfter: new Date(Date.now() + 3650 * DAY),
    ca: true,
  })
  return { certificate, privateKey: keys.privateKey, chain: [] }
}

/** A signer's certificate: CN = the person, O = the organisation, serialNumber e.g. PNOPL-<PESEL>. */
export async function makeTestSigner({
  ca,
  commonName,
  organisation,
  serialNumber,
  notBefore = new Date(Date.now() - 30 * DAY),
  notAfter = new Date(Date.now() + 365 * DAY),
}: {
  ca: TestIdentity
  commonName: string
  organisation?: string
  serialNumber?: string
  notBefore?: Date
  notAfter?: Date
}): Promise<TestIdentity> {
  const keys = await generateKeys()
  const attributes: [string, string][] = [['2.5.4.6', 'PL']]
  if (organisation) attributes.push(['2.5.4.10', organisation])
  if (serialNumber) attributes.push(['2.5.4.5', serialNumber])
  attributes.push(['2.5.4.3', commonName])
  const certificate = await issue({
    subject: name(attributes),
    publicKey: keys.publicKey,
    issuer: { name: ca.certificate.subject, privateKey: ca.privateKey },
    notBefore,
    notAfter,
    ca: false,
  })
  return { certificate, privateKey: keys.privateKey, chain: [ca.certificate] }
}

/** A plain pdfkit document (classic xref table, as the frozen agreements are written). */
export async function makeTestPdf(text = 'Porozumienie o współpracy'): Promise<Buffer> {
  const doc = new PDFDocument({ pdfVersion: '1.7', info: { CreationDate: new Date('2026-01-01T00:00:00Z'), Title: text } })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  doc.fontSize(14).text(text)
  doc.end()
  return done
}

// ---------------------------------------------------------------------------------------------
// Reading the last revision's xref table, enough to find the catalog and the first page.

type Xref = { offsets: Map<number, number>; trailer: PdfDict; startxref: number }

function readXref(pdf: Buffer): Xref {
  const startxrefAt = pdf.lastIndexOf('startxref')
  const startxref = Number(/startxref\s+(\d+)/.exec(pdf.toString('latin1', startxrefAt, startxrefAt + 40))![1])
  const offsets = new Map<number, number>()
  let trailer: PdfDict | null = null
  let at: number | null = startxref
  while (at !== null) {
    if (pdf.toString('latin1', at, at + 4) !== 'xref') throw new Error('tests/support/pades signs only PDFs with a classic xref table')
    let pos = at + 4
    const text = pdf.toString('latin1', pos, pdf.indexOf('trailer', pos))
    const lines = text.trim().split(/\r?\n|\r/)
    for (let i = 0; i < lines.length;) {
      const [first, count] = lines[i]!.trim().split(/\s+/).map(Number) as [number, number]
      for (let k = 0; k < count; k++) {
        const [offset, , type] = lines[i + 1 + k]!.trim().split(/\s+/)
        if (type === 'n' && !offsets.has(first + k)) offsets.set(first + k, Number(offset))
      }
      i += count + 1
    }
    pos = pdf.indexOf('trailer', pos) + 'trailer'.length
    const section = parseValue(pdf, pos).value as PdfDict
    trailer ??= section
    const prev = section.get('Prev')
    at = typeof prev === 'number' ? prev : null
  }
  return { offsets, trailer: trailer!, startxref }
}

function readObject(pdf: Buffer, xref: Xref, ref: PdfValue | undefined): PdfDict {
  if (!(ref instanceof PdfRef)) throw new Error('expected a reference')
  const offset = xref.offsets.get(ref.num)!
  const objAt = pdf.indexOf('obj', offset)
  return parseValue(pdf, objAt + 3).value as PdfDict
}

function firstPage(pdf: Buffer, xref: Xref): { ref: PdfRef; dict: PdfDict } {
  let ref = readObject(pdf, xref, xref.trailer.get('Root')).get('Pages') as PdfRef
  for (;;) {
    const dict = readObject(pdf, xref, ref)
    const type = dict.get('Type')
    if (type instanceof PdfName && type.name === 'Page') return { ref, dict }
    ref = (dict.get('Kids') as PdfRef[])[0]!
  }
}

/** Appends one incremental update redefining and adding objects, with its xref section and trailer. */
export function appendUpdate(pdf: Buffer, objects: { num: number; body: string | Buffer }[], extraSize = 0): Buffer {
  const xref = readXref(pdf)
  const parts: Buffer[] = [pdf]
  let length = pdf.length
  const push = (chunk: string | Buffer) => {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk
    parts.push(buf)
    length += buf.length
  }
  if (pdf[pdf.length - 1] !== 0x0a) push('\n')
  const offsets: [number, number][] = []
  for (const { num, body } of objects) {
    offsets.push([num, length])
    push(`${num} 0 obj\n`)
    push(body)
    push('\nendobj\n')
  }
  const xrefAt = length
  push('xref\n')
  for (const [num, offset] of offsets.sort((a, b) => a[0] - b[0])) push(`${num} 1\n${String(offset).padStart(10, '0')} 00000 n\r\n`)
  const size = Math.max(Number(xref.trailer.get('Size')), ...objects.map((o) => o.num + 1)) + extraSize
  const trailer: PdfDict = new Map(xref.trailer)
  trailer.set('Size', size)
  trailer.set('Prev', xref.startxref)
  push(`trailer\n${canonical(trailer)}\nstartxref\n${xrefAt}\n%%EOF\n`)
  return Buffer.concat(parts)
}

export function nextObjectNumber(pdf: Buffer): number {
  return Number(readXref(pdf).trailer.get('Size'))
}

const CONTENTS_HEX_LENGTH = 16384
const BYTE_RANGE_PLACEHOLDER = '[0 0000000000 0000000000 0000000000]'

export type SignOptions = {
  subFilter?: 'ETSI.CAdES.detached' | 'adbe.pkcs7.detached'
  signingTime?: Date
  reason?: string
  /** Signs with another key than the certificate's: the signature will not verify. */
  wrongKey?: CryptoKey
  /** Changes the ByteRange before signing, to make a signature that covers only part of the file. */
  byteRange?: (honest: [number, number, number, number]) => [number, number, number, number]
}

/**
 * Signs `pdf` as a signing tool does: an incremental update adds an invisible signature widget
 * to the first page and the form, and a /Sig dictionary whose /Contents holds the CMS.
 */
export async function signPdf(pdf: Buffer, signer: TestIdentity, options: SignOptions = {}): Promise<Buffer> {
  const { subFilter = 'ETSI.CAdES.detached', signingTime = new Date(), reason = 'Zawarcie porozumienia' } = options
  const xref = readXref(pdf)
  const rootRef = xref.trailer.get('Root') as PdfRef
  const catalog = new Map(readObject(pdf, xref, rootRef))
  const page = firstPage(pdf, xref)
  const sigNum = nextObjectNumber(pdf)
  const fieldNum = sigNum + 1
  const fieldRef = new PdfRef(fieldNum, 0)

  const form = new Map((catalog.get('AcroForm') as PdfDict | undefined) ?? [])
  form.set('Fields', [...((form.get('Fields') as PdfValue[] | undefined) ?? []), fieldRef])
  form.set('SigFlags', 3)
  catalog.set('AcroForm', form)
  const pageDict = new Map(page.dict)
  pageDict.set('Annots', [...((pageDict.get('Annots') as PdfValue[] | undefined) ?? []), fieldRef])

  const commonName = String(
    signer.certificate.subject.typesAndValues.find((attribute) => attribute.type === '2.5.4.3')?.value.valueBlock.value ?? 'signer',
  )
  const sigDict =
    `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /${subFilter} /ByteRange ${BYTE_RANGE_PLACEHOLDER} ` +
    `/Contents <${'0'.repeat(CONTENTS_HEX_LENGTH)}> /M (${pdfDate(signingTime)}) /Name ${pdfString(commonName)} /Reason ${pdfString(reason)} >>`
  const field = `<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature${fieldNum}) /V ${sigNum} 0 R /F 132 /Rect [0 0 0 0] /P ${page.ref.num} 0 R >>`
  const prepared = appendUpdate(pdf, [
    { num: rootRef.num, body: canonical(catalog) },
    { num: page.ref.num, body: canonical(pageDict) },
    { num: sigNum, body: sigDict },
    { num: fieldNum, body: field },
  ])

  const placeholderAt = prepared.indexOf(BYTE_RANGE_PLACEHOLDER, pdf.length)
  const contentsAt = prepared.indexOf('/Contents <', placeholderAt) + '/Contents '.length
  const gapEnd = contentsAt + CONTENTS_HEX_LENGTH + 2
  const honest: [number, number, number, number] = [0, contentsAt, gapEnd, prepared.length - gapEnd]
  const range = options.byteRange?.(honest) ?? honest
  const rangeText = `[${range.join(' ')}]`.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' ')
  if (rangeText.length !== BYTE_RANGE_PLACEHOLDER.length) throw new Error('ByteRange does not fit its placeholder')
  prepared.write(rangeText, placeholderAt, 'latin1')

  const signed = Buffer.concat([prepared.subarray(range[0], range[0] + range[1]), prepared.subarray(range[2], range[2] + range[3])])
  const cms = await detachedCms(signed, signer, { signingTime, cades: subFilter === 'ETSI.CAdES.detached', wrongKey: options.wrongKey })
  const hex = cms.toString('hex')
  if (hex.length > CONTENTS_HEX_LENGTH) throw new Error('CMS does not fit the /Contents placeholder')
  prepared.write(hex.padEnd(CONTENTS_HEX_LENGTH, '0'), contentsAt + 1, 'latin1')
  return prepared
}

/** A detached CMS SignedData over `data`, with contentType, messageDigest, signingTime (and signingCertificateV2 for CAdES). */
export async function detachedCms(
  data: Buffer,
  signer: TestIdentity,
  { signingTime, cades, wrongKey }: { signingTime: Date; cades: boolean; wrongKey?: CryptoKey },
): Promise<Buffer> {
  const digest = createHash('sha256').update(data).digest()
  const attributes = [
    new pkijs.Attribute({ type: '1.2.840.113549.1.9.3', values: [new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.7.1' })] }),
    new pkijs.Attribute({ type: '1.2.840.113549.1.9.5', values: [new asn1js.UTCTime({ valueDate: signingTime })] }),
    new pkijs.Attribute({ type: '1.2.840.113549.1.9.4', values: [new asn1js.OctetString({ valueHex: digest })] }),
  ]
  if (cades) {
    // ESS signingCertificateV2: SEQUENCE { certs SEQUENCE OF ESSCertIDv2 { certHash (SHA-256, the default) } }
    const certHash = createHash('sha256')
      .update(Buffer.from(signer.certificate.toSchema().toBER(false)))
      .digest()
    const value = new asn1js.Sequence({
      value: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: certHash })] })] })],
    })
    attributes.push(new pkijs.Attribute({ type: '1.2.840.113549.1.9.16.2.47', values: [value] }))
  }
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: '1.2.840.113549.1.7.1' }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: signer.certificate.issuer, serialNumber: signer.certificate.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
      }),
    ],
    certificates: [signer.certificate, ...signer.chain],
  })
  await signedData.sign(wrongKey ?? signer.privateKey, 0, 'SHA-256')
  const contentInfo = new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: signedData.toSchema(true) })
  return Buffer.from(contentInfo.toSchema().toBER(false))
}

// ---------------------------------------------------------------------------------------------
// The bad cases.

/** Flips one byte of the signer's /Reason text: inside the signed range, outside the frozen part. */
export function tamperAfterSigning(signed: Buffer): Buffer {
  const copy = Buffer.from(signed)
  const at = copy.lastIndexOf('/Reason (') + '/Reason ('.length
  copy[at] = copy[at]! ^ 0x01
  return copy
}

/** Bytes appended after the signature that are no signature (nor any PDF structure). */
export function appendUnsignedBytes(signed: Buffer, text = '% dopisane po podpisaniu\n1 0 obj (x) endobj\n'): Buffer {
  return Buffer.concat([signed, Buffer.from(text, 'latin1')])
}

/** An incremental update after the signature that draws new text on the first page. */
export function appendPageChange(signed: Buffer, text = 'UNIEWAZNIONE'): Buffer {
  const xref = readXref(signed)
  const page = firstPage(signed, xref)
  const streamNum = nextObjectNumber(signed)
  const content = `BT /F1 36 Tf 100 400 Td (${text}) Tj ET`
  const pageDict = new Map(page.dict)
  const previous = pageDict.get('Contents')
  pageDict.set('Contents', [...(Array.isArray(previous) ? previous : [previous!]), new PdfRef(streamNum, 0)])
  return appendUpdate(signed, [
    { num: page.ref.num, body: canonical(pageDict) },
    { num: streamNum, body: `<< /Length ${content.length} >>\nstream\n${content}\nendstream` },
  ])
}

/** An LTV update after the signature: a /DSS with the signer's certificate, which changes nothing signed. */
export function appendDss(signed: Buffer, certificate: pkijs.Certificate): Buffer {
  const xref = readXref(signed)
  const rootRef = xref.trailer.get('Root') as PdfRef
  const catalog = new Map(readObject(signed, xref, rootRef))
  const certNum = nextObjectNumber(signed)
  const dssNum = certNum + 1
  const der = Buffer.from(certificate.toSchema().toBER(false))
  catalog.set('DSS', new PdfRef(dssNum, 0))
  return appendUpdate(signed, [
    { num: rootRef.num, body: canonical(catalog) },
    { num: certNum, body: Buffer.concat([Buffer.from(`<< /Length ${der.length} >>\nstream\n`), der, Buffer.from('\nendstream')]) },
    { num: dssNum, body: `<< /Type /DSS /Certs [${certNum} 0 R] >>` },
  ])
}

function pdfDate(date: Date) {
  const iso = date.toISOString()
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`
}

/** A PDF text string: UTF-16BE with a BOM when it is not plain ASCII (Polish names are not). */
function pdfString(text: string) {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[()\\]/g, '\\$&')})`
  const utf16 = Buffer.from(text, 'utf16le').swap16()
  return `<feff${utf16.toString('hex')}>`
}
