import { minutesSectionKinds } from '#db/schema/enums'
import type { AgreementState, DocumentKind, DocumentSectionKind, DocumentState, MinutesState, RecommendationState } from '#db/schema/enums'

/**
 * What makes a kind of document on the core (decision record 16): in which states its text may
 * be edited, in which members comment, which states outsiders may read (through the published
 * version only), and the prefix of its audit actions. A new kind is a new entry here, its own
 * table of fields, its snapshot and its PDF layout.
 */
export type DocumentKindRules<S extends DocumentState = DocumentState> = {
  /** The text (sections and the kind's own fields) may be saved. */
  editable: readonly S[]
  /** Members may comment until the deadline. */
  commenting: S
  /** The kinds of section a comment may be about (besides the whole document). */
  commentedSections: readonly DocumentSectionKind[]
  /** The document was published: its published version is the record, and /verify vouches for it. */
  published: readonly S[]
  /** `minutes.saved`, `recommendation.saved`… and the audit rows' entity type. */
  auditPrefix: DocumentKind
}

export const documentKindRules = {
  minutes: {
    editable: ['draft', 'circulated'],
    commenting: 'circulated',
    commentedSections: minutesSectionKinds,
    published: ['published'],
    auditPrefix: 'minutes',
  },
  recommendation: {
    editable: ['drafting', 'consultation'],
    commenting: 'consultation',
    // Members comment per numbered recommendation; a chapter's introduction is read with them.
    commentedSections: ['recommendation'],
    published: ['published', 'withdrawn'],
    auditPrefix: 'recommendation',
  },
  agreement: {
    // A frozen text is changed only by sending it back to negotiation, which voids its signatures.
    editable: ['draft', 'negotiation'],
    commenting: 'negotiation',
    // The parties' people comment per paragraph (§).
    commentedSections: ['paragraph'],
    // A signed agreement is the record; it stays one when it expires or is terminated.
    published: ['signed', 'expired', 'terminated'],
    auditPrefix: 'agreement',
  },
} as const satisfies {
  minutes: DocumentKindRules<MinutesState>
  recommendation: DocumentKindRules<RecommendationState>
  agreement: DocumentKindRules<AgreementState>
}

export function rulesOf(kind: DocumentKind): DocumentKindRules {
  return documentKindRules[kind]
}

export function isEditable(kind: DocumentKind, state: DocumentState): boolean {
  return rulesOf(kind).editable.includes(state)
}

export function isPublishedState(kind: DocumentKind, state: DocumentState): boolean {
  return rulesOf(kind).published.includes(state)
}

/** Members may comment now: the document is in its kind's commenting state and its deadline is ahead. */
export function isOpenForComments(
  document: { kind: DocumentKind; state: DocumentState; commentsDueAt: string | null },
  now = new Date(),
): boolean {
  return document.state === rulesOf(document.kind).commenting && (!document.commentsDueAt || new Date(document.commentsDueAt) > now)
}
