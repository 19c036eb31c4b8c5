/** Polish texts of the calendar pages. Every key here must exist in ../en/calendar.ts too. */
export const calendar = {} as const
