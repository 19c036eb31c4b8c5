import type { picker as pl } from '../pl/picker'

export const picker: Record<keyof typeof pl, string> = {
  'picker.hint.people': 'Type part of a first name, surname or institution.',
  'picker.hint.organisations': "Type part of an institution's name or abbreviation.",
  'picker.hint.owners': "Type part of an institution's name or of a person's name.",
  'picker.hint.counties': "Type part of a county's or city county's name.",
  'picker.hint.municipalities': "Type part of a municipality's name.",
  'picker.noJsHint': 'Use the „Search” button, then tick your choice in the list.',
  'picker.search.people': 'Search for a person',
  'picker.search.organisations': 'Search for an institution',
  'picker.search.owners': 'Search for an institution or person',
  'picker.search.counties': 'Search for a county',
  'picker.search.municipalities': 'Search for a municipality',
  'picker.chosen': 'Chosen',
  'picker.remove': 'Remove',
  'picker.clear': 'Clear the choice',
  'picker.nobody': 'nobody (no choice)',
  'picker.count': 'Results: {count}. Choose with the arrow keys and press Enter.',
  'picker.none': 'Nothing found.',
  'picker.found': 'Results for „{query}” ({count}): tick your choice and save the form.',
  'picker.notFound': 'Nothing found for „{query}”.',
  'picker.typeSomething': 'Type what to search for.',
}
