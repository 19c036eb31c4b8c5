import type { AgendaItemKind } from '#db/schema/enums'
import { groupParticipants, normaliseBody } from '~/schemas/minutes'

/** An item titled like this is the meeting's open discussion, whatever its kind. */
const DISCUSSION_TITLE = /^\s*(dyskusja|wolne wnioski)/i

/**
 * Whether new minutes need their own „Dyskusja” after the agenda's sections: not when the
 * agenda already holds the discussion, as an item of the kind „dyskusja” or one titled
 * „Dyskusja…” or „Wolne wnioski…”. The earlier items carried over to this meeting are of the
 * kind „dyskusja” too, but they report on old tasks: they are not the meeting's discussion.
 */
export function needsDiscussionSection(
  agenda: readonly { kind: AgendaItemKind; title: string }[],
  { carryOverTitle }: { carryOverTitle: string },
): boolean {
  const carriedOver = (title: string) => title.trim().toLowerCase() === carryOverTitle.toLowerCase()
  return !agenda.some(
    (item) => item.kind !== 'break' && (DISCUSSION_TITLE.test(item.title) || (item.kind === 'discussion' && !carriedOver(item.title))),
  )
}

/**
 * The text of the minutes editor, reduced to what a save would keep: removed and empty
 * rows dropped, participants grouped, ids and spacing ignored. Two forms with the same
 * content give the same string, so a draft kept in the browser can be compared with the
 * saved text whatever rows the form had.
 */
export type DraftContent = {
  topic: string
  place: string
  preparedBy: string
  participants: { organisation: string | null; name: string; role: string }[]
  sections: { title: string; body: string }[]
}

export function draftKey(content: DraftContent): string {
  return JSON.stringify({
    topic: content.topic.trim(),
    place: content.place.trim(),
    preparedBy: content.preparedBy.trim(),
    participants: groupParticipants(
      content.participants
        .map((p) => ({ organisation: p.organisation?.trim() || null, name: p.name.trim(), role: p.role.trim() }))
        .filter((p) => p.name),
    ),
    sections: content.sections.map((s) => ({ title: s.title.trim(), body: normaliseBody(s.body) })).filter((s) => s.title || s.body),
  })
}

const ROW = /^(participants|sections)\[(\d+)\]\.(\w+)$/

/** The content of the editor's fields as `FormData` gives them: `sections[2].body` and so on. */
export function draftFromEntries(entries: readonly (readonly [string, string])[]): DraftContent {
  const fields = new Map(entries)
  const rows = { participants: new Map<number, Record<string, string>>(), sections: new Map<number, Record<string, string>>() }
  for (const [name, value] of entries) {
    const match = ROW.exec(name)
    if (!match) continue
    const list = rows[match[1] as 'participants' | 'sections']
    const index = Number(match[2])
    list.set(index, { ...list.get(index), [match[3]!]: value })
  }
  const ordered = (list: Map<number, Record<string, string>>) =>
    [...list.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, row]) => row)
      .filter((row) => row.remove !== 'on')
  return {
    topic: fields.get('topic') ?? '',
    place: fields.get('place') ?? '',
    preparedBy: fields.get('preparedBy') ?? '',
    participants: ordered(rows.participants).map((row) => ({
      organisation: row.organisation ?? null,
      name: row.name ?? '',
      role: row.role ?? '',
    })),
    sections: ordered(rows.sections).map((row) => ({ title: row.title ?? '', body: row.body ?? '' })),
  }
}
