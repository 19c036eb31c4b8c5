import type { OrganisationFilter } from '~/schemas/directory'
import type { PickerState } from './picker'
import { chosenLabels, readPickers, type PickerFields } from './picker.server'

const places: PickerFields = { county: 'counties', municipality: 'municipalities' }

/**
 * The place pickers of a search of the directory, from its query string: the labels of the
 * chosen places and, without JavaScript, the matches of a „Szukaj” (`?search=county&county-query=…`).
 */
export function filterPickers(params: URLSearchParams, filter: OrganisationFilter): PickerState {
  if (!params.has('search'))
    return { search: null, labels: chosenLabels(places, (name) => (name === 'county' ? filter.county : filter.municipality) ?? []) }
  const formData = new FormData()
  for (const [name, value] of params) formData.append(name, value)
  return readPickers(formData, places)
}
