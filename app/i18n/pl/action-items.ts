/** Polish texts of action items (zadania): lists, forms, states. Every key here must exist in ../en/action-items.ts too. */
export const actionItems = {
} as const
