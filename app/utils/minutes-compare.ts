import type { MinutesActionItem, MinutesParticipant, MinutesSection, MinutesSnapshot } from '~/models/minutes.server'
import { markupToPlainText } from './markup'
import { diffLines, diffText, hasChanges, type WordChange } from './word-diff'

export type ChangeStatus = 'same' | 'changed' | 'added' | 'removed'

export const comparedFields = ['topic', 'place', 'preparedBy', 'approvedBy', 'approvedOn'] as const
export type ComparedField = (typeof comparedFields)[number]

export type SectionComparison = {
  key: string
  status: ChangeStatus
  title: string
  /** The title's own changes when it was renamed; null when it was not. */
  titleChanges: WordChange[] | null
  changes: WordChange[]
}

export type ItemComparison = { key: string; status: ChangeStatus; changes: WordChange[] }

/** Two versions of the minutes side by side, as the comparison page shows them. */
export type MinutesComparison = {
  fields: { field: ComparedField; changes: WordChange[] }[]
  sections: SectionComparison[]
  participants: WordChange[]
  actionItems: ItemComparison[]
  changed: boolean
}

function compareText(before: string | null | undefined, after: string | null | undefined): { status: ChangeStatus; changes: WordChange[] } {
  const changes = diffText(before ?? '', after ?? '')
  return { status: hasChanges(changes) ? 'changed' : 'same', changes }
}

const whole = (kind: 'added' | 'removed', text: string): WordChange[] => (text ? [{ kind, text }] : [])

/**
 * Pairs the items of two lists, first by id and then, for those left over, by a second key
 * (a section renamed keeps its id; one removed and added again keeps its title). Returns the
 * newer list in its order, each removed item placed after the one it followed before.
 */
function pair<T extends { id: number }>(before: T[], after: T[], secondKey: (item: T) => string) {
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

function compareSections(before: MinutesSection[], after: MinutesSection[]): SectionComparison[] {
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

/** „Anna Łęcka, Kierownik Działu — Miejski Ośrodek Pomocy Społecznej” */
export function participantLine(p: MinutesParticipant): string {
  return [p.role ? `${p.name}, ${p.role}` : p.name, p.organisation].filter(Boolean).join(' — ')
}

/** „Zawarcie porozumienia MOPS–PUP — MOPS — najpóźniej w III kwartale 2017 r.” */
export function actionItemLine(item: MinutesActionItem): string {
  return [item.text, item.owner, item.dueText ?? item.dueDate].filter(Boolean).join(' — ')
}

function compareActionItems(before: MinutesActionItem[], after: MinutesActionItem[]): ItemComparison[] {
  return pair(before, after, (item) => item.text.trim().toLowerCase()).map(({ before: old, after: now }) => {
    if (!old) return { key: `a${now!.id}`, status: 'added', changes: whole('added', actionItemLine(now!)) }
    if (!now) return { key: `a${old.id}`, status: 'removed', changes: whole('removed', actionItemLine(old)) }
    return { key: `a${now.id}`, ...compareText(actionItemLine(old), actionItemLine(now)) }
  })
}

/**
 * What changed from one version of the minutes to another: the header's fields, each section
 * word by word (sections matched by id, then by title; added and removed ones shown whole),
 * the participants line by line and the action items. Sections are compared as plain text:
 * a change of emphasis alone is not shown.
 */
export function compareMinutes(before: MinutesSnapshot, after: MinutesSnapshot): MinutesComparison {
  const fields = comparedFields
    .map((field) => ({ field, changes: diffText(before[field] ?? '', after[field] ?? '') }))
    .filter(({ changes }) => hasChanges(changes))
  const sections = compareSections(before.sections, after.sections)
  const participants = diffLines(before.participants.map(participantLine), after.participants.map(participantLine))
  const actionItems = compareActionItems(before.actionItems, after.actionItems)
  const changed =
    fields.length > 0 ||
    sections.some((s) => s.status !== 'same') ||
    hasChanges(participants) ||
    actionItems.some((a) => a.status !== 'same')
  return { fields, sections, participants, actionItems, changed }
}
