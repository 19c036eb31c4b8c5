import type { MinutesActionItem, MinutesParticipant, MinutesSnapshot } from '~/models/minutes.server'
import { compareSections, compareText, pair, whole, type ItemComparison, type SectionComparison } from './document-compare'
import { diffLines, diffText, hasChanges, type WordChange } from './word-diff'

export const comparedFields = ['topic', 'place', 'preparedBy', 'approvedBy', 'approvedOn'] as const
export type ComparedField = (typeof comparedFields)[number]

/** Two versions of the minutes side by side, as the comparison page shows them. */
export type MinutesComparison = {
  fields: { field: ComparedField; changes: WordChange[] }[]
  sections: SectionComparison[]
  participants: WordChange[]
  actionItems: ItemComparison[]
  changed: boolean
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
