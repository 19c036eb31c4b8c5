import {
  actionItemStates,
  agreementStates,
  signatureMethods,
  signatureTrusts,
  type AgreementState,
  type SignatureMethod,
  type SignatureTrust,
  agendaItemKinds,
  attendanceStates,
  bodyKinds,
  bodyOfficerRoles,
  documentKinds,
  implementationStatuses,
  invitationKinds,
  invitationResponses,
  meetingStates,
  membershipRoles,
  minutesStates,
  minutesVisibilities,
  organisationKinds,
  presentationVisibilities,
  recommendationStates,
  recipientStates,
  roles,
  type ActionItemState,
  type AgendaItemKind,
  type AttendanceState,
  type BodyKind,
  type BodyOfficerRole,
  type DocumentKind,
  type ImplementationStatus,
  type InvitationKind,
  type InvitationResponse,
  type MeetingState,
  type MembershipRole,
  type MinutesState,
  type MinutesVisibility,
  type OrganisationKind,
  type PresentationVisibility,
  type RecipientState,
  type RecommendationState,
  type Role,
} from '#db/schema/enums'

/**
 * The one label of every enum value, per language (pl/labels.ts, en/labels.ts), read by the
 * pages, the PDFs, the e-mails and the calendars alike as `t(`meetings.state.${state}`)`.
 * Each group is named by its message-key prefix; a value without a label is a type error.
 */
export type EnumLabels = {
  'meetings.state': Record<MeetingState, string>
  'agenda.kind': Record<AgendaItemKind, string>
  'actionItems.state': Record<ActionItemState, string>
  role: Record<Role, string>
  kind: Record<OrganisationKind, string>
  'bodies.kind': Record<BodyKind, string>
  'bodies.membershipRole': Record<MembershipRole, string>
  'bodies.officerRole': Record<BodyOfficerRole, string>
  'invitations.kind': Record<InvitationKind, string>
  'invitations.answer': Record<InvitationResponse, string>
  'invitations.attendance': Record<AttendanceState, string>
  'presentations.visibility': Record<PresentationVisibility, string>
  'minutes.state': Record<MinutesState, string>
  'minutes.visibility': Record<MinutesVisibility, string>
  'documents.kind': Record<DocumentKind, string>
  'agreement.state': Record<AgreementState, string>
  'agreement.signatureMethod': Record<SignatureMethod, string>
  'agreement.trust': Record<SignatureTrust, string>
  'recommendation.state': Record<RecommendationState, string>
  'distribution.recipientState': Record<RecipientState, string>
  'distribution.status': Record<ImplementationStatus, string>
}

/** The values of each labelled enum, in the schema's order. */
export const labelledEnums: { [G in keyof EnumLabels]: readonly (keyof EnumLabels[G])[] } = {
  'meetings.state': meetingStates,
  'agenda.kind': agendaItemKinds,
  'actionItems.state': actionItemStates,
  role: roles,
  kind: organisationKinds,
  'bodies.kind': bodyKinds,
  'bodies.membershipRole': membershipRoles,
  'bodies.officerRole': bodyOfficerRoles,
  'invitations.kind': invitationKinds,
  'invitations.answer': invitationResponses,
  'invitations.attendance': attendanceStates,
  'presentations.visibility': presentationVisibilities,
  'minutes.state': minutesStates,
  'minutes.visibility': minutesVisibilities,
  'documents.kind': documentKinds,
  'recommendation.state': recommendationStates,
  'agreement.state': agreementStates,
  'agreement.signatureMethod': signatureMethods,
  'agreement.trust': signatureTrusts,
  'distribution.recipientState': recipientStates,
  'distribution.status': implementationStatuses,
}

export type LabelKey = { [G in keyof EnumLabels]: `${G}.${keyof EnumLabels[G] & string}` }[keyof EnumLabels]

/** The labels as dictionary entries: { 'meetings.state.planned': 'zaplanowane', … }. */
export function labelMessages(labels: EnumLabels): Record<LabelKey, string> {
  const entries = Object.entries(labels).flatMap(([group, values]) =>
    Object.entries(values as Record<string, string>).map(([value, label]) => [`${group}.${value}`, label]),
  )
  return Object.fromEntries(entries) as Record<LabelKey, string>
}
