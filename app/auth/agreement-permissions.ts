import type { AgreementState, DocumentVisibility } from '#db/schema/enums'
import { isOpenForComments, isPublishedState } from '~/models/document/kinds'
import { canInBody, type BodyAccess } from './body-permissions'

/**
 * `agreement.read`: the record page, the text and its PDF.
 * `agreement.comment`: a remark on a paragraph while the parties negotiate.
 * `agreement.manage`: writing, the parties, the steps of the cycle, scans, termination.
 * `agreement.sign`: signing the frozen PDF in Narada, as one of its signatories.
 * `agreement.uploadSigned`: uploading the frozen PDF signed electronically (PAdES).
 */
export type AgreementAction = 'agreement.read' | 'agreement.comment' | 'agreement.manage' | 'agreement.sign' | 'agreement.uploadSigned'

/**
 * Who the user is to one agreement: how far they see into its convening team, whether they
 * are one of a party's people, and whether they are one of its authorised signatories.
 */
export type AgreementAccess = { team: BodyAccess; party: boolean; signatory: boolean }

export type AgreementStatus = { state: AgreementState; visibility: DocumentVisibility; commentsDueAt: string | null }

/**
 * The parties' people read and comment; the convening team's officers act, and so do the
 * signatories where signing is concerned; nobody else sees an agreement until it is signed and
 * its parties publish it. The team's members who are not parties do not see drafts: an
 * agreement is the parties' business. Pure, so the interface hides what the server would refuse.
 */
export function canInAgreement(access: AgreementAccess, status: AgreementStatus, action: AgreementAction, now = new Date()): boolean {
  const officer = canInBody(access.team, 'body.manage')
  const insider = officer || access.party || access.signatory
  switch (action) {
    case 'agreement.read':
      return insider || (isPublishedState('agreement', status.state) && status.visibility === 'public')
    case 'agreement.comment':
      return insider && isOpenForComments({ kind: 'agreement', ...status }, now)
    case 'agreement.manage':
      return officer
    case 'agreement.sign':
      return access.signatory && status.state === 'ready_to_sign'
    case 'agreement.uploadSigned':
      return (officer || access.signatory) && status.state === 'ready_to_sign'
  }
}
