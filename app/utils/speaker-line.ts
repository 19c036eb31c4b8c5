/**
 * „Anna Nowak (MOPS Bolesławiec)”: a speaker or moderator of the agenda, named with the short
 * name of their institution where it has one, so that a programme does not repeat a 95-letter
 * name on every line. Lists that stand as the archive's record of who came (the attendance list,
 * the minutes' participants) keep the full name.
 */
export function speakerLine(person: { name: string; organisation: string | null; organisationShortName?: string | null }): string {
  const institution = person.organisationShortName?.trim() || person.organisation?.trim()
  return institution ? `${person.name} (${institution})` : person.name
}
