/** Polish texts of the minutes: editor, reader, approval cycle, comments and versions. Every key here must exist in ../en/minutes.ts too. */
export const minutes = {
  'minutes.error.wrongState': 'Tego kroku nie można wykonać w obecnym stanie notatki.',
  'minutes.error.unresolvedComments': 'Najpierw rozstrzygnij wszystkie uwagi.',
  'minutes.error.deadlinePast': 'Termin na uwagi musi przypadać w przyszłości.',
  'minutes.error.publicMeetingOnly': 'Publicznie można opublikować tylko notatkę ze spotkania publicznego zespołu publicznego.',
  'minutes.error.stale': 'Notatka zmieniła się w międzyczasie. Odśwież stronę i spróbuj ponownie.',
} as const
