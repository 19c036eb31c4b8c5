import type { DocumentVisibility, OrganisationKind, RecommendationState } from '#db/schema/enums'

/** One numbered recommendation inside a chapter („1.2.”): its own addressees and time frame, if it names them. */
export type RecommendationItem = {
  id: number
  /** „1.2.”: derived from the order when the snapshot is taken. */
  number: string
  title: string
  /** Markup (app/utils/markup.ts): paragraphs, lists, emphasis. */
  body: string
  /** Empty: the document's addressees. */
  addresseeKinds: OrganisationKind[]
  /** A suggested time frame in the team's own words („do końca 2015 r.”, „na bieżąco”). */
  timeFrame: string | null
}

export type RecommendationChapter = {
  id: number
  /** „1.” */
  number: string
  title: string
  /** An introduction to the chapter, markup; may be empty. */
  body: string
  items: RecommendationItem[]
}

/** A member institution of the team while the text was drafted, with its delegate and deputy. */
export type RecommendationMember = { organisation: string; kind: OrganisationKind; delegate: string | null; deputy: string | null }

export type RecommendationAnnex = { id: number; title: string; fileName: string; sizeBytes: number; sha256: string }

export type RecommendationPublication = {
  code: string
  verifyUrl: string
  publishedAt: string
  publishedBy: string | null
}

/**
 * A recommendation document as a whole, as frozen in a version and as printed: everything the
 * reader and the PDF need, resolved to names. Published versions are rendered from this alone.
 */
export type RecommendationSnapshot = {
  documentId: number
  bodyId: number
  bodyName: string
  /** The platform or centre that convenes the team („Regionalny Ośrodek Polityki Społecznej w Krakowie”). */
  convener: string
  /** The umbrella the team sits under, if any („Regionalna Platforma Współpracy…”). */
  umbrella: string | null
  title: string
  summary: string
  addresseeKinds: OrganisationKind[]
  chapters: RecommendationChapter[]
  annexes: RecommendationAnnex[]
  /** The team's institutions during drafting (the seats held between the document's start and its adoption). */
  members: RecommendationMember[]
  fundingNotice: string | null
  state: RecommendationState
  visibility: DocumentVisibility
  /** Set once adopted. */
  adoption: { meetingId: number; meetingNumber: number; adoptedOn: string } | null
  /** Set at publication („ROPS-KR/REK/1/2014”). */
  number: string | null
  publication: RecommendationPublication | null
  /** When the text was last saved: the draft PDF's date, so that the same text gives the same bytes. */
  updatedAt: string
}
