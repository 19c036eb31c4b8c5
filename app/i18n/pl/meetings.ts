/** Polish texts of the meetings pages. Every key here must exist in ../en/meetings.ts too. */
export const meetings = {} as const
