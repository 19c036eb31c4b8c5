import { format } from 'date-fns'
import type { OrganisationKind, SignatureMethod, SignatureTrust } from '#db/schema/enums'
import { translator } from '~/i18n/messages'
import { agreementClauses, type AgreementClause } from '~/models/agreement/clauses'
import type { AgreementPartySnapshot, AgreementSignatureRecord, AgreementSnapshot } from '~/models/agreement/snapshot'
import { formatDateTime, formatLongDay, toWarsawWallClock } from '~/utils/format'
import type { PdfMeta } from '../document.server'
import type { TableRow } from '../layout'
import type { VerificationView } from '../layout/verification'

// Agreements are a Polish document whatever the language of the interface.
const t = translator('pl')

export interface AgreementPartyView {
  /** Printed in bold: „Miejski Ośrodek Pomocy Społecznej w Katowicach” */
  name: string
  /** „, ul. …, reprezentowanym przez: … – Dyrektor, zwanym dalej „MOPS”,” */
  description: string
}

export interface AgreementParagraphView {
  /** „§ 1” */
  number: string
  title: string
  clauses: AgreementClause[]
}

export interface AgreementSignatureBlockView {
  party: string
  signatories: { name: string; position: string }[]
}

export interface AgreementRegisterView {
  frozenShaLabel: string
  frozenSha: string
  /** Lp., signatory (name, position, party), method, when, details: one string per cell. */
  rows: readonly TableRow[]
}

export interface AgreementPdfView {
  meta: PdfMeta
  watermark: string | null
  /** „POROZUMIENIE nr …” or „ANEKS nr … do porozumienia nr …” */
  heading: string
  title: string
  /** „zawarte w dniu 15 maja 2014 r. w Katowicach pomiędzy:” */
  opening: string
  parties: AgreementPartyView[]
  /** The word between two parties: „a”. */
  between: string
  /** „zwanymi dalej łącznie „Stronami”.” */
  together: string
  paragraphs: AgreementParagraphView[]
  signatures: AgreementSignatureBlockView[]
  register: AgreementRegisterView | null
  verification: VerificationView | null
  fileName: string
}

/** The usual abbreviation of a kind of institution, the tail of a name's initials („MOPS”, „GOPS” end in „OPS”). */
const KIND_ABBREVIATION: Partial<Record<OrganisationKind, string>> = {
  ops: 'OPS',
  pcpr: 'PCPR',
  pup: 'PUP',
  wup: 'WUP',
  rops: 'ROPS',
  ohp: 'OHP',
  cis: 'CIS',
}

const DRAFT_STATES: readonly AgreementSnapshot['state'][] = ['draft', 'negotiation']

/** „MOPS” from „Miejski Ośrodek Pomocy Społecznej w Katowicach”: the capitals of the words before the place. */
function initialsOf(name: string): string {
  const words = name
    .split(',')[0]!
    .split(/\s+(?:w|we)\s+/)[0]!
    .split(/[\s-]+/)
  return words
    .map((word) => word.charAt(0))
    .filter((letter) => letter !== letter.toLowerCase())
    .join('')
}

function abbreviationOf(party: AgreementPartySnapshot): string | null {
  const base = KIND_ABBREVIATION[party.kind]
  if (!base) return null
  const initials = initialsOf(party.name)
  return initials.endsWith(base) ? initials : base
}

/**
 * How the text refers to each party: the kind's abbreviation („MOPS”, „PUP”) where no other party
 * shares it, else „Stroną n” by its place in the text.
 */
export function partyReferences(parties: readonly AgreementPartySnapshot[]): string[] {
  const abbreviations = parties.map(abbreviationOf)
  return abbreviations.map((abbreviation, index) =>
    abbreviation && abbreviations.filter((other) => other === abbreviation).length === 1
      ? abbreviation
      : t('agreement.pdf.partyNumber', { number: index + 1 }),
  )
}

/** „A – Dyrektor, B – Zastępca Dyrektora oraz C – Główna Księgowa” */
function signatoriesText(party: AgreementPartySnapshot): string {
  const names = party.signatories.map((signatory) =>
    signatory.position.trim()
      ? t('agreement.pdf.signatory', { name: signatory.name, position: signatory.position.trim() })
      : signatory.name,
  )
  if (names.length <= 1) return names.join('')
  return `${names.slice(0, -1).join(', ')} ${t('agreement.pdf.and')} ${names.at(-1)}`
}

function partyView(party: AgreementPartySnapshot, reference: string): AgreementPartyView {
  const parts = [
    party.address?.trim(),
    party.signatories.length ? t('agreement.pdf.representedBy', { signatories: signatoriesText(party) }) : null,
    t('agreement.pdf.referredTo', { reference }),
  ].filter((part): part is string => !!part)
  return { name: party.name, description: `, ${parts.join(', ')},` }
}

/** The place after „w”: „Katowicach”; one already written with its preposition is not given a second. */
const placePhrase = (place: string) => place.trim().replace(/^(?:w|we)\s+/i, '')

const registerTime = (instant: string) => format(toWarsawWallClock(instant), 'dd.MM.yyyy, HH:mm')

/** A hash in groups of 16: a table cell wraps it between groups instead of shrinking the table. */
const groupedHash = (sha: string) => sha.match(/.{1,16}/g)?.join(' ') ?? sha

const methodLabel = (method: SignatureMethod) => t(`agreement.signatureMethod.${method}`)
const trustLabel = (trust: SignatureTrust) => t(`agreement.trust.${trust}`)

function signatureDetails(signature: AgreementSignatureRecord): string {
  const lines: string[] = []
  if (signature.method === 'pades') {
    if (signature.signerName) lines.push(t('agreement.pdf.signer', { name: signature.signerName }))
    if (signature.signerOrganisation) lines.push(t('agreement.pdf.signerOrganisation', { organisation: signature.signerOrganisation }))
    if (signature.certificateIssuer) lines.push(t('agreement.pdf.issuer', { issuer: signature.certificateIssuer }))
    if (signature.signingTime) lines.push(t('agreement.pdf.signingTime', { time: registerTime(signature.signingTime) }))
    if (signature.trust) lines.push(t('agreement.pdf.trust', { trust: trustLabel(signature.trust) }))
  }
  if (signature.fileSha256) lines.push(t('agreement.pdf.fileSha', { sha: groupedHash(signature.fileSha256) }))
  return lines.join('\n')
}

function registerView(signing: NonNullable<AgreementSnapshot['signing']>): AgreementRegisterView {
  return {
    frozenShaLabel: t('agreement.pdf.frozenSha', { version: signing.frozenVersion }),
    frozenSha: signing.frozenSha256,
    rows: signing.signatures.map((signature, index) => [
      `${index + 1}.`,
      [signature.name, signature.position, signature.party].filter((line) => line.trim()).join('\n'),
      methodLabel(signature.method),
      registerTime(signature.signedAt),
      signatureDetails(signature),
    ]),
  }
}

function verificationView(snapshot: AgreementSnapshot): VerificationView | null {
  const verification = snapshot.verification
  if (!verification) return null
  return {
    codeLine: t('verify.pdf.code', { code: verification.code }),
    url: verification.verifyUrl,
    publishedLine: snapshot.concludedOn
      ? t('agreement.pdf.verificationConcluded', { date: formatLongDay(snapshot.concludedOn) })
      : t('agreement.pdf.verificationFrozen', { date: formatDateTime(snapshot.updatedAt) }),
    qrAlt: t('verify.pdf.qrAlt', { url: verification.verifyUrl }),
  }
}

/** „porozumienie-mops-das-0711-3-2014.pdf”, „aneks-….pdf”. */
export function agreementFileName(snapshot: Pick<AgreementSnapshot, 'number' | 'annexOf'>): string {
  const slug = snapshot.number
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return t(snapshot.annexOf ? 'agreement.pdf.annexFileName' : 'agreement.pdf.fileName', { slug })
}

/** The record's date is its last signature's, so that the same signatures give the same bytes. */
function createdAtOf(snapshot: AgreementSnapshot): Date {
  const signedAt = snapshot.signing?.signatures.map((signature) => signature.signedAt).sort() ?? []
  return new Date(signedAt.at(-1) ?? snapshot.updatedAt)
}

/**
 * Everything the agreement's PDF prints, formatted, from the snapshot alone: the frozen version's
 * snapshot always gives the same view, and so the same bytes its signatories signed.
 */
export function buildAgreementView(snapshot: AgreementSnapshot): AgreementPdfView {
  const annexOf = snapshot.annexOf
  const references = partyReferences(snapshot.parties)
  const date = snapshot.concludedOn ? formatLongDay(snapshot.concludedOn) : t('agreement.pdf.dateToFill')
  const place = placePhrase(snapshot.place)
  return {
    meta: {
      title: annexOf
        ? t('agreement.pdf.annexTitle', { number: snapshot.number, agreement: annexOf.number, title: snapshot.title })
        : t('agreement.pdf.title', { number: snapshot.number, title: snapshot.title }),
      author: snapshot.bodyName,
      subject: t('agreement.pdf.subject', { body: snapshot.bodyName, subject: snapshot.subject.trim() || snapshot.title }),
      keywords: [t('agreement.pdf.documentKind'), snapshot.number, ...snapshot.parties.map((party) => party.name)],
      createdAt: createdAtOf(snapshot),
    },
    watermark: DRAFT_STATES.includes(snapshot.state) ? t('agreement.pdf.watermark') : null,
    heading: annexOf
      ? t('agreement.pdf.annexHeading', { number: snapshot.number, agreement: annexOf.number })
      : t('agreement.pdf.heading', { number: snapshot.number }),
    title: snapshot.title,
    opening: t(annexOf ? 'agreement.pdf.annexConcluded' : 'agreement.pdf.concluded', { date, place }),
    parties: snapshot.parties.map((party, index) => partyView(party, references[index]!)),
    between: t('agreement.pdf.between'),
    together: t('agreement.pdf.together'),
    paragraphs: snapshot.paragraphs.map((paragraph) => ({
      number: paragraph.number,
      title: paragraph.title.trim(),
      clauses: agreementClauses(paragraph.body),
    })),
    signatures: snapshot.parties.map((party) => ({
      party: party.name,
      signatories: party.signatories.map((signatory) => ({ name: signatory.name, position: signatory.position })),
    })),
    register: snapshot.signing ? registerView(snapshot.signing) : null,
    verification: verificationView(snapshot),
    fileName: agreementFileName(snapshot),
  }
}
