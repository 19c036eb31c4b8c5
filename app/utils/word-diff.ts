import { diffArrays, diffWords } from 'diff'

/** One run of text in a comparison: kept, added in the newer text, or removed from the older. */
export type WordChange = { kind: 'same' | 'added' | 'removed'; text: string }

function kindOf(change: { added: boolean; removed: boolean }): WordChange['kind'] {
  return change.added ? 'added' : change.removed ? 'removed' : 'same'
}

/** Neighbouring runs of the same kind as one: fewer <del>/<ins> for a screen reader to announce. */
function merged(changes: WordChange[]): WordChange[] {
  const result: WordChange[] = []
  for (const change of changes) {
    if (!change.text) continue
    const last = result[result.length - 1]
    if (last && last.kind === change.kind) last.text += change.text
    else result.push({ ...change })
  }
  return result
}

/**
 * The changes from one text to another, word by word: each word and each punctuation mark is
 * a token, Polish letters included. A change of spacing alone is no change (the newer text's
 * spacing is kept), so re-wrapping a paragraph does not light it up.
 */
export function diffText(before: string, after: string): WordChange[] {
  return merged(diffWords(before, after).map((change) => ({ kind: kindOf(change), text: change.value })))
}

/**
 * The changes from one list of lines to another, line by line (participants: a person added
 * or removed is one change, not a few words).
 */
export function diffLines(before: string[], after: string[]): WordChange[] {
  return diffArrays(before, after).flatMap((change) => change.value.map((text) => ({ kind: kindOf(change), text })))
}

export function hasChanges(changes: WordChange[]): boolean {
  return changes.some((change) => change.kind !== 'same')
}
