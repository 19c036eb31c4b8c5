import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { beforeAll, describe, expect, test } from 'vitest'

import {
  appendDss,
  appendPageChange,
  appendUnsignedBytes,
  makeTestCa,
  makeTestPdf,
  makeTestSigner,
  signPdf,
  tamperAfterSigning,
  type TestIdentity,
} from '#tests/support/pades'

import { renderPdf } from '~/pdf/document.server'

import { verifyPades } from './pades.server'
import { loadTrustAnchors } from './trust.server'

let ca: TestIdentity
let otherCa: TestIdentity
let kowalski: TestIdentity
let nowak: TestIdentity
let expired: TestIdentity
let frozen: Buffer
let signed: Buffer

const DAY = 24 * 60 * 60 * 1000

beforeAll(async () => {
  ca = await makeTestCa()
  otherCa = await makeTestCa({ commonName: 'Inne Centrum' })
  kowalski = await makeTestSigner({ ca, commonName: 'Jan Kowalski', organisation: 'Gmina Wadowice', serialNumber: 'PNOPL-80010112345' })
  nowak = await makeTestSigner({ ca, commonName: 'Zofia Nowak-Żółć', organisation: 'Powiat Tatrzański' })
  expired = await makeTestSigner({
    ca,
    commonName: 'Adam Przeterminowany',
    notBefore: new Date(Date.now() - 400 * DAY),
    notAfter: new Date(Date.now() - 10 * DAY),
  })
  frozen = await makeTestPdf()
  signed = await signPdf(frozen, kowalski)
}, 60_000)

describe('verifyPades', () => {
  test('the frozen agreement written by pdfkit has a classic xref table, which the signer extends', () => {
    expect(frozen.includes('\nxref\n')).toBe(true)
    expect(signed.subarray(0, frozen.length).equals(frozen)).toBe(true)
  })

  test('accepts a genuine signature and names the signer', async () => {
    const result = await verifyPades({ file: signed, frozen, trustAnchors: [] })
    expect(result).toMatchObject({
      ok: true,
      signatures: [
        {
          signer: {
            name: 'Jan Kowalski',
            organisation: 'Gmina Wadowice',
            serialNumber: 'PNOPL-80010112345',
            issuer: 'C=PL, O=Narada Test, CN=Narada Test CA',
          },
          subFilter: 'ETSI.CAdES.detached',
          trust: 'notChecked',
          trustDetail: null,
        },
      ],
    })
    if (!result.ok) return
    expect(result.signatures[0]!.signingTime).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(result.signedSha256).toMatch(/^[0-9a-f]{64}$/)
  })

  test('accepts a signed copy of a Narada document (DejaVu fonts, PDF/A-2b)', async () => {
    const agreement = await renderPdf({
      meta: { title: 'Porozumienie o współpracy', author: 'Narada', subject: 'Porozumienie', createdAt: new Date('2026-01-01T00:00:00Z') },
      options: { pdfA: true },
      layout: (doc) => void doc.text('Porozumienie o współpracy między gminą a powiatem'),
    })
    const result = await verifyPades({ file: await signPdf(agreement, kowalski), frozen: agreement, trustAnchors: [ca.certificate] })
    expect(result).toMatchObject({ ok: true, signatures: [{ signer: { name: 'Jan Kowalski' }, trust: 'verified' }] })
  })

  test('accepts adbe.pkcs7.detached as well', async () => {
    const file = await signPdf(frozen, kowalski, { subFilter: 'adbe.pkcs7.detached' })
    const result = await verifyPades({ file, frozen, trustAnchors: [] })
    expect(result).toMatchObject({ ok: true, signatures: [{ subFilter: 'adbe.pkcs7.detached' }] })
  })

  test('checks every party’s signature when several sign one after another', async () => {
    const both = await signPdf(signed, nowak)
    const result = await verifyPades({ file: both, frozen, trustAnchors: [] })
    expect(result.ok && result.signatures.map((s) => s.signer.name)).toEqual(['Jan Kowalski', 'Zofia Nowak-Żółć'])
  })

  test('reports trust verified against an installed anchor and failed against another', async () => {
    const trusted = await verifyPades({ file: signed, frozen, trustAnchors: [ca.certificate] })
    expect(trusted).toMatchObject({ ok: true, signatures: [{ trust: 'verified', trustDetail: null }] })
    const untrusted = await verifyPades({ file: signed, frozen, trustAnchors: [otherCa.certificate] })
    expect(untrusted).toMatchObject({ ok: true, signatures: [{ trust: 'failed' }] })
    expect(untrusted.ok && untrusted.signatures[0]!.trustDetail).toBeTruthy()
  })

  test('allows validation data (DSS) added after the signature', async () => {
    const result = await verifyPades({ file: appendDss(signed, ca.certificate), frozen, trustAnchors: [] })
    expect(result.ok).toBe(true)
  })

  test('refuses what is not a PDF, or an unsigned agreement', async () => {
    expect(await verifyPades({ file: Buffer.from('hello'), frozen, trustAnchors: [] })).toMatchObject({ ok: false, reason: 'notPdf' })
    expect(await verifyPades({ file: frozen, frozen, trustAnchors: [] })).toMatchObject({ ok: false, reason: 'noSignature' })
  })

  test('refuses a byte changed inside the signed range', async () => {
    const result = await verifyPades({ file: tamperAfterSigning(signed), frozen, trustAnchors: [] })
    expect(result).toMatchObject({ ok: false, reason: 'digestMismatch' })
  })

  test('refuses a byte changed in the frozen part as another document', async () => {
    const file = Buffer.from(signed)
    file[frozen.length - 30] = file[frozen.length - 30]! ^ 0x01
    expect(await verifyPades({ file, frozen, trustAnchors: [] })).toMatchObject({ ok: false, reason: 'notTheAgreement' })
  })

  test('refuses a signature that does not verify with the signer’s certificate', async () => {
    const file = await signPdf(frozen, kowalski, { wrongKey: nowak.privateKey })
    expect(await verifyPades({ file, frozen, trustAnchors: [] })).toMatchObject({ ok: false, reason: 'signatureInvalid' })
  })

  test('refuses a signature whose range leaves out the end of its revision', async () => {
    const file = await signPdf(frozen, kowalski, { byteRange: ([a, b, c, d]) => [a, b, c, d - 40] })
    expect(await verifyPades({ file, frozen, trustAnchors: [] })).toMatchObject({ ok: false, reason: 'partialCoverage' })
  })

  test('refuses a signature whose unsigned gap is wider than /Contents', async () => {
    const file = await signPdf(frozen, kowalski, { byteRange: ([a, b, c, d]) => [a, b - 20, c, d] })
    expect(await verifyPades({ file, frozen, trustAnchors: [] })).toMatchObject({ ok: false, reason: 'partialCoverage' })
  })

  test('refuses bytes appended after the signed range', async () => {
    const result = await verifyPades({ file: appendUnsignedBytes(signed), frozen, trustAnchors: [] })
    expect(result).toMatchObject({ ok: false, reason: 'partialCoverage' })
  })

  test('refuses an update after the signature that changes a page', async () => {
    const result = await verifyPades({ file: appendPageChange(signed), frozen, trustAnchors: [] })
    expect(result).toMatchObject({ ok: false, reason: 'changedAfterSigning' })
    expect(!result.ok && result.detail).toContain('/Contents')
  })

  test('refuses a page change even when a later signature covers it', async () => {
    const file = await signPdf(appendPageChange(signed), nowak)
    expect(await verifyPades({ file, frozen, trustAnchors: [] })).toMatchObject({ ok: false, reason: 'changedAfterSigning' })
  })

  test('refuses a page changed before the first signature, though that signature covers it', async () => {
    // The frozen bytes are all there, but an update between them and the signature rewrites the text.
    const file = await signPdf(appendPageChange(frozen), kowalski)
    const result = await verifyPades({ file, frozen, trustAnchors: [] })
    expect(result).toMatchObject({ ok: false, reason: 'changedAfterSigning' })
    expect(!result.ok && result.detail).toContain('/Contents')
  })

  test('refuses a signature by an expired certificate', async () => {
    const file = await signPdf(frozen, expired)
    expect(await verifyPades({ file, frozen, trustAnchors: [] })).toMatchObject({ ok: false, reason: 'certificateExpired' })
  })

  test('refuses a valid signature over another document', async () => {
    const other = await signPdf(await makeTestPdf('Inne porozumienie'), kowalski)
    expect(await verifyPades({ file: other, frozen, trustAnchors: [] })).toMatchObject({ ok: false, reason: 'notTheAgreement' })
  })

  test('refuses malformed CMS as unreadable', async () => {
    const file = Buffer.from(signed)
    const at = file.lastIndexOf('/Contents <') + '/Contents <'.length
    file.write('ffff', at, 'latin1')
    expect(await verifyPades({ file, frozen, trustAnchors: [] })).toMatchObject({ ok: false, reason: 'unreadable' })
  })
})

describe('poppler’s pdfsig reads the same files', () => {
  const pdfsig = '/usr/bin/pdfsig'
  const run = (file: Buffer) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pades-'))
    const target = path.join(dir, 'signed.pdf')
    fs.writeFileSync(target, file)
    try {
      return execFileSync(pdfsig, [target], { encoding: 'utf8' })
    } catch (error) {
      // pdfsig exits non-zero when a certificate is untrusted; its report is still on stdout.
      return String((error as { stdout?: string }).stdout ?? '')
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }

  test.skipIf(!fs.existsSync(pdfsig))('reports both genuine signatures valid, with the signers’ names', async () => {
    const report = run(await signPdf(signed, nowak, { subFilter: 'adbe.pkcs7.detached' }))
    expect(report.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2)
    expect(report).toContain('Signer Certificate Common Name: Jan Kowalski')
    expect(report).toContain('Signer Certificate Common Name: Zofia Nowak-Żółć')
    expect(report).toContain('Signature Type: ETSI.CAdES.detached')
    expect(report).toContain('Signature Type: adbe.pkcs7.detached')
    expect(report).toContain('Total document signed')
  })

  test.skipIf(!fs.existsSync(pdfsig))('reports the tampered file’s signature invalid', () => {
    expect(run(tamperAfterSigning(signed))).not.toContain('Signature is Valid')
  })
})

describe('loadTrustAnchors', () => {
  test('reads PEM and DER certificates, none when unset, and names an unreadable file', () => {
    expect(loadTrustAnchors(undefined)).toEqual([])
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anchors-'))
    try {
      expect(loadTrustAnchors(dir)).toEqual([])
      const der = Buffer.from(ca.certificate.toSchema().toBER(false))
      const pem = `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`
      fs.writeFileSync(path.join(dir, 'root.pem'), pem)
      fs.writeFileSync(path.join(dir, 'root.der'), der)
      fs.writeFileSync(path.join(dir, 'README.txt'), 'not a certificate, and not read')
      const anchors = loadTrustAnchors(dir)
      expect(anchors).toHaveLength(2)
      expect(anchors.every((anchor) => Buffer.from(anchor.toSchema().toBER(false)).equals(der))).toBe(true)
      fs.writeFileSync(path.join(dir, 'broken.crt'), 'garbage')
      expect(() => loadTrustAnchors(dir)).toThrow(/broken\.crt/)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
