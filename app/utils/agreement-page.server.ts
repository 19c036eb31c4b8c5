import type { AgreementAccess } from '~/auth/agreement-permissions'
import { canInBody } from '~/auth/body-permissions'

/** The parties' people, their signatories and the team's officers: those who see every state and every tab. */
export const isInsider = (access: AgreementAccess) => canInBody(access.team, 'body.manage') || access.party || access.signatory

/** „porozumienie-MOPS-DAS-0711-3-2009.pdf”. */
export const agreementPdfFileName = (number: string, suffix = '') =>
  `porozumienie-${number.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '')}${suffix}.pdf`
