/** Polish texts of comments on circulated minutes and of the comparison of versions. Every key here must exist in ../en/minutes-review.ts too. */
export const minutesReview = {
} as const
