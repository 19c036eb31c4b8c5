import type * as pkijs from 'pkijs'
import { db } from '~/db.server'
import { verifyPades, type PadesRefusal } from '~/signatures/pades.server'
import { loadTrustAnchors } from '~/signatures/trust.server'
import { foldText } from '~/utils/text'
import type { Actor } from '../audit.server'
import { frozenPdf, recordSignatures, signatoriesOf, type SignResult } from './cycle.server'

let anchors: pkijs.Certificate[] | null = null
/** The operator's trust anchors (TRUST_ANCHORS_DIR), read once; none when unset. */
export function trustAnchors(): pkijs.Certificate[] {
  anchors ??= loadTrustAnchors(process.env.TRUST_ANCHORS_DIR?.trim() || undefined)
  return anchors
}

/** Why an uploaded signed PDF was refused: an i18n key shown beside the file field. */
export type PadesUploadError =
  `agreement.pades.${PadesRefusal}` | 'agreement.pades.signerMismatch' | 'agreement.pades.untrusted' | 'agreement.error.wrongState'

/** „Kowalska Anna”, „ANNA KOWALSKA” and „Anna Maria Kowalska” name the signatory „Anna Kowalska”: every word of hers is in the certificate's name. */
export function namesMatch(certificateName: string, signatoryName: string): boolean {
  const words = (name: string) =>
    foldText(name.replace(/\(.*?\)/g, ' '))
      .split(/[\s-]+/)
      .filter(Boolean)
  const certificate = new Set(words(certificateName))
  const person = words(signatoryName)
  return person.length > 0 && person.every((word) => certificate.has(word))
}

/**
 * An electronically signed copy of the frozen PDF: checked in code (verifyPades), and each of
 * its signatures recorded for the unsigned signatory it names. The file is kept byte for byte.
 * Refused with the reason when the file is not the frozen agreement signed, or when none of its
 * signers is one of the agreement's signatories still to sign.
 */
export async function recordPadesUpload({
  id,
  file,
  fileName,
  userId,
  uploaderPersonId,
  ip,
  actor,
  origin,
}: {
  id: number
  file: Buffer
  fileName: string
  userId: number
  /** A signatory uploading records their own signature only; null for the team's officers, who record the parties'. */
  uploaderPersonId: number | null
  ip: string | null
  actor: Actor
  origin: string
}): Promise<
  | { ok: true; signed: boolean; recorded: string[] }
  | { ok: false; error: PadesUploadError; names?: string[] }
  | Extract<SignResult, { ok: false }>
> {
  const frozen = frozenPdf(db, id)
  if (!frozen) return { ok: false, error: 'agreement.error.wrongState' }
  const checked = await verifyPades({ file, frozen: frozen.pdf, trustAnchors: trustAnchors() })
  if (!checked.ok) return { ok: false, error: `agreement.pades.${checked.reason}` }
  // A chain that the installed trust anchors refuse is no signature of anyone's.
  if (checked.signatures.some((s) => s.trust === 'failed')) return { ok: false, error: 'agreement.pades.untrusted' }
  const open = signatoriesOf(db, id).filter((s) => !s.signed && (uploaderPersonId === null || s.personId === uploaderPersonId))
  const matched = checked.signatures.flatMap((signature) => {
    const signatory = open.find((s) => namesMatch(signature.signer.name, s.name))
    return signatory ? [{ signatory, signature }] : []
  })
  if (matched.length === 0)
    return { ok: false, error: 'agreement.pades.signerMismatch', names: checked.signatures.map((s) => s.signer.name) }
  const result = await recordSignatures({
    id,
    versionId: frozen.versionId,
    actor,
    origin,
    inputs: matched.map(({ signatory, signature }) => ({
      signatoryId: signatory.id,
      method: 'pades' as const,
      userId,
      ip,
      file: { name: fileName, bytes: file },
      certificate: {
        signerName: signature.signer.name,
        signerOrganisation: signature.signer.organisation,
        certificateIssuer: signature.signer.issuer,
        certificateSerial: signature.signer.certificateSerial,
        signingTime: signature.signingTime,
        trust: signature.trust,
        trustDetail: signature.trustDetail,
      },
    })),
  })
  if (!result.ok) return result
  return { ok: true, signed: result.signed, recorded: matched.map((m) => m.signatory.name) }
}
