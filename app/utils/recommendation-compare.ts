import type { RecommendationSnapshot } from '~/models/recommendation-snapshot'
import { compareSections, type ComparedSection, type SectionComparison } from './document-compare'
import { diffText, hasChanges, type WordChange } from './word-diff'

export const comparedRecommendationFields = ['title', 'summary', 'addressees'] as const
export type ComparedRecommendationField = (typeof comparedRecommendationFields)[number]

export type RecommendationComparison = {
  fields: { field: ComparedRecommendationField; changes: WordChange[] }[]
  /** Chapters and their items in the newer text's order, each a section of its own. */
  sections: SectionComparison[]
  changed: boolean
}

type Words = {
  /** An institution kind's label. */
  kind: (kind: string) => string
  /** „Sugerowany termin: …”, a line of the item's compared text. */
  timeFrame: (timeFrame: string) => string
  /** „Adresaci: …”, a line of the item's compared text. */
  addressees: (kinds: string) => string
}

/** A snapshot's chapters and items as one list, titled as the reader sees them („1.2. …”). */
function sectionsOf(s: Pick<RecommendationSnapshot, 'chapters'>, words: Words): ComparedSection[] {
  return s.chapters.flatMap((chapter) => [
    { id: chapter.id, title: `${chapter.number} ${chapter.title}`, body: chapter.body },
    ...chapter.items.map((item) => ({
      id: item.id,
      title: `${item.number} ${item.title}`,
      body: [
        item.body,
        item.addresseeKinds.length ? words.addressees(item.addresseeKinds.map(words.kind).join(', ')) : null,
        item.timeFrame ? words.timeFrame(item.timeFrame) : null,
      ]
        .filter(Boolean)
        .join('\n\n'),
    })),
  ])
}

/**
 * What changed from one version of a recommendation document to another: its title, summary
 * and addressees, then each chapter and numbered item word by word (matched by id, then title).
 */
export function compareRecommendations(
  before: Pick<RecommendationSnapshot, 'title' | 'summary' | 'addresseeKinds' | 'chapters'>,
  after: Pick<RecommendationSnapshot, 'title' | 'summary' | 'addresseeKinds' | 'chapters'>,
  words: Words,
): RecommendationComparison {
  const value = (s: typeof before, field: ComparedRecommendationField) =>
    field === 'addressees' ? s.addresseeKinds.map(words.kind).join(', ') : s[field]
  const fields = comparedRecommendationFields
    .map((field) => ({ field, changes: diffText(value(before, field) ?? '', value(after, field) ?? '') }))
    .filter(({ changes }) => hasChanges(changes))
  const sections = compareSections(sectionsOf(before, words), sectionsOf(after, words))
  return { fields, sections, changed: fields.length > 0 || sections.some((s) => s.status !== 'same') }
}
