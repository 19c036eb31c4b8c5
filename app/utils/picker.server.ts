import type { SubmissionResult } from '@conform-to/react'
import { requireBody, requireMeeting } from '~/auth/access.server'
import { can } from '~/auth/permissions'
import { getUser, notFound } from '~/auth/require.server'
import { directory } from '~/models/directory-search.server'
import { queryName, SEARCH_STEP, type PickerKind, type PickerOption, type PickerState } from './picker'

/** A form's pickers: each field's name and what it chooses. */
export type PickerFields = Record<string, PickerKind>

/**
 * What a form's pickers need back from a submission: the search asked for by a picker's
 * „Szukaj” button (without JavaScript), and the labels of every value chosen so far.
 */
export function readPickers(formData: FormData, fields: PickerFields): PickerState {
  const typed = (name: string) => String(formData.get(queryName(name)) ?? '').slice(0, 100)
  // Enter in any text field sends the form with its first submit button, often a picker's
  // „Szukaj”: the search is for the picker whose box holds text, and with every box empty
  // it was no search at all, but the form being sent.
  const asked = String(formData.get(SEARCH_STEP) ?? '')
  const field = [asked, ...Object.keys(fields)].find((name) => Object.hasOwn(fields, name) && typed(name).trim() !== '')
  const kind = field === undefined || !formData.has(SEARCH_STEP) ? undefined : fields[field]
  const query = field === undefined ? '' : typed(field)
  return {
    search: kind && field !== undefined ? { field, query, options: directory[kind].search({ q: query }) } : null,
    labels: chosenLabels(fields, (name) => formData.getAll(name).map(String)),
  }
}

/** The labels of the values already in a form's pickers, e.g. a saved item's speakers. */
export function chosenLabels(fields: PickerFields, valuesOf: (field: string) => string[]): Record<string, string> {
  const byKind = new Map<PickerKind, string[]>()
  for (const [field, kind] of Object.entries(fields)) byKind.set(kind, [...(byKind.get(kind) ?? []), ...valuesOf(field).filter(Boolean)])
  return Object.assign({}, ...[...byKind].map(([kind, values]) => directory[kind].labels(values)))
}

/**
 * A submission sent back for a search step, or to load a list: the form keeps every input
 * and reports no errors, as after a validation round in the browser.
 */
export function keptInput(submission: { reply(): SubmissionResult<string[]> }): SubmissionResult<string[]> {
  return { ...submission.reply(), status: undefined, error: undefined, intent: { type: 'validate', payload: {} } }
}

/**
 * The search route's answer for `?q=…&meeting=<id>` or `&body=<id>`: only those who manage
 * that meeting or team may search; with `&directory=1`, the directory's editors. Anyone else: 404.
 */
export async function searchDirectory(request: Request, kind: PickerKind): Promise<{ options: PickerOption[] }> {
  const params = new URL(request.url).searchParams
  const meetingId = params.get('meeting')
  const bodyId = params.get('body')
  if (meetingId) await requireMeeting(request, { meetingId }, 'meeting.manage')
  else if (bodyId) await requireBody(request, { bodyId }, 'body.manage')
  else if (params.get('directory') !== '1' || !can(await getUser(request), 'directory.edit')) throw notFound()
  return { options: directory[kind].search({ q: (params.get('q') ?? '').slice(0, 100) }) }
}
