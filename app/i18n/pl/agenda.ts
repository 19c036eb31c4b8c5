/** Polish texts of the agenda pages. Every key here must exist in ../en/agenda.ts too. */
export const agenda = {} as const
