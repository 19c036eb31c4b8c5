/** English texts of the distribution builder and the list of distributions. Every key here must exist in ../pl/distribution.ts too. */
export const distribution = {}
