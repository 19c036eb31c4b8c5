import type { directory as pl } from '../pl/directory'

export const directory: Record<keyof typeof pl, string> = {
  'directory.kinds': 'Kinds of institution',
  'directory.counties': 'Counties',
  'directory.municipalities': 'Municipalities',
  'directory.placesHint': 'Institutions in any of the chosen counties or municipalities.',
  'directory.activeFilter': 'Filter: {filter}',
  'directory.chosen': 'Chosen in the filter',
  'directory.removeChoice': 'Remove from the filter',
  'directory.nameContains': 'name contains „{q}”',
  'directory.archivedOnly': 'archived',
  'directory.export': 'Export to CSV',
  'directory.exportHint': 'The file holds every institution of this filter, not only this page.',
}
