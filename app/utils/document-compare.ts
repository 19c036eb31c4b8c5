import { markupToPlainText } from './markup'
import { diffText, hasChanges, type WordChange } from './word-diff'

export type ChangeStatus = 'same' | 'changed' | 'added' | 'removed'

export type SectionComparison = {
  key: string
  status: ChangeStatus
  /** „1.2. Title”: what the reader calls the section in the newer text. */
  title: string
  /** The title's own changes when it was renamed; null when it was not. */
  titleChanges: WordChange[] | null
  changes: WordChange[]
}

export type ItemComparison = { key: string; status: ChangeStatus; changes: WordChange[] }

/** A section of any document as the comparison reads it: body in markup, compared as plain text. */
export type ComparedSection = { id: number; title: string; body: string }

export function compareText(
  before: string | null | undefined,
  after: string | null | undefined,
): { status: ChangeStatus; changes: WordChange[] } {
  const changes = diffText(before ?? '', after ?? '')
  return { status: hasChanges(changes) ? 'changed' : 'same', changes }
}

export const whole = (kind: 'added' | 'removed', text: string): WordChange[] => (text ? [{ kind, text }] : [])

/**
 * Pairs the items of two lists, first by id and then, for those left over, by a second key
 * (a section renamed keeps its id; one removed and added again keeps its title). Returns the
 * newer list in its order, each removed item placed after the one it followed before.
 */
export function pair<T extends { id: number }>(before: T[], after: T[], secondKey: (item: T) => string) {
  const matchOf = new Map<T, T>()
  const taken = new Set<T>()
  for (const item of after) {
    const match = before.find((old) => old.id === item.id && !taken.has(old))
    if (match) {
      matchOf.set(item, match)
      taken.add(match)
    }
  }
  for (const item of after) {
    if (matchOf.has(item)) continue
    const match = before.find((old) => !taken.has(old) && secondKey(old) === secondKey(item))
    if (match) {
      matchOf.set(item, match)
      taken.add(match)
    }
  }
  const rows: { before: T | null; after: T | null }[] = after.map((item) => ({ before: matchOf.get(item) ?? null, after: item }))
  let insertAt = 0
  before.forEach((old) => {
    if (taken.has(old)) {
      insertAt = rows.findIndex((row) => row.before === old) + 1
      return
    }
    rows.splice(insertAt, 0, { before: old, after: null })
    insertAt += 1
  })
  return rows
}

/**
 * Two lists of sections word by word: matched by id, then by title; added and removed ones
 * shown whole. Bodies are compared as plain text: a change of emphasis alone is not shown.
 */
export function compareSections(before: ComparedSection[], after: ComparedSection[]): SectionComparison[] {
  return pair(before, after, (s) => s.title.trim().toLowerCase()).map(({ before: old, after: now }) => {
    if (!old)
      return {
        key: `s${now!.id}`,
        status: 'added',
        title: now!.title,
        titleChanges: null,
        changes: whole('added', markupToPlainText(now!.body)),
      }
    if (!now)
      return {
        key: `s${old.id}`,
        status: 'removed',
        title: old.title,
        titleChanges: null,
        changes: whole('removed', markupToPlainText(old.body)),
      }
    const title = compareText(old.title, now.title)
    const body = compareText(markupToPlainText(old.body), markupToPlainText(now.body))
    const status = title.status === 'changed' || body.status === 'changed' ? 'changed' : 'same'
    return {
      key: `s${now.id}`,
      status,
      title: now.title,
      titleChanges: title.status === 'changed' ? title.changes : null,
      changes: body.changes,
    }
  })
}
