// Plain constants, free of drizzle, so that forms in the browser can import them too.

export const organisationKinds = ['ops', 'pcpr', 'pup', 'wup', 'rops', 'city_hall', 'ohp', 'ngo', 'cis', 'school', 'other'] as const
export type OrganisationKind = (typeof organisationKinds)[number]

export const roles = ['admin', 'officer', 'member'] as const
export type Role = (typeof roles)[number]

export const bodyKinds = ['advisory_team', 'working_group'] as const
export type BodyKind = (typeof bodyKinds)[number]

/** The role of a member institution in a body. */
export const membershipRoles = ['chair', 'secretary', 'member'] as const
export type MembershipRole = (typeof membershipRoles)[number]

/** The officers (accounts) who manage a body. */
export const bodyOfficerRoles = ['convenor', 'secretary'] as const
export type BodyOfficerRole = (typeof bodyOfficerRoles)[number]

export const meetingStates = ['planned', 'invited', 'held', 'cancelled'] as const
export type MeetingState = (typeof meetingStates)[number]

export const agendaItemKinds = [
  'opening',
  'presentation',
  'workshop',
  'panel',
  'discussion',
  'group_work',
  'game',
  'break',
  'other',
] as const
export type AgendaItemKind = (typeof agendaItemKinds)[number]

export const invitationKinds = ['delegate', 'deputy', 'guest'] as const
export type InvitationKind = (typeof invitationKinds)[number]

export const invitationResponses = ['pending', 'yes', 'no', 'maybe'] as const
export type InvitationResponse = (typeof invitationResponses)[number]

export const attendanceStates = ['unknown', 'present', 'absent', 'excused'] as const
export type AttendanceState = (typeof attendanceStates)[number]

/** Who may see an attached file: the team's members, or anyone. */
export const presentationVisibilities = ['members', 'public'] as const
export type PresentationVisibility = (typeof presentationVisibilities)[number]

/** The kinds of document kept on one core (db/schema/document.ts): versions, comments, publication. */
export const documentKinds = ['minutes', 'recommendation', 'agreement'] as const
export type DocumentKind = (typeof documentKinds)[number]

/** Who reads a published document: the team's members, or anyone. */
export const documentVisibilities = ['members', 'public'] as const
export type DocumentVisibility = (typeof documentVisibilities)[number]

/** The approval cycle of minutes; every step freezes a version. */
export const minutesStates = ['draft', 'circulated', 'approved', 'published'] as const
export type MinutesState = (typeof minutesStates)[number]

export const minutesVisibilities = documentVisibilities
export type MinutesVisibility = DocumentVisibility

/** A section of the minutes: an intro, one per agenda item, the general discussion, the decisions (ustalenia). */
export const minutesSectionKinds = ['introduction', 'agenda_item', 'discussion', 'decisions', 'other'] as const
export type MinutesSectionKind = (typeof minutesSectionKinds)[number]

/**
 * The cycle of recommendations: drafted, sent to the team for comments until a deadline, adopted
 * at a meeting, published under a number; a published one can be withdrawn with a reason.
 */
export const recommendationStates = ['drafting', 'consultation', 'adopted', 'published', 'withdrawn'] as const
export type RecommendationState = (typeof recommendationStates)[number]

/** A recommendation document is chapters, each holding numbered recommendations (1., 1.1.). */
export const recommendationSectionKinds = ['chapter', 'recommendation'] as const
export type RecommendationSectionKind = (typeof recommendationSectionKinds)[number]

/**
 * The cycle of a cooperation agreement (porozumienie): drafted, negotiated between the parties,
 * frozen as the PDF everyone signs, signed once every party's required signatories have, and
 * then expired at the end of its validity or terminated earlier. A change to a frozen text sends
 * it back to negotiation and voids the signatures collected on it.
 */
export const agreementStates = ['draft', 'negotiation', 'ready_to_sign', 'signed', 'expired', 'terminated'] as const
export type AgreementState = (typeof agreementStates)[number]

/** An agreement's text is its paragraphs (§), each holding its clauses (ust.) and points (pkt) as markup. */
export const agreementSectionKinds = ['paragraph'] as const
export type AgreementSectionKind = (typeof agreementSectionKinds)[number]

/**
 * How a signatory signed the frozen PDF: in Narada (an eIDAS simple electronic signature), a
 * scan of the paper copy uploaded by an officer, or an electronically signed PDF (PAdES:
 * a qualified signature, podpis zaufany or podpis osobisty) checked in code.
 */
export const signatureMethods = ['narada', 'scan', 'pades'] as const
export type SignatureMethod = (typeof signatureMethods)[number]

/** Whether a PAdES signer's certificate chains to a trust anchor the operator installed (TRUST_ANCHORS_DIR). */
export const signatureTrusts = ['verified', 'notChecked', 'failed'] as const
export type SignatureTrust = (typeof signatureTrusts)[number]

export const documentStates = [
  ...minutesStates,
  ...recommendationStates,
  'negotiation',
  'ready_to_sign',
  'signed',
  'expired',
  'terminated',
] as const
export type DocumentState = (typeof documentStates)[number]

export const documentSectionKinds = [...minutesSectionKinds, ...recommendationSectionKinds, ...agreementSectionKinds] as const
export type DocumentSectionKind = (typeof documentSectionKinds)[number]

/** The secretary's decision on a comment: taken into the text, or not. */
export const commentResolutions = ['accepted', 'rejected'] as const
export type CommentResolution = (typeof commentResolutions)[number]

export const actionItemStates = ['open', 'done', 'dropped'] as const
export type ActionItemState = (typeof actionItemStates)[number]

/** How far a recipient institution says it has applied the recommendations (its implementation report). */
export const implementationStatuses = ['planned', 'in_progress', 'implemented', 'not_applicable'] as const
export type ImplementationStatus = (typeof implementationStatuses)[number]

/**
 * Where one recipient of a distribution stands, furthest step first reached: not sent (no
 * address or a refused delivery), sent, opened, confirmed, reported. Computed from its dates.
 */
export const recipientStates = ['not_sent', 'sent', 'opened', 'confirmed', 'reported'] as const
export type RecipientState = (typeof recipientStates)[number]

/** The kinds of job the durable queue runs (app/jobs). */
export const jobKinds = ['mail.deliver', 'distribution.reminder', 'agreement.expiryNotice', 'agreement.expire'] as const
export type JobKind = (typeof jobKinds)[number]
