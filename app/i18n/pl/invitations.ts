/** Polish texts of the invitations pages. Every key here must exist in ../en/invitations.ts too. */
export const invitations = {} as const
