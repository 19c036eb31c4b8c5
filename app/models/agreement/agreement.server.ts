import { and, asc, eq, inArray, isNull, sql, TransactionRollbackError } from 'drizzle-orm'
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { AgreementState, DocumentVisibility, OrganisationKind } from '#db/schema/enums'
import { db, schema, type Db, type Tx } from '~/db.server'
import { parsedOr400 } from '~/utils/http.server'
import {
  AGREEMENT_LIMITS,
  AgreementFieldsSchema,
  AgreementParagraphsSchema,
  AgreementSignatoryInputSchema,
  type AgreementParagraphInput,
} from '~/schemas/agreement'
import type { Actor } from '../audit.server'
import { auditDocument, claimSave, createDocument, documentRow, listSections, replaceSections } from '../document/document.server'
import { paragraphNumber } from './clauses'
import type { AgreementPartySnapshot, AgreementSignatureRecord, AgreementSnapshot, AgreementSource } from './snapshot'

const ag = schema.agreements
const d = schema.documents
const parties = schema.agreementParties
const signatories = schema.agreementSignatories
const signatures = schema.agreementSignatures
const o = schema.organisations

/** The form's strings of the agreement's fields: what the model checks them from. */
export type AgreementFieldsInput = {
  number: string
  title: string
  subject: string
  place: string
  validFrom: string
  validTo: string
  noticeMonths: string
}

export type AgreementView = {
  id: number
  bodyId: number
  bodyName: string
  state: AgreementState
  visibility: DocumentVisibility
  revision: number
  commentsDueAt: string | null
  frozenVersionId: number | null
  updatedAt: string
  updatedByUserName: string | null
  terminatedOn: string | null
  terminatedReason: string | null
  /** The live text, resolved. */
  snapshot: AgreementSnapshot
}

const userName = (column: AnySQLiteColumn) => sql<string | null>`(select name from users where users.id = ${column})`

export const addressOf = (org: { street: string | null; postalCode: string | null; city: string | null }) =>
  [org.street, [org.postalCode, org.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || null

/** The parties with their signatories, in the text's order, as the directory names them now. */
export function listParties(tx: Db | Tx, agreementId: number): AgreementPartySnapshot[] {
  const rows = tx
    .select({ id: parties.id, organisationId: o.id, name: o.name, kind: o.kind, street: o.street, postalCode: o.postalCode, city: o.city })
    .from(parties)
    .innerJoin(o, eq(o.id, parties.organisationId))
    .where(eq(parties.agreementId, agreementId))
    .orderBy(asc(parties.position), asc(parties.id))
    .all()
  if (rows.length === 0) return []
  const people = tx
    .select({
      id: signatories.id,
      partyId: signatories.partyId,
      personId: signatories.personId,
      name: schema.people.name,
      position: signatories.position,
      required: signatories.required,
    })
    .from(signatories)
    .innerJoin(schema.people, eq(schema.people.id, signatories.personId))
    .where(
      and(
        inArray(
          signatories.partyId,
          rows.map((row) => row.id),
        ),
        isNull(signatories.removedAt),
      ),
    )
    .orderBy(asc(signatories.ordinal), asc(signatories.id))
    .all()
  return rows.map((row) => ({
    id: row.id,
    organisationId: row.organisationId,
    name: row.name,
    kind: row.kind as OrganisationKind,
    address: addressOf(row),
    signatories: people
      .filter((p) => p.partyId === row.id)
      .map((p) => ({ id: p.id, personId: p.personId, name: p.name, position: p.position, required: p.required })),
  }))
}

function listSources(tx: Db | Tx, agreementId: number): AgreementSource[] {
  const s = schema.agreementSources
  return tx
    .select({
      meetingId: sql<number | null>`coalesce(${s.meetingId}, ${schema.actionItems.meetingId})`,
      meetingTitle: sql<
        string | null
      >`(select topic from meetings where meetings.id = coalesce(${s.meetingId}, ${schema.actionItems.meetingId}))`,
      actionItemId: s.actionItemId,
      actionItemText: schema.actionItems.text,
    })
    .from(s)
    .leftJoin(schema.actionItems, eq(schema.actionItems.id, s.actionItemId))
    .where(eq(s.agreementId, agreementId))
    .orderBy(asc(s.id))
    .all()
}

/** The signatures given on the frozen version and not voided, in the order they came. */
export function currentSignatures(tx: Db | Tx, agreementId: number, versionId: number | null): AgreementSignatureRecord[] {
  if (versionId === null) return []
  return tx
    .select({
      signatoryId: signatures.signatoryId,
      name: schema.people.name,
      position: signatories.position,
      party: o.name,
      method: signatures.method,
      signedAt: signatures.signedAt,
      pdfSha256: signatures.pdfSha256,
      signerName: signatures.signerName,
      signerOrganisation: signatures.signerOrganisation,
      certificateIssuer: signatures.certificateIssuer,
      signingTime: signatures.signingTime,
      trust: signatures.trust,
      fileSha256: signatures.fileSha256,
    })
    .from(signatures)
    .innerJoin(signatories, eq(signatories.id, signatures.signatoryId))
    .innerJoin(schema.people, eq(schema.people.id, signatories.personId))
    .innerJoin(parties, eq(parties.id, signatories.partyId))
    .innerJoin(o, eq(o.id, parties.organisationId))
    .where(and(eq(signatures.agreementId, agreementId), eq(signatures.versionId, versionId), isNull(signatures.voidedAt)))
    .orderBy(asc(signatures.signedAt), asc(signatures.id))
    .all()
}

/** The agreement as it stands, resolved: what the page shows and what freezing keeps. */
export function snapshotAgreement(tx: Db | Tx, id: number): AgreementSnapshot | undefined {
  const row = tx
    .select({
      id: ag.id,
      bodyId: d.bodyId,
      bodyName: schema.bodies.name,
      state: d.state,
      visibility: d.visibility,
      updatedAt: d.updatedAt,
      number: ag.number,
      title: ag.title,
      subject: ag.subject,
      place: ag.place,
      validFrom: ag.validFrom,
      validTo: ag.validTo,
      noticeMonths: ag.noticeMonths,
      concludedOn: ag.concludedOn,
      annexOf: ag.annexOf,
    })
    .from(ag)
    .innerJoin(d, eq(d.id, ag.id))
    .innerJoin(schema.bodies, eq(schema.bodies.id, d.bodyId))
    .where(eq(ag.id, id))
    .get()
  if (!row) return undefined
  const parent = row.annexOf
    ? tx.select({ id: ag.id, number: ag.number, title: ag.title }).from(ag).where(eq(ag.id, row.annexOf)).get()
    : null
  return {
    documentId: row.id,
    bodyId: row.bodyId,
    bodyName: row.bodyName,
    number: row.number,
    title: row.title,
    subject: row.subject,
    place: row.place,
    validFrom: row.validFrom,
    validTo: row.validTo,
    noticeMonths: row.noticeMonths,
    concludedOn: row.concludedOn,
    annexOf: parent ?? null,
    parties: listParties(tx, id),
    paragraphs: listSections(tx, id).map((section, index) => ({
      id: section.id,
      number: paragraphNumber(index),
      title: section.title,
      body: section.body,
    })),
    sources: listSources(tx, id),
    state: row.state as AgreementState,
    visibility: row.visibility,
    updatedAt: row.updatedAt,
    signing: null,
    verification: null,
  }
}

export function getAgreement({ id }: { id: number }): AgreementView | undefined {
  const row = db
    .select({
      id: ag.id,
      bodyId: d.bodyId,
      bodyName: schema.bodies.name,
      state: d.state,
      visibility: d.visibility,
      revision: d.revision,
      commentsDueAt: d.commentsDueAt,
      frozenVersionId: ag.frozenVersionId,
      updatedAt: d.updatedAt,
      updatedByUserName: userName(d.updatedByUserId),
      terminatedOn: ag.terminatedOn,
      terminatedReason: ag.terminatedReason,
    })
    .from(ag)
    .innerJoin(d, eq(d.id, ag.id))
    .innerJoin(schema.bodies, eq(schema.bodies.id, d.bodyId))
    .where(eq(ag.id, id))
    .get()
  if (!row) return undefined
  return { ...row, state: row.state as AgreementState, snapshot: snapshotAgreement(db, id)! }
}

export type NewAgreement = {
  bodyId: number
  fields: AgreementFieldsInput
  paragraphs: { title: string; body: string }[]
  /** Institutions of the directory, in the order the text names them. */
  organisationIds: number[]
  sources?: { meetingId?: number | null; actionItemId?: number | null }[]
  annexOf?: number | null
  actor: Actor
}

/** Starts an agreement in draft: its fields, its starting text (a template's), its parties and where it came from. */
export function createAgreement({
  bodyId,
  fields,
  paragraphs,
  organisationIds,
  sources = [],
  annexOf = null,
  actor,
}: NewAgreement): number {
  const valid = parsedOr400(AgreementFieldsSchema, fields)
  const text = parsedOr400(
    AgreementParagraphsSchema,
    paragraphs.map((p) => ({ id: null, ...p })),
  )
  const unique = [...new Set(organisationIds)]
  if (unique.length > AGREEMENT_LIMITS.parties) throw new Response('Bad Request', { status: 400 })
  return db.transaction((tx) => {
    const id = createDocument(tx, { kind: 'agreement', bodyId, state: 'draft', actor })
    tx.insert(ag)
      .values({ id, ...valid, annexOf })
      .run()
    replaceSections(
      tx,
      id,
      text.map((p) => ({ id: null, kind: 'paragraph', title: p.title, body: p.body })),
    )
    unique.forEach((organisationId, position) => tx.insert(parties).values({ agreementId: id, organisationId, position }).run())
    for (const source of sources)
      tx.insert(schema.agreementSources)
        .values({ agreementId: id, meetingId: source.meetingId ?? null, actionItemId: source.actionItemId ?? null })
        .run()
    auditDocument(tx, {
      kind: 'agreement',
      id,
      action: 'created',
      actor,
      after: { bodyId, number: valid.number, title: valid.title, parties: unique },
    })
    return id
  })
}

export type SaveAgreementResult =
  { ok: true; revision: number } | { ok: false; reason: 'stale'; current: AgreementView } | { ok: false; reason: 'locked' }

/**
 * Saves the fields and the text while drafted or negotiated, over the revision the writer
 * started from: a save based on an older one is refused with what is saved now, to merge by
 * hand. Paragraphs keep their ids (comments point at them).
 */
export function saveAgreement({
  id,
  baseRevision,
  fields,
  paragraphs,
  actor,
}: {
  id: number
  baseRevision: number
  fields: AgreementFieldsInput
  paragraphs: AgreementParagraphInput[]
  actor: Actor
}): SaveAgreementResult {
  const valid = parsedOr400(AgreementFieldsSchema, fields)
  const text = parsedOr400(AgreementParagraphsSchema, paragraphs)
  const result = db.transaction((tx): SaveAgreementResult | { ok: false; reason: 'stale' } => {
    const before = snapshotAgreement(tx, id)
    const claim = claimSave(tx, { id, baseRevision, actor })
    if (!claim.ok) return claim.reason === 'stale' ? { ok: false, reason: 'stale' } : { ok: false, reason: 'locked' }
    if (claim.row.kind !== 'agreement') throw new Response('Not Found', { status: 404 })
    tx.update(ag).set(valid).where(eq(ag.id, id)).run()
    replaceSections(
      tx,
      id,
      text.map((p) => ({ id: p.id, kind: 'paragraph', title: p.title, body: p.body })),
    )
    auditDocument(tx, {
      kind: 'agreement',
      id,
      action: 'saved',
      actor,
      before: { revision: baseRevision, number: before?.number, title: before?.title, paragraphs: before?.paragraphs.length },
      after: { revision: claim.revision, number: valid.number, title: valid.title, paragraphs: text.length },
    })
    return { ok: true, revision: claim.revision }
  })
  if (!result.ok && result.reason === 'stale') return { ok: false, reason: 'stale', current: getAgreement({ id })! }
  return result
}

export type PartyChange =
  | { op: 'addParty'; organisationId: number }
  | { op: 'removeParty'; partyId: number }
  | { op: 'moveParty'; partyId: number; by: -1 | 1 }
  | { op: 'addSignatory'; partyId: number; personId: number; position: string; required: boolean }
  | { op: 'removeSignatory'; signatoryId: number }

export type PartyChangeResult =
  | { ok: true; revision: number }
  | {
      ok: false
      reason: 'stale' | 'locked' | 'agreement.error.notOfParty' | 'agreement.error.tooManyParties' | 'agreement.error.tooManySignatories'
    }

/**
 * Changes who the parties are and who signs for them, while the text is drafted or negotiated,
 * over the revision the officer saw (the parties are part of the text). A signatory is one of
 * the party's own people.
 */
export function changeParties({
  id,
  baseRevision,
  change,
  actor,
}: {
  id: number
  baseRevision: number
  change: PartyChange
  actor: Actor
}): PartyChangeResult {
  let refusal: PartyChangeResult | null = null
  try {
    return db.transaction((tx): PartyChangeResult => {
      const row = documentRow(tx, id)
      if (!row || row.kind !== 'agreement') throw new Response('Not Found', { status: 404 })
      const partyOf = (partyId: number) =>
        tx
          .select()
          .from(parties)
          .where(and(eq(parties.id, partyId), eq(parties.agreementId, id)))
          .get()
      const current = tx.select().from(parties).where(eq(parties.agreementId, id)).orderBy(asc(parties.position), asc(parties.id)).all()
      const apply = () => {
        switch (change.op) {
          case 'addParty': {
            if (current.length >= AGREEMENT_LIMITS.parties) return (refusal = { ok: false, reason: 'agreement.error.tooManyParties' })
            if (current.some((p) => p.organisationId === change.organisationId)) return
            const organisation = tx.select({ id: o.id }).from(o).where(eq(o.id, change.organisationId)).get()
            if (!organisation) throw new Response('Bad Request', { status: 400 })
            const position = (current.at(-1)?.position ?? -1) + 1
            tx.insert(parties).values({ agreementId: id, organisationId: change.organisationId, position }).run()
            return
          }
          case 'removeParty': {
            if (!partyOf(change.partyId)) throw new Response('Not Found', { status: 404 })
            tx.delete(parties).where(eq(parties.id, change.partyId)).run()
            return
          }
          case 'moveParty': {
            const index = current.findIndex((p) => p.id === change.partyId)
            const other = current[index + change.by]
            if (index < 0 || !other) return
            tx.update(parties).set({ position: other.position }).where(eq(parties.id, change.partyId)).run()
            tx.update(parties).set({ position: current[index]!.position }).where(eq(parties.id, other.id)).run()
            return
          }
          case 'addSignatory': {
            const party = partyOf(change.partyId)
            if (!party) throw new Response('Not Found', { status: 404 })
            const input = parsedOr400(AgreementSignatoryInputSchema, change)
            const person = tx
              .select({ organisationId: schema.people.organisationId })
              .from(schema.people)
              .where(eq(schema.people.id, input.personId))
              .get()
            if (!person || person.organisationId !== party.organisationId)
              return (refusal = { ok: false, reason: 'agreement.error.notOfParty' })
            const existing = tx
              .select({ id: signatories.id })
              .from(signatories)
              .where(and(eq(signatories.partyId, party.id), isNull(signatories.removedAt)))
              .all()
            if (existing.length >= AGREEMENT_LIMITS.signatoriesPerParty)
              return (refusal = { ok: false, reason: 'agreement.error.tooManySignatories' })
            const ordinal = tx
              .select({ n: sql<number>`coalesce(max(${signatories.ordinal}) + 1, 0)` })
              .from(signatories)
              .where(eq(signatories.partyId, party.id))
              .get()!.n
            tx.insert(signatories)
              .values({ partyId: party.id, personId: input.personId, position: input.position, required: input.required, ordinal })
              .onConflictDoUpdate({
                target: [signatories.partyId, signatories.personId],
                set: { position: input.position, required: input.required, ordinal, removedAt: null },
              })
              .run()
            return
          }
          case 'removeSignatory': {
            const signatory = tx
              .select({ id: signatories.id })
              .from(signatories)
              .innerJoin(parties, eq(parties.id, signatories.partyId))
              .where(and(eq(signatories.id, change.signatoryId), eq(parties.agreementId, id)))
              .get()
            if (!signatory) throw new Response('Not Found', { status: 404 })
            // A signatory who signed an earlier frozen version (voided since) stays named by that record.
            if (tx.select({ id: signatures.id }).from(signatures).where(eq(signatures.signatoryId, signatory.id)).get())
              tx.update(signatories).set({ removedAt: new Date().toISOString() }).where(eq(signatories.id, signatory.id)).run()
            else tx.delete(signatories).where(eq(signatories.id, signatory.id)).run()
            return
          }
        }
      }
      const claim = claimSave(tx, { id, baseRevision, actor })
      if (!claim.ok) return { ok: false, reason: claim.reason === 'stale' ? 'stale' : 'locked' }
      apply()
      // Nothing of a refused change is kept, the revision included.
      if (refusal) tx.rollback()
      auditDocument(tx, { kind: 'agreement', id, action: `parties.${change.op}`, actor, after: { ...change, revision: claim.revision } })
      return { ok: true, revision: claim.revision }
    })
  } catch (error) {
    if (refusal && error instanceof TransactionRollbackError) return refusal
    throw error
  }
}

/** Whether a user is one of a party's people, and whether one of its signatories (by the person the account is). */
export function partyAccessOf({ agreementId, personId }: { agreementId: number; personId: number | null }): {
  party: boolean
  signatory: boolean
} {
  if (!personId) return { party: false, signatory: false }
  const party = db
    .select({ id: parties.id })
    .from(parties)
    .innerJoin(schema.people, eq(schema.people.organisationId, parties.organisationId))
    .where(and(eq(parties.agreementId, agreementId), eq(schema.people.id, personId)))
    .get()
  const signatory = db
    .select({ id: signatories.id })
    .from(signatories)
    .innerJoin(parties, eq(parties.id, signatories.partyId))
    .where(and(eq(parties.agreementId, agreementId), eq(signatories.personId, personId), isNull(signatories.removedAt)))
    .get()
  return { party: !!party, signatory: !!signatory }
}

/** Whether the parties publish the agreement: once signed, it is then on the public register and portal. */
export function setAgreementVisibility({
  id,
  baseRevision,
  visibility,
  actor,
}: {
  id: number
  baseRevision: number
  visibility: DocumentVisibility
  actor: Actor
}): { ok: true } | { ok: false; error: 'agreement.error.stale' } {
  return db.transaction((tx) => {
    const updated = tx
      .update(d)
      .set({ visibility, revision: sql`${d.revision} + 1` })
      .where(and(eq(d.id, id), eq(d.kind, 'agreement'), eq(d.revision, baseRevision)))
      .run().changes
    if (!updated) return { ok: false, error: 'agreement.error.stale' } as const
    auditDocument(tx, { kind: 'agreement', id, action: 'visibility', actor, after: { visibility } })
    return { ok: true } as const
  })
}

/**
 * Starts an annex (aneks) to a signed agreement: an agreement of its own, of the same team,
 * between the same parties represented by the same people, that goes through the same cycle.
 * Its number is the agreement's with „/A<n>”, n counting the annexes started before.
 */
export function createAnnex({ id, actor }: { id: number; actor: Actor }): number {
  const parent = getAgreement({ id })
  if (!parent || parent.state !== 'signed') throw new Response('Conflict', { status: 409 })
  const s = parent.snapshot
  const earlier = db.select({ id: ag.id }).from(ag).where(eq(ag.annexOf, id)).all().length
  const annexId = createAgreement({
    bodyId: parent.bodyId,
    fields: {
      number: `${s.number}/A${earlier + 1}`.slice(0, AGREEMENT_LIMITS.number),
      title: `Aneks nr ${earlier + 1} do porozumienia nr ${s.number}`.slice(0, AGREEMENT_LIMITS.title),
      subject: s.subject,
      place: s.place,
      validFrom: s.validFrom,
      validTo: s.validTo ?? '',
      noticeMonths: s.noticeMonths === null ? '' : String(s.noticeMonths),
    },
    paragraphs: [
      { title: 'Zmiany porozumienia', body: `W porozumieniu nr ${s.number} wprowadza się następujące zmiany:\n\n1. …` },
      {
        title: 'Postanowienia końcowe',
        body: 'Pozostałe postanowienia porozumienia pozostają bez zmian.\n\nAneks wchodzi w życie z dniem podpisania przez obie Strony.',
      },
    ],
    organisationIds: s.parties.map((p) => p.organisationId),
    annexOf: id,
    actor,
  })
  db.transaction((tx) => {
    const annexParties = tx.select().from(parties).where(eq(parties.agreementId, annexId)).all()
    for (const party of s.parties) {
      const target = annexParties.find((p) => p.organisationId === party.organisationId)!
      party.signatories.forEach((signatory, ordinal) =>
        tx
          .insert(signatories)
          .values({ partyId: target.id, personId: signatory.personId, position: signatory.position, required: signatory.required, ordinal })
          .run(),
      )
    }
    auditDocument(tx, { kind: 'agreement', id, action: 'annexStarted', actor, after: { annexId } })
  })
  return annexId
}

/** The annexes of an agreement, in the order they were started. */
export function listAnnexes(id: number) {
  return db
    .select({ id: ag.id, number: ag.number, title: ag.title, state: d.state })
    .from(ag)
    .innerJoin(d, eq(d.id, ag.id))
    .where(eq(ag.annexOf, id))
    .orderBy(asc(ag.id))
    .all()
    .map((row) => ({ ...row, state: row.state as AgreementState }))
}
