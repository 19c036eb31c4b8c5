/** Polish texts of the bodies pages. Every key here must exist in ../en/bodies.ts too. */
export const bodies = {} as const
