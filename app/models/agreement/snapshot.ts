import type { AgreementState, DocumentVisibility, OrganisationKind, SignatureMethod, SignatureTrust } from '#db/schema/enums'

/** A person authorised to sign for a party, as the text names them („reprezentowanym przez: …”). */
export type AgreementSignatorySnapshot = {
  id: number
  personId: number
  name: string
  position: string
  /** The party has signed when each required signatory has. */
  required: boolean
}

/** A party as the text names it: the institution's name and address when the text was frozen. */
export type AgreementPartySnapshot = {
  id: number
  organisationId: number
  name: string
  kind: OrganisationKind
  /** „ul. Jagiellońska 14, 40-032 Katowice”; null when the directory has none. */
  address: string | null
  signatories: AgreementSignatorySnapshot[]
}

/** One paragraph (§): its clauses (ust.) and points (pkt) are the markup of `body` (see clauses.ts). */
export type AgreementParagraph = {
  id: number
  /** „§ 1”: derived from the order when the snapshot is taken. */
  number: string
  title: string
  body: string
}

/** One signature as the signed record prints it. */
export type AgreementSignatureRecord = {
  signatoryId: number
  name: string
  position: string
  party: string
  method: SignatureMethod
  /** When it was given (ISO). */
  signedAt: string
  /** The SHA-256 of the frozen PDF that was signed. */
  pdfSha256: string
  /** PAdES: as the certificate says. */
  signerName: string | null
  signerOrganisation: string | null
  certificateIssuer: string | null
  signingTime: string | null
  trust: SignatureTrust | null
  /** The SHA-256 of the uploaded file (the scan, the signed PDF), kept byte for byte. */
  fileSha256: string | null
}

export type AgreementSource = {
  meetingId: number | null
  meetingTitle: string | null
  actionItemId: number | null
  actionItemText: string | null
}

/**
 * A cooperation agreement as a whole, as frozen in a version and as printed: everything the
 * reader and the PDF need, resolved to names. The frozen PDF everyone signs is rendered from
 * this alone, with `signing` null; the signed agreement's record adds its signatures.
 */
export type AgreementSnapshot = {
  documentId: number
  bodyId: number
  /** The team that convened the work („Zespół ds. współpracy MOPS i PUP w Katowicach”). */
  bodyName: string
  /** The case number (znak sprawy). */
  number: string
  title: string
  subject: string
  /** Where it is concluded: „zawarte w dniu … w Katowicach”. */
  place: string
  validFrom: string // YYYY-MM-DD
  /** Null: for an indefinite period. */
  validTo: string | null
  noticeMonths: number | null
  /** The day the last required signature was given; null until signed („zawarte w dniu …” is left to be filled). */
  concludedOn: string | null
  /** An annex names the agreement it changes. */
  annexOf: { id: number; number: string; title: string } | null
  parties: AgreementPartySnapshot[]
  paragraphs: AgreementParagraph[]
  sources: AgreementSource[]
  state: AgreementState
  visibility: DocumentVisibility
  /** When the text was last saved: the draft PDF's date, so that the same text gives the same bytes. */
  updatedAt: string
  /** The signed agreement's record: the frozen PDF's SHA-256, its version, and every signature. */
  signing: { frozenVersion: number; frozenSha256: string; signatures: AgreementSignatureRecord[] } | null
  /** The code printed on this PDF, for /verify/:code and its QR code. */
  verification: { code: string; verifyUrl: string } | null
}
