/** Polish texts of the minutes PDF and of the public verification page. Every key here must exist in ../en/verify.ts too. */
export const verify = {
} as const
