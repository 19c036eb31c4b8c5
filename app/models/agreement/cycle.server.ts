import crypto from 'node:crypto'
import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { SignatureMethod } from '#db/schema/enums'
import { db, schema, type Tx } from '~/db.server'
import { agreementStepMessage } from '~/mail/agreement-mail.server'
import { deliver, queueMail } from '~/mail/mailer.server'
import { renderAgreementPdf } from '~/pdf/agreement/build.server'
import { warsawDay } from '~/utils/time'
import type { Actor } from '../audit.server'
import { auditDocument, documentRow, stepDocument, type DocumentRefusal } from '../document/document.server'
import { freezeVersion, getVersion, newVerificationCode, publicationOf } from '../document/versions.server'
import { scheduleExpiry } from './expiry.server'
import { currentSignatures, snapshotAgreement } from './agreement.server'
import type { AgreementSnapshot } from './snapshot'

const ag = schema.agreements
const dv = schema.documentVersions
const signatures = schema.agreementSignatures
const signatories = schema.agreementSignatories
const parties = schema.agreementParties

/** Why a step of the cycle or a signature was refused: an i18n key shown beside the form. */
export type AgreementCycleError =
  | 'agreement.error.wrongState'
  | 'agreement.error.stale'
  | 'agreement.error.fewParties'
  | 'agreement.error.noSignatory'
  | 'agreement.error.empty'
  | 'agreement.error.notSignatory'
  | 'agreement.error.alreadySigned'
  | 'agreement.error.reasonMissing'
  | 'agreement.error.frozenChanged'

export type StepResult = { ok: true } | { ok: false; error: AgreementCycleError }

const refusal = (reason: DocumentRefusal): AgreementCycleError =>
  reason === 'stale' ? 'agreement.error.stale' : 'agreement.error.wrongState'

function agreementOf(tx: Tx, id: number) {
  const row = documentRow(tx, id)
  if (!row || row.kind !== 'agreement') throw new Response('Not Found', { status: 404 })
  return row
}

export const verifyUrlOf = (origin: string, code: string) => `${origin}/verify/${code}`

/** E-mails each signatory with an address the step's news; those without one see it in Narada. Returns the outbox ids. */
function tellSignatories(tx: Tx, snapshot: AgreementSnapshot, step: 'negotiation' | 'ready_to_sign', origin: string): number[] {
  const ids = snapshot.parties.flatMap((party) => party.signatories.map((s) => s.personId))
  if (ids.length === 0) return []
  const people = tx
    .select({ id: schema.people.id, name: schema.people.name, email: schema.people.email })
    .from(schema.people)
    .where(inArray(schema.people.id, ids))
    .all()
  const link = `${origin}/agreements/${snapshot.documentId}${step === 'ready_to_sign' ? '/signatures' : '/comments'}`
  return people.flatMap((person) =>
    person.email
      ? [queueMail(tx, agreementStepMessage({ snapshot, recipient: { name: person.name, email: person.email }, link, step }))]
      : [],
  )
}

/** Opens the draft to the parties' people for comments (until `commentsDueAt`, if given), freezing the version they read. */
export async function startNegotiation({
  id,
  baseRevision,
  commentsDueAt,
  actor,
  origin,
}: {
  id: number
  baseRevision: number
  commentsDueAt: Date | null
  actor: Actor
  origin: string
}): Promise<StepResult> {
  let mailIds: number[] = []
  const result = db.transaction((tx): StepResult => {
    agreementOf(tx, id)
    const step = stepDocument(tx, {
      id,
      from: ['draft'],
      to: 'negotiation',
      baseRevision,
      set: { commentsDueAt: commentsDueAt?.toISOString() ?? null },
    })
    if (!step.ok) return { ok: false, error: refusal(step.reason) }
    const snapshot = snapshotAgreement(tx, id)!
    const version = freezeVersion(tx, { documentId: id, state: 'negotiation', actor, snapshot })
    mailIds = tellSignatories(tx, snapshot, 'negotiation', origin)
    auditDocument(tx, {
      kind: 'agreement',
      id,
      action: 'negotiationStarted',
      actor,
      before: { state: step.before },
      after: { state: 'negotiation', version, notified: mailIds.length },
    })
    return { ok: true }
  })
  if (result.ok && mailIds.length) await deliver(mailIds)
  return result
}

/** What a text needs before it can be signed: two parties, each with someone to sign, and a paragraph. */
export function readinessOf(snapshot: AgreementSnapshot): AgreementCycleError | null {
  if (snapshot.parties.length < 2) return 'agreement.error.fewParties'
  if (snapshot.parties.some((party) => !party.signatories.some((s) => s.required))) return 'agreement.error.noSignatory'
  if (snapshot.paragraphs.length === 0) return 'agreement.error.empty'
  return null
}

/**
 * Freezes the text for signing: renders the PDF every signature will name, keeps its bytes,
 * SHA-256 and verification code as the `ready_to_sign` version. The PDF is rendered before the
 * transaction from the revision the officer saw; if anyone saved meanwhile the step is refused.
 */
export async function freezeForSigning({
  id,
  baseRevision,
  actor,
  origin,
}: {
  id: number
  baseRevision: number
  actor: Actor
  origin: string
}): Promise<StepResult> {
  const live = snapshotAgreement(db, id)
  if (!live) throw new Response('Not Found', { status: 404 })
  const notReady = readinessOf(live)
  if (notReady) return { ok: false, error: notReady }
  const code = newVerificationCode()
  const snapshot: AgreementSnapshot = { ...live, state: 'ready_to_sign', verification: { code, verifyUrl: verifyUrlOf(origin, code) } }
  const pdf = await renderAgreementPdf({ snapshot })
  let mailIds: number[] = []
  const result = db.transaction((tx): StepResult => {
    agreementOf(tx, id)
    const step = stepDocument(tx, { id, from: ['draft', 'negotiation'], to: 'ready_to_sign', baseRevision })
    if (!step.ok) return { ok: false, error: refusal(step.reason) }
    const publication = publicationOf(pdf, code)
    const version = freezeVersion(tx, { documentId: id, state: 'ready_to_sign', actor, snapshot, publication })
    const versionId = tx
      .select({ id: dv.id })
      .from(dv)
      .where(and(eq(dv.documentId, id), eq(dv.number, version)))
      .get()!.id
    tx.update(ag).set({ frozenVersionId: versionId }).where(eq(ag.id, id)).run()
    mailIds = tellSignatories(tx, snapshot, 'ready_to_sign', origin)
    auditDocument(tx, {
      kind: 'agreement',
      id,
      action: 'frozen',
      actor,
      before: { state: step.before },
      after: { state: 'ready_to_sign', version, pdfSha256: publication.pdfSha256, notified: mailIds.length },
    })
    return { ok: true }
  })
  if (result.ok && mailIds.length) await deliver(mailIds)
  return result
}

/**
 * Sends a frozen text back to negotiation to be changed: the signatures collected on it are
 * voided (kept, marked), and the next freezing renders a new PDF to be signed again.
 */
export function reopenNegotiation({
  id,
  baseRevision,
  reason,
  actor,
}: {
  id: number
  baseRevision: number
  reason: string
  actor: Actor
}): StepResult {
  if (!reason.trim()) return { ok: false, error: 'agreement.error.reasonMissing' }
  return db.transaction((tx): StepResult => {
    agreementOf(tx, id)
    const frozen = tx.select({ versionId: ag.frozenVersionId }).from(ag).where(eq(ag.id, id)).get()?.versionId ?? null
    const step = stepDocument(tx, { id, from: ['ready_to_sign'], to: 'negotiation', baseRevision })
    if (!step.ok) return { ok: false, error: refusal(step.reason) }
    const now = new Date().toISOString()
    const voided = frozen
      ? tx
          .update(signatures)
          .set({ voidedAt: now })
          .where(and(eq(signatures.agreementId, id), eq(signatures.versionId, frozen), isNull(signatures.voidedAt)))
          .run().changes
      : 0
    tx.update(ag).set({ frozenVersionId: null }).where(eq(ag.id, id)).run()
    auditDocument(tx, {
      kind: 'agreement',
      id,
      action: 'reopened',
      actor,
      before: { state: step.before, frozenVersionId: frozen },
      after: { state: 'negotiation', voidedSignatures: voided, reason: reason.trim() },
    })
    return { ok: true }
  })
}

/** The frozen version's id, number and PDF: what every signature names. */
export function frozenPdf(tx: typeof db | Tx, id: number): { versionId: number; number: number; pdf: Buffer; sha256: string } | undefined {
  const row = tx
    .select({ versionId: dv.id, number: dv.number, pdf: dv.pdf, sha256: dv.pdfSha256 })
    .from(ag)
    .innerJoin(dv, eq(dv.id, ag.frozenVersionId))
    .where(eq(ag.id, id))
    .get()
  return row?.pdf && row.sha256 ? { versionId: row.versionId, number: row.number, pdf: row.pdf, sha256: row.sha256 } : undefined
}

/** The signatories of the agreement (current parties), with whether each has signed the frozen version. */
export function signatoriesOf(tx: typeof db | Tx, id: number) {
  const frozen = tx.select({ versionId: ag.frozenVersionId }).from(ag).where(eq(ag.id, id)).get()?.versionId ?? null
  const signed = new Set(currentSignatures(tx, id, frozen).map((s) => s.signatoryId))
  return tx
    .select({
      id: signatories.id,
      personId: signatories.personId,
      name: schema.people.name,
      position: signatories.position,
      required: signatories.required,
      partyId: parties.id,
      organisationId: parties.organisationId,
    })
    .from(signatories)
    .innerJoin(parties, eq(parties.id, signatories.partyId))
    .innerJoin(schema.people, eq(schema.people.id, signatories.personId))
    .where(and(eq(parties.agreementId, id), isNull(signatories.removedAt)))
    .all()
    .map((s) => ({ ...s, signed: signed.has(s.id) }))
}

export type SignatureInput = {
  signatoryId: number
  method: SignatureMethod
  userId: number | null
  ip?: string | null
  userAgent?: string | null
  file?: { name: string; bytes: Buffer } | null
  certificate?: {
    signerName: string
    signerOrganisation: string | null
    certificateIssuer: string
    certificateSerial: string
    signingTime: string | null
    trust: 'verified' | 'notChecked' | 'failed'
    trustDetail: string | null
  } | null
}

export type SignResult = { ok: true; signed: boolean } | { ok: false; error: AgreementCycleError }

/**
 * Records signatures on the frozen version, in one transaction: each names the frozen PDF's
 * SHA-256, and only the version the signer saw (`versionId`): a text re-frozen meanwhile is
 * refused. All of them or none. When every party's required signatories have signed, the
 * agreement is concluded (see `concludeIfComplete`).
 */
export async function recordSignatures({
  id,
  versionId,
  inputs,
  actor,
  origin,
  now = new Date(),
}: {
  id: number
  /** The frozen version the signer read or signed. */
  versionId: number
  inputs: SignatureInput[]
  actor: Actor
  origin: string
  now?: Date
}): Promise<SignResult> {
  const written = db.transaction((tx): { ok: true } | { ok: false; error: AgreementCycleError } => {
    const row = agreementOf(tx, id)
    if (row.state !== 'ready_to_sign') return { ok: false, error: 'agreement.error.wrongState' }
    const frozen = frozenPdf(tx, id)
    if (!frozen) return { ok: false, error: 'agreement.error.wrongState' }
    if (frozen.versionId !== versionId) return { ok: false, error: 'agreement.error.frozenChanged' }
    const people = signatoriesOf(tx, id)
    // Every input is checked before anything is written: a refusal leaves no signature behind.
    const chosen = new Set<number>()
    for (const input of inputs) {
      const signatory = people.find((p) => p.id === input.signatoryId)
      if (!signatory) return { ok: false, error: 'agreement.error.notSignatory' }
      if (signatory.signed || chosen.has(signatory.id)) return { ok: false, error: 'agreement.error.alreadySigned' }
      chosen.add(signatory.id)
    }
    for (const input of inputs) {
      const signatory = people.find((p) => p.id === input.signatoryId)!
      tx.insert(signatures)
        .values({
          agreementId: id,
          signatoryId: signatory.id,
          versionId: frozen.versionId,
          pdfSha256: frozen.sha256,
          method: input.method,
          signedAt: now.toISOString(),
          userId: input.userId,
          ip: input.ip ?? null,
          userAgent: input.userAgent?.slice(0, 500) ?? null,
          fileName: input.file?.name ?? null,
          fileSha256: input.file ? crypto.createHash('sha256').update(input.file.bytes).digest('hex') : null,
          file: input.file?.bytes ?? null,
          ...(input.certificate ?? {}),
        })
        .run()
      auditDocument(tx, {
        kind: 'agreement',
        id,
        action: 'signed',
        actor,
        after: { signatoryId: signatory.id, name: signatory.name, method: input.method, pdfSha256: frozen.sha256, version: frozen.number },
      })
    }
    return { ok: true }
  })
  if (!written.ok) return written
  return { ok: true, signed: await concludeIfComplete({ id, actor, origin, now }) }
}

/** Every party's required signatories have signed the frozen version. */
function isComplete(tx: typeof db | Tx, id: number): boolean {
  const people = signatoriesOf(tx, id)
  return people.length > 0 && people.every((p) => !p.required || p.signed)
}

/**
 * Concludes an agreement whose required signatures are all given: renders the signed record
 * (the frozen text, as it was frozen, and a page of the signatures) and moves it to `signed`
 * with the record as its version. Idempotent, so whoever finds it complete and not yet concluded
 * (the last signature, or a later visit after a failed render) finishes it; false when it is not
 * complete, or was reopened or concluded meanwhile.
 */
export async function concludeIfComplete({
  id,
  actor,
  origin,
  now = new Date(),
}: {
  id: number
  actor: Actor
  origin: string
  now?: Date
}) {
  const row = documentRow(db, id)
  const frozen = frozenPdf(db, id)
  if (row?.state !== 'ready_to_sign' || !frozen || !isComplete(db, id)) return false
  // The record prints the parties as the signed PDF names them, whatever the directory says today.
  const frozenSnapshot = getVersion<AgreementSnapshot>({ documentId: id, number: frozen.number })!.snapshot
  const named = new Map(
    frozenSnapshot.parties.flatMap((party) => party.signatories.map((x) => [x.id, { ...x, party: party.name }] as const)),
  )
  const signed = currentSignatures(db, id, frozen.versionId).map((x) => {
    const asFrozen = named.get(x.signatoryId)
    return asFrozen ? { ...x, name: asFrozen.name, position: asFrozen.position, party: asFrozen.party } : x
  })
  const concludedOn = warsawDay(new Date(signed.at(-1)?.signedAt ?? now.toISOString()))
  const code = newVerificationCode()
  const snapshot: AgreementSnapshot = {
    ...frozenSnapshot,
    state: 'signed',
    concludedOn,
    signing: { frozenVersion: frozen.number, frozenSha256: frozen.sha256, signatures: signed },
    verification: { code, verifyUrl: verifyUrlOf(origin, code) },
  }
  const pdf = await renderAgreementPdf({ snapshot })
  return db.transaction((tx) => {
    // Still the same frozen text, still complete, still not concluded: the state and the version are checked, not the revision.
    const current = documentRow(tx, id)
    if (current?.state !== 'ready_to_sign' || frozenPdf(tx, id)?.versionId !== frozen.versionId || !isComplete(tx, id)) return false
    tx.update(schema.documents)
      .set({
        state: 'signed',
        revision: sql`${schema.documents.revision} + 1`,
        publishedAt: now.toISOString(),
        publishedByUserId: actor.userId,
      })
      .where(eq(schema.documents.id, id))
      .run()
    tx.update(ag).set({ concludedOn }).where(eq(ag.id, id)).run()
    const version = freezeVersion(tx, { documentId: id, state: 'signed', actor, snapshot, publication: publicationOf(pdf, code) })
    scheduleExpiry(tx, { id, validTo: frozenSnapshot.validTo })
    auditDocument(tx, {
      kind: 'agreement',
      id,
      action: 'concluded',
      actor,
      before: { state: 'ready_to_sign' },
      after: { state: 'signed', version, concludedOn },
    })
    return true
  })
}

/** Ends a signed agreement before its term (wypowiedzenie, rozwiązanie za porozumieniem stron), with the day and the reason. */
export function terminateAgreement({
  id,
  baseRevision,
  terminatedOn,
  reason,
  actor,
}: {
  id: number
  baseRevision: number
  terminatedOn: string
  reason: string
  actor: Actor
}): StepResult {
  if (!reason.trim()) return { ok: false, error: 'agreement.error.reasonMissing' }
  return db.transaction((tx): StepResult => {
    agreementOf(tx, id)
    const step = stepDocument(tx, { id, from: ['signed'], to: 'terminated', baseRevision })
    if (!step.ok) return { ok: false, error: refusal(step.reason) }
    tx.update(ag).set({ terminatedOn, terminatedReason: reason.trim() }).where(eq(ag.id, id)).run()
    auditDocument(tx, {
      kind: 'agreement',
      id,
      action: 'terminated',
      actor,
      before: { state: step.before },
      after: { state: 'terminated', terminatedOn, reason },
    })
    return { ok: true }
  })
}

/** The PDF the register serves: the signed record once concluded, the frozen PDF while it is signed. */
export function archivedAgreementPdf(id: number): { pdf: Buffer; versionNumber: number; state: string } | undefined {
  const row = db
    .select({ pdf: dv.pdf, number: dv.number, state: dv.state })
    .from(dv)
    .where(and(eq(dv.documentId, id), eq(dv.state, 'signed')))
    .get()
  if (row?.pdf) return { pdf: row.pdf, versionNumber: row.number, state: row.state }
  const frozen = frozenPdf(db, id)
  return frozen ? { pdf: frozen.pdf, versionNumber: frozen.number, state: 'ready_to_sign' } : undefined
}
