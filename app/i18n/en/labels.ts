import type { EnumLabels } from '../labels'

/** The English label of every enum value (see ../labels.ts). */
export const labels: EnumLabels = {
  'meetings.state': {
    planned: 'planned',
    invited: 'invitations sent',
    held: 'held',
    cancelled: 'cancelled',
  },
  'agenda.kind': {
    opening: 'Opening',
    presentation: 'Presentation',
    workshop: 'Workshop',
    panel: 'Panel discussion',
    discussion: 'Discussion',
    group_work: 'Group work',
    game: 'Game',
    break: 'Break',
    other: 'Other',
  },
  'actionItems.state': {
    open: 'open',
    done: 'done',
    dropped: 'dropped',
  },
  role: {
    admin: 'administrator',
    officer: 'officer (convenes teams)',
    member: 'member (institution representative)',
  },
  kind: {
    ops: 'social welfare centre (MOPS/GOPS/OPS)',
    pcpr: 'county family support centre (PCPR)',
    pup: 'county labour office (PUP)',
    wup: 'regional labour office (WUP)',
    rops: 'regional social policy centre (ROPS)',
    city_hall: 'city or municipal office',
    ohp: 'Voluntary Labour Corps (OHP)',
    ngo: 'non-governmental organisation',
    cis: 'social integration centre (CIS)',
    school: 'university or school',
    other: 'other institution',
  },
  'bodies.kind': {
    advisory_team: 'Advisory team',
    working_group: 'Working group',
  },
  'bodies.membershipRole': {
    chair: 'chair',
    secretary: 'secretary',
    member: 'member',
  },
  'bodies.officerRole': {
    convenor: 'convenor',
    secretary: 'secretary',
  },
  'invitations.kind': {
    delegate: 'delegate',
    deputy: 'deputy',
    guest: 'guest',
  },
  'invitations.answer': {
    pending: 'No answer',
    yes: 'Yes',
    no: 'No',
    maybe: 'Maybe',
  },
  'invitations.attendance': {
    unknown: 'not recorded',
    present: 'present',
    absent: 'absent',
    excused: 'excused',
  },
  'presentations.visibility': {
    members: 'team members',
    public: 'public',
  },
  'minutes.state': {
    draft: 'draft',
    circulated: 'circulated for comments',
    approved: 'approved',
    published: 'published',
  },
  'minutes.visibility': {
    members: 'for team members',
    public: 'publicly',
  },
  'documents.kind': {
    minutes: 'Meeting minutes',
    recommendation: 'Recommendations',
    agreement: 'Agreement',
  },
  'agreement.state': {
    draft: 'draft',
    negotiation: 'in negotiation',
    ready_to_sign: 'ready to sign',
    signed: 'concluded',
    expired: 'expired',
    terminated: 'terminated',
  },
  'agreement.signatureMethod': {
    narada: 'simple electronic signature in Narada (eIDAS, Art. 3(10))',
    scan: 'scan of a signed paper copy',
    pades: 'PAdES electronic signature (qualified, trusted profile or e-ID)',
  },
  'agreement.trust': {
    verified: 'chain verified',
    notChecked: 'trust not checked',
    failed: 'chain not verified',
  },
  'recommendation.state': {
    drafting: 'being drafted',
    consultation: 'in consultation',
    adopted: 'adopted',
    published: 'published',
    withdrawn: 'withdrawn',
  },
  'distribution.recipientState': {
    not_sent: 'not sent',
    sent: 'sent',
    opened: 'opened',
    confirmed: 'confirmed',
    reported: 'implementation reported',
  },
  'distribution.status': {
    planned: 'implementation planned',
    in_progress: 'being implemented',
    implemented: 'implemented',
    not_applicable: 'not applicable',
  },
}
