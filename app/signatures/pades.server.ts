import { createHash, webcrypto } from 'node:crypto'

import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'

import { contentChangeAfter, findSignatureFields, revisionEnds, UnreadableUpdateError, type SignatureField } from './pdf-signatures'

export type PadesRefusal =
  | 'notPdf'
  | 'noSignature'
  | 'partialCoverage'
  | 'digestMismatch'
  | 'signatureInvalid'
  | 'notTheAgreement'
  | 'changedAfterSigning'
  | 'certificateExpired'
  | 'unreadable'

export type PadesSigner = {
  name: string
  organisation: string | null
  /** The subject's serialNumber attribute, e.g. PNOPL-<PESEL> in Polish qualified certificates. */
  serialNumber: string | null
  issuer: string
  certificateSerial: string
  validFrom: string
  validTo: string
}

export type PadesSignature = {
  signer: PadesSigner
  signingTime: string | null
  subFilter: string
  trust: 'verified' | 'notChecked' | 'failed'
  trustDetail: string | null
}

export type PadesResult =
  { ok: true; signatures: PadesSignature[]; signedSha256: string } | { ok: false; reason: PadesRefusal; detail: string }

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto }))

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  serialNumber: '2.5.4.5',
  organisation: '2.5.4.10',
  givenName: '2.5.4.42',
}

const DIGESTS: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
}

const DOCUMENT_TIMESTAMP = 'ETSI.RFC3161'

class Refusal extends Error {
  constructor(
    readonly reason: PadesRefusal,
    detail: string,
  ) {
    super(detail)
  }
}

/**
 * Checks a signed copy of an agreement: it must be the frozen PDF byte for byte with only
 * incremental updates after it, every signature must cover its whole revision and verify, and
 * nothing after the first signature may change the document except further signatures and
 * validation data. Trust in the signers' certificates is reported, not required, so that an
 * installation without the national trust list still records who signed.
 */
export async function verifyPades({
  file,
  frozen,
  trustAnchors,
  now = new Date(),
}: {
  file: Buffer
  frozen: Buffer
  trustAnchors: pkijs.Certificate[]
  now?: Date
}): Promise<PadesResult> {
  try {
    if (!file.subarray(0, 1024).includes('%PDF-')) throw new Refusal('notPdf', 'no %PDF- header in the first 1024 bytes')
    if (file.length < frozen.length || !file.subarray(0, frozen.length).equals(frozen)) {
      throw new Refusal('notTheAgreement', 'the file does not begin with the frozen agreement, byte for byte')
    }
    const fields = findSignatureFields(file)
      .filter((field) => field.position >= frozen.length)
      .sort((a, b) => rangeEnd(a) - rangeEnd(b))
    if (fields.length === 0) throw new Refusal('noSignature', 'no signature dictionary after the frozen agreement')
    const ends = revisionEnds(file)
    for (const field of fields) checkCoverage(file, field, ends)
    const lastEnd = rangeEnd(fields.at(-1)!)
    const trailing = file.subarray(Math.max(lastEnd, ends.at(-1) ?? 0))
    if (!isWhitespace(trailing)) {
      throw new Refusal('partialCoverage', `${trailing.length} bytes after the last revision are not covered by any signature`)
    }

    const signatures: PadesSignature[] = []
    for (const field of fields) {
      const signature = await verifyField(file, field, trustAnchors, now)
      if (signature) signatures.push(signature)
    }
    if (signatures.length === 0) throw new Refusal('noSignature', 'the file carries document timestamps only')

    let change: string | null
    try {
      // From the end of the frozen agreement on: an update before the first signature may not change the text either.
      change = contentChangeAfter(file, frozen.length)
    } catch (error) {
      if (!(error instanceof UnreadableUpdateError)) throw error
      change = error.message
    }
    if (change) throw new Refusal('changedAfterSigning', change)

    return { ok: true, signatures, signedSha256: createHash('sha256').update(file).digest('hex') }
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.reason, detail: error.message }
    return { ok: false, reason: 'unreadable', detail: error instanceof Error ? error.message : String(error) }
  }
}

function rangeEnd(field: SignatureField) {
  return field.byteRange[2] + field.byteRange[3]
}

/**
 * [0, a] and [b, b + c] must leave out exactly the /Contents hex string and reach the end of the
 * revision the signature belongs to (its %%EOF, with or without the line end after it).
 */
function checkCoverage(file: Buffer, field: SignatureField, ends: number[]) {
  const [start, gapStart, gapEnd, tail] = field.byteRange
  const where = `signature at byte ${field.position}`
  if (start !== 0) throw new Refusal('partialCoverage', `${where}: the signed range starts at ${start}, not 0`)
  const hexEnd = file.indexOf(0x3e, gapStart)
  if (file[gapStart] !== 0x3c || hexEnd + 1 !== gapEnd) {
    throw new Refusal('partialCoverage', `${where}: the unsigned gap ${gapStart}–${gapEnd} is not exactly the /Contents string`)
  }
  const end = gapEnd + tail
  if (end > file.length) throw new Refusal('partialCoverage', `${where}: the signed range ends at ${end}, past the end of the file`)
  const eof = file.indexOf('%%EOF', gapEnd, 'latin1')
  const revisionEnd = ends.find((candidate) => candidate > eof)
  if (eof === -1 || revisionEnd === undefined || end < eof + 5 || end > revisionEnd) {
    throw new Refusal('partialCoverage', `${where}: the signed range ends at ${end}, not at the end of its revision`)
  }
}

function isWhitespace(bytes: Buffer) {
  return bytes.every((byte) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0x00)
}

async function verifyField(file: Buffer, field: SignatureField, anchors: pkijs.Certificate[], now: Date): Promise<PadesSignature | null> {
  const where = `signature at byte ${field.position}`
  const [, gapStart, gapEnd, tail] = field.byteRange
  const signedBytes = Buffer.concat([file.subarray(0, gapStart), file.subarray(gapEnd, gapEnd + tail)])
  const signedData = parseSignedData(field.contents, where)
  const signerInfo = signedData.signerInfos[0]
  if (!signerInfo || signedData.signerInfos.length !== 1)
    throw new Refusal('unreadable', `${where}: expected one signer, found ${signedData.signerInfos.length}`)
  const digestName = DIGESTS[signerInfo.digestAlgorithm.algorithmId]
  if (!digestName) throw new Refusal('unreadable', `${where}: unsupported digest ${signerInfo.digestAlgorithm.algorithmId}`)

  if (field.subFilter === DOCUMENT_TIMESTAMP) {
    await verifyDocumentTimestamp(signedData, signedBytes, where)
    return null
  }

  const attributes = signerInfo.signedAttrs?.attributes ?? []
  const messageDigest = attributes.find((attribute) => attribute.type === OID.messageDigest)?.values[0]
  if (!(messageDigest instanceof asn1js.OctetString)) throw new Refusal('unreadable', `${where}: no messageDigest signed attribute`)
  const digest = createHash(digestName).update(signedBytes).digest()
  if (!digest.equals(Buffer.from(messageDigest.valueBlock.valueHexView))) {
    throw new Refusal('digestMismatch', `${where}: the signed bytes do not match the signature's message digest`)
  }

  const certificates = (signedData.certificates ?? []).filter((cert): cert is pkijs.Certificate => cert instanceof pkijs.Certificate)
  const signerCertificate = findSignerCertificate(signerInfo, certificates)
  if (!signerCertificate) throw new Refusal('unreadable', `${where}: the signer's certificate is not in the signature`)
  let verified: boolean
  try {
    verified = await signedData.verify({ signer: 0, data: toArrayBuffer(signedBytes), checkChain: false })
  } catch (error) {
    const message = error instanceof Error ? error.message : String((error as { message?: unknown })?.message ?? error)
    throw new Refusal('signatureInvalid', `${where}: ${message}`)
  }
  if (!verified) throw new Refusal('signatureInvalid', `${where}: the signature does not verify with the signer's certificate`)

  const signingTimeValue = attributes.find((attribute) => attribute.type === OID.signingTime)?.values[0]
  const signingTime =
    signingTimeValue instanceof asn1js.UTCTime || signingTimeValue instanceof asn1js.GeneralizedTime ? signingTimeValue.toDate() : null
  const checkedAt = signingTime ?? now
  const validFrom = signerCertificate.notBefore.value
  const validTo = signerCertificate.notAfter.value
  if (checkedAt < validFrom || checkedAt > validTo) {
    throw new Refusal(
      'certificateExpired',
      `${where}: signed at ${checkedAt.toISOString()}, outside the certificate's validity ${validFrom.toISOString()}–${validTo.toISOString()}`,
    )
  }

  const { trust, trustDetail } = await checkTrust(signerCertificate, certificates, anchors, checkedAt)
  return {
    signer: describeSigner(signerCertificate),
    signingTime: signingTime?.toISOString() ?? null,
    subFilter: field.subFilter,
    trust,
    trustDetail,
  }
}

function parseSignedData(contents: Buffer, where: string): pkijs.SignedData {
  try {
    // /Contents is padded with zeros after the DER; fromBER reads the first element only.
    const asn1 = asn1js.fromBER(toArrayBuffer(contents))
    if (asn1.offset === -1) throw new Error(asn1.result.error)
    const contentInfo = new pkijs.ContentInfo({ schema: asn1.result })
    if (contentInfo.contentType !== OID.signedData) throw new Error(`content type ${contentInfo.contentType} is not SignedData`)
    return new pkijs.SignedData({ schema: contentInfo.content })
  } catch (error) {
    throw new Refusal('unreadable', `${where}: malformed CMS: ${error instanceof Error ? error.message : String(error)}`)
  }
}

function findSignerCertificate(signerInfo: pkijs.SignerInfo, certificates: pkijs.Certificate[]): pkijs.Certificate | null {
  const sid = signerInfo.sid
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return certificates.find((cert) => cert.issuer.isEqual(sid.issuer) && cert.serialNumber.isEqual(sid.serialNumber)) ?? null
  }
  // subjectKeyIdentifier: match the certificate's own key identifier extension.
  const wanted = Buffer.from((sid as asn1js.OctetString).valueBlock?.valueHexView ?? new Uint8Array())
  return (
    certificates.find((cert) => {
      const extension = cert.extensions?.find((ext) => ext.extnID === '2.5.29.14')
      const value = extension?.parsedValue as asn1js.OctetString | undefined
      return value && Buffer.from(value.valueBlock.valueHexView).equals(wanted)
    }) ?? null
  )
}

async function verifyDocumentTimestamp(signedData: pkijs.SignedData, signedBytes: Buffer, where: string) {
  if (signedData.encapContentInfo.eContentType !== OID.tstInfo)
    throw new Refusal('unreadable', `${where}: a document timestamp without TSTInfo`)
  const eContent = signedData.encapContentInfo.eContent
  if (!eContent) throw new Refusal('unreadable', `${where}: a document timestamp without content`)
  const tstInfo = pkijs.TSTInfo.fromBER(eContent.getValue())
  const digestName = DIGESTS[tstInfo.messageImprint.hashAlgorithm.algorithmId]
  if (!digestName) throw new Refusal('unreadable', `${where}: unsupported timestamp digest`)
  const digest = createHash(digestName).update(signedBytes).digest()
  if (!digest.equals(Buffer.from(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView))) {
    throw new Refusal('digestMismatch', `${where}: the document timestamp does not match the signed bytes`)
  }
  const verified = await signedData.verify({ signer: 0, checkChain: false }).catch(() => false)
  if (!verified) throw new Refusal('signatureInvalid', `${where}: the document timestamp's signature does not verify`)
}

async function checkTrust(
  signerCertificate: pkijs.Certificate,
  certificates: pkijs.Certificate[],
  anchors: pkijs.Certificate[],
  checkDate: Date,
): Promise<{ trust: PadesSignature['trust']; trustDetail: string | null }> {
  if (anchors.length === 0) return { trust: 'notChecked', trustDetail: null }
  try {
    const engine = new pkijs.CertificateChainValidationEngine({
      trustedCerts: anchors,
      certs: [signerCertificate, ...certificates.filter((cert) => cert !== signerCertificate)],
      checkDate,
    })
    const result = await engine.verify()
    return result.result ? { trust: 'verified', trustDetail: null } : { trust: 'failed', trustDetail: result.resultMessage }
  } catch (error) {
    const message = error instanceof Error ? error.message : String((error as { resultMessage?: unknown })?.resultMessage ?? error)
    return { trust: 'failed', trustDetail: message }
  }
}

function describeSigner(cert: pkijs.Certificate): PadesSigner {
  const subject = attributesOf(cert.subject)
  const givenAndSurname = [subject.get(OID.givenName), subject.get(OID.surname)].filter(Boolean).join(' ')
  return {
    name: subject.get(OID.commonName) ?? (givenAndSurname || distinguishedName(cert.subject)),
    organisation: subject.get(OID.organisation) ?? null,
    serialNumber: subject.get(OID.serialNumber) ?? null,
    issuer: distinguishedName(cert.issuer),
    certificateSerial: Buffer.from(cert.serialNumber.valueBlock.valueHexView).toString('hex').toUpperCase(),
    validFrom: cert.notBefore.value.toISOString(),
    validTo: cert.notAfter.value.toISOString(),
  }
}

function attributesOf(name: pkijs.RelativeDistinguishedNames): Map<string, string> {
  const map = new Map<string, string>()
  for (const { type, value } of name.typesAndValues) if (!map.has(type)) map.set(type, String(value.valueBlock.value))
  return map
}

const SHORT_NAMES: Record<string, string> = {
  [OID.commonName]: 'CN',
  [OID.surname]: 'SN',
  [OID.serialNumber]: 'serialNumber',
  [OID.organisation]: 'O',
  [OID.givenName]: 'GN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.11': 'OU',
  '2.5.4.97': 'organizationIdentifier',
}

function distinguishedName(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues.map(({ type, value }) => `${SHORT_NAMES[type] ?? type}=${String(value.valueBlock.value)}`).join(', ')
}

function toArrayBuffer(bytes: Buffer): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
}
