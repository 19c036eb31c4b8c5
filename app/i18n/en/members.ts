import type { members as pl } from '../pl/members'

export const members: Record<keyof typeof pl, string> = {
  'members.bulkTitle': 'Add several institutions at once',
  'members.bulkLead': 'Search the directory, tick the institutions and add them all with one start date.',
  'members.searchLegend': 'Search the directory of institutions',
  'members.search': 'Search institutions',
  'members.results': 'Search results',
  'members.toAdd': 'Institutions to add',
  'members.selectPage': 'Select all on this page',
  'members.alreadyMember': 'already in the team',
  'members.start': 'Start of membership',
  'members.startToday': 'today ({date})',
  'members.startTeam': "from the team's start ({date})",
  'members.startTeamHint':
    "The team's start is the day its earliest membership began or, for a team without members, the day it was entered in Narada.",
  'members.startOther': 'another day',
  'members.otherDate': 'Another start date',
  'members.addSelected': 'Add the selected institutions',
  'members.added.one': 'Added {count} institution to the team.',
  'members.added.few': 'Added {count} institutions to the team.',
  'members.added.many': 'Added {count} institutions to the team.',
  'members.validation.chooseInstitutions': 'Select at least one institution.',
  'members.validation.tooMany': 'At most 200 institutions can be added at once.',
  'members.validation.chooseStart': 'Choose the start date of the membership.',
  'members.validation.otherDate': 'Enter the start date of the membership.',
  'members.validation.alreadyMembers': 'At least one of the selected institutions is already a member of the team in this period.',
}
