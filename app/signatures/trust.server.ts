import fs from 'node:fs'
import path from 'node:path'

import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'

const CERTIFICATE_EXTENSIONS = new Set(['.pem', '.crt', '.cer', '.der'])

/**
 * Reads the trust anchors (e.g. the Polish national root and the qualified trust service
 * providers' CAs) from a directory of certificate files, PEM or DER. An unset or empty directory
 * gives no anchors: signatures are then checked for integrity only and reported 'notChecked'.
 * A file that cannot be read stops startup with its name, rather than silently trusting less.
 */
export function loadTrustAnchors(dir: string | undefined): pkijs.Certificate[] {
  if (!dir) return []
  const names = fs
    .readdirSync(dir)
    .filter((name) => CERTIFICATE_EXTENSIONS.has(path.extname(name).toLowerCase()))
    .sort()
  return names.flatMap((name) => {
    const file = path.join(dir, name)
    try {
      return parseCertificates(fs.readFileSync(file))
    } catch (error) {
      throw new Error(`Cannot read trust anchor ${file}: ${error instanceof Error ? error.message : String(error)}`)
    }
  })
}

/** One DER certificate, or every certificate in a PEM bundle. */
export function parseCertificates(bytes: Buffer): pkijs.Certificate[] {
  const text = bytes.toString('latin1')
  if (text.includes('-----BEGIN')) {
    const blocks = [...text.matchAll(/-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+?)-----END CERTIFICATE-----/g)]
    if (blocks.length === 0) throw new Error('no CERTIFICATE block in the PEM file')
    return blocks.map((block) => parseDer(Buffer.from(block[1]!.replace(/\s+/g, ''), 'base64')))
  }
  return [parseDer(bytes)]
}

function parseDer(der: Buffer): pkijs.Certificate {
  const asn1 = asn1js.fromBER(new Uint8Array(der))
  if (asn1.offset === -1) throw new Error('not a DER certificate')
  return new pkijs.Certificate({ schema: asn1.result })
}
