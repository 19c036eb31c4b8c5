/** Polish texts of the distribution builder and the list of distributions. Every key here must exist in ../en/distribution.ts too. */
export const distribution = {} as const
