/** texts of the recommendation editor */
export const recommendationEditor = {}
