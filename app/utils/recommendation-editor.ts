import type { OrganisationKind } from '#db/schema/enums'
import type { RecommendationSnapshot } from '~/models/recommendation-snapshot'

// The recommendation editor's form as plain values: filled from the saved text, read back from
// a submitted form, and changed by the structure buttons (add, remove, move) without saving.
// Shared by the browser and the server.

type Text = string | undefined
export type ItemValues = { id?: Text; title?: Text; body?: Text; addresseeKinds?: string[]; timeFrame?: Text }
export type ChapterValues = { id?: Text; title?: Text; body?: Text; items: ItemValues[] }
export type EditorValues = { title?: Text; summary?: Text; addresseeKinds?: string[]; chapters: ChapterValues[] }

/** A structure button: what it changes, on which chapter (and item), by its position. */
export type StructureChange =
  | { change: 'addChapter' }
  | { change: 'removeChapter' | 'chapterUp' | 'chapterDown' | 'addItem'; chapter: number }
  | { change: 'removeItem' | 'itemUp' | 'itemDown'; chapter: number; item: number }

/** „1.” and „1.2.”: numbers as the reader and the PDF show them, from the order alone. */
export const chapterNumber = (chapter: number) => `${chapter + 1}.`
export const itemNumber = (chapter: number, item: number) => `${chapter + 1}.${item + 1}.`

/** The value of a structure button (`intent`), e.g. `item.up.0.2`; see parseStructureChange. */
export function structureIntent(change: StructureChange): string {
  if (change.change === 'addChapter') return 'structure.addChapter'
  if ('item' in change) return `structure.${change.change}.${change.chapter}.${change.item}`
  return `structure.${change.change}.${change.chapter}`
}

const INTENT =
  /^structure\.(?:(addChapter)|(removeChapter|chapterUp|chapterDown|addItem)\.(\d+)|(removeItem|itemUp|itemDown)\.(\d+)\.(\d+))$/

export function parseStructureChange(intent: string): StructureChange | null {
  const match = INTENT.exec(intent)
  if (!match) return null
  const [, addChapter, chapterChange, chapter, itemChange, itemChapter, item] = match
  if (addChapter) return { change: 'addChapter' }
  if (chapterChange) return { change: chapterChange as 'removeChapter', chapter: Number(chapter) }
  return { change: itemChange as 'removeItem', chapter: Number(itemChapter), item: Number(item) }
}

const emptyItem = (): ItemValues => ({ title: '', body: '', addresseeKinds: [], timeFrame: '' })
const emptyChapter = (): ChapterValues => ({ title: '', body: '', items: [] })

function move<T>(list: T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length || to < 0 || to >= list.length) return list
  const copy = [...list]
  copy.splice(to, 0, ...copy.splice(from, 1))
  return copy
}

/** The form with one structure button's change applied; nothing is saved. */
export function applyStructureChange(values: EditorValues, change: StructureChange): EditorValues {
  const chapters = values.chapters
  const withChapter = (i: number, f: (chapter: ChapterValues) => ChapterValues) => ({
    ...values,
    chapters: chapters.map((chapter, j) => (j === i ? f(chapter) : chapter)),
  })
  switch (change.change) {
    case 'addChapter':
      return { ...values, chapters: [...chapters, emptyChapter()] }
    case 'removeChapter':
      return { ...values, chapters: chapters.filter((_, i) => i !== change.chapter) }
    case 'chapterUp':
      return { ...values, chapters: move(chapters, change.chapter, change.chapter - 1) }
    case 'chapterDown':
      return { ...values, chapters: move(chapters, change.chapter, change.chapter + 1) }
    case 'addItem':
      return withChapter(change.chapter, (c) => ({ ...c, items: [...c.items, emptyItem()] }))
    case 'removeItem':
      return withChapter(change.chapter, (c) => ({ ...c, items: c.items.filter((_, i) => i !== change.item) }))
    case 'itemUp':
      return withChapter(change.chapter, (c) => ({ ...c, items: move(c.items, change.item, change.item - 1) }))
    case 'itemDown':
      return withChapter(change.chapter, (c) => ({ ...c, items: move(c.items, change.item, change.item + 1) }))
  }
}

const text = (value: unknown): Text => (typeof value === 'string' ? value : undefined)
const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v) => typeof v === 'string') : typeof value === 'string' ? [value] : []
const rows = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.map((row) => (row && typeof row === 'object' ? (row as Record<string, unknown>) : {})) : []

/** A submitted form's fields (conform's parsed payload) as the editor's values, the writer's text kept as typed. */
export function valuesFromPayload(payload: Record<string, unknown>): EditorValues {
  return {
    title: text(payload.title),
    summary: text(payload.summary),
    addresseeKinds: list(payload.addresseeKinds),
    chapters: rows(payload.chapters).map((chapter) => ({
      id: text(chapter.id),
      title: text(chapter.title),
      body: text(chapter.body),
      items: rows(chapter.items).map((item) => ({
        id: text(item.id),
        title: text(item.title),
        body: text(item.body),
        addresseeKinds: list(item.addresseeKinds),
        timeFrame: text(item.timeFrame),
      })),
    })),
  }
}

const FIELD = /^chapters\[(\d+)\](?:\.items\[(\d+)\])?\.(id|title|body|timeFrame|addresseeKinds)$/

/** The editor's fields as `FormData` gives them (`chapters[0].items[1].title`…) as its values. */
export function valuesFromEntries(entries: readonly (readonly [string, string])[]): EditorValues {
  const values: Required<Omit<EditorValues, 'chapters'>> & { chapters: ChapterValues[] } = {
    title: '',
    summary: '',
    addresseeKinds: [],
    chapters: [],
  }
  for (const [name, value] of entries) {
    if (name === 'title' || name === 'summary') values[name] = value
    if (name === 'addresseeKinds') values.addresseeKinds.push(value)
    const match = FIELD.exec(name)
    if (!match) continue
    const chapter = (values.chapters[Number(match[1])] ??= { items: [] })
    const field = match[3] as 'id' | 'title' | 'body' | 'timeFrame' | 'addresseeKinds'
    if (match[2] === undefined) {
      if (field !== 'timeFrame' && field !== 'addresseeKinds') chapter[field] = value
      continue
    }
    const item = (chapter.items[Number(match[2])] ??= {})
    if (field === 'addresseeKinds') (item.addresseeKinds ??= []).push(value)
    else item[field] = value
  }
  // A form never skips a position, but a stored draft is read as it is: holes are dropped.
  values.chapters = values.chapters.filter(Boolean).map((chapter) => ({ ...chapter, items: chapter.items.filter(Boolean) }))
  return values
}

const clean = (value: Text) => (value ?? '').replace(/\r\n/g, '\n').trim()
const sortedKinds = (kinds: string[] | undefined) => [...(kinds ?? [])].sort()

/**
 * The editor's text reduced to what a save keeps, ids and spacing ignored: two forms with the
 * same content give the same string, so a draft kept in the browser can be compared with the
 * saved text.
 */
export function recommendationDraftKey(values: EditorValues): string {
  return JSON.stringify({
    title: clean(values.title),
    summary: clean(values.summary),
    addresseeKinds: sortedKinds(values.addresseeKinds),
    chapters: values.chapters.map((chapter) => ({
      title: clean(chapter.title),
      body: clean(chapter.body),
      items: chapter.items.map((item) => ({
        title: clean(item.title),
        body: clean(item.body),
        addresseeKinds: sortedKinds(item.addresseeKinds),
        timeFrame: clean(item.timeFrame),
      })),
    })),
  })
}

export type SavedText = Pick<RecommendationSnapshot, 'title' | 'summary' | 'addresseeKinds' | 'chapters'>

export function valuesFromSnapshot(s: SavedText): EditorValues {
  return {
    title: s.title,
    summary: s.summary,
    addresseeKinds: [...s.addresseeKinds],
    chapters: s.chapters.map((chapter) => ({
      id: String(chapter.id),
      title: chapter.title,
      body: chapter.body,
      items: chapter.items.map((item) => ({
        id: String(item.id),
        title: item.title,
        body: item.body,
        addresseeKinds: [...item.addresseeKinds],
        timeFrame: item.timeFrame ?? '',
      })),
    })),
  }
}

/** What is saved now where a stale save's text differs from it, by the form's field names. */
export type StaleInfo = {
  savedBy: string | null
  savedAt: string
  /** `title`, `chapters[1].items[0].body`…: the text saved now of each field that differs. */
  fields: Record<string, string>
  /** `chapters[1]`, `chapters[0].items[2]`: parts the writer has that were removed meanwhile. */
  removed: string[]
  /** Parts added meanwhile, merged into the writer's form so that the next save keeps them. */
  added: string[]
}

const same = (a: Text, b: Text) => (a ?? '').trim().replace(/\r\n/g, '\n') === (b ?? '').trim().replace(/\r\n/g, '\n')
const kinds = (k: string[] | undefined, labelOf: (kind: OrganisationKind) => string) =>
  (k ?? []).map((kind) => labelOf(kind as OrganisationKind)).join(', ')

/**
 * The writer's form after a stale save, merged with what was saved meanwhile: their own text
 * everywhere, the chapters and items added by someone else appended (left out, the next save
 * would delete them), and beside each field whose saved text differs that text, read-only.
 */
export function mergeStale(
  mine: EditorValues,
  saved: SavedText,
  labelOf: (kind: OrganisationKind) => string,
): { values: EditorValues; fields: StaleInfo['fields']; removed: string[]; added: string[] } {
  const now = valuesFromSnapshot(saved)
  const fields: Record<string, string> = {}
  const removed: string[] = []
  const added: string[] = []
  const compare = (name: string, a: Text, b: Text) => {
    if (!same(a, b)) fields[name] = b ?? ''
  }
  compare('title', mine.title, now.title)
  compare('summary', mine.summary, now.summary)
  if (kinds(mine.addresseeKinds, labelOf) !== kinds(now.addresseeKinds, labelOf)) fields.addresseeKinds = kinds(now.addresseeKinds, labelOf)
  const mineChapterIds = new Set(mine.chapters.map((c) => c.id).filter(Boolean))
  const chapters = mine.chapters.map((chapter) => {
    const savedChapter = chapter.id ? now.chapters.find((c) => c.id === chapter.id) : undefined
    const mineItemIds = new Set(chapter.items.map((i) => i.id).filter(Boolean))
    const extra = savedChapter ? savedChapter.items.filter((item) => !mineItemIds.has(item.id)) : []
    return { ...chapter, items: [...chapter.items, ...extra], savedChapter, extra: extra.length }
  })
  const addedChapters = now.chapters.filter((c) => !mineChapterIds.has(c.id))
  const merged = [...chapters, ...addedChapters.map((c) => ({ ...c, savedChapter: c, extra: 0 }))]
  merged.forEach((chapter, ci) => {
    const base = `chapters[${ci}]`
    if (ci >= chapters.length) {
      added.push(base)
      return
    }
    if (chapter.id && !chapter.savedChapter) {
      removed.push(base)
      return
    }
    if (!chapter.savedChapter) return
    compare(`${base}.title`, chapter.title, chapter.savedChapter.title)
    compare(`${base}.body`, chapter.body, chapter.savedChapter.body)
    chapter.items.forEach((item, ii) => {
      const name = `${base}.items[${ii}]`
      if (ii >= chapter.items.length - chapter.extra) return void added.push(name)
      if (!item.id) return
      const savedItem = chapter.savedChapter!.items.find((i) => i.id === item.id)
      if (!savedItem) return void removed.push(name)
      compare(`${name}.title`, item.title, savedItem.title)
      compare(`${name}.body`, item.body, savedItem.body)
      compare(`${name}.timeFrame`, item.timeFrame, savedItem.timeFrame)
      if (kinds(item.addresseeKinds, labelOf) !== kinds(savedItem.addresseeKinds, labelOf))
        fields[`${name}.addresseeKinds`] = kinds(savedItem.addresseeKinds, labelOf)
    })
  })
  const values: EditorValues = {
    ...mine,
    chapters: merged.map(({ savedChapter: _, extra: __, ...chapter }) => chapter),
  }
  return { values, fields, removed, added }
}
