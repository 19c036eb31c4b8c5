/** Polish texts of the public portal: published records by team and year. Every key here must exist in ../en/portal.ts too. */
export const portal = {
} as const
