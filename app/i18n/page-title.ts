import { isLang, translator, type MessageKey } from './messages'

type Match = { id: string; data: unknown }

/** The page's language, from the root loader's data, as the page itself is shown. */
function langOf(matches: Match[]) {
  const lang = (matches.find((m) => m.id === 'root')?.data as { lang?: unknown } | undefined)?.lang
  return isLang(lang) ? lang : 'pl'
}

/** A route's `meta`: the title in the chosen language, „Zespoły — Narada”; „Narada” alone without a key. */
export function pageTitle(matches: Match[], key: MessageKey | null, params?: Record<string, string | number>) {
  return [{ title: key ? `${translator(langOf(matches))(key, params)} — Narada` : 'Narada' }]
}

/** A meeting's tab: „Obecność — spotkanie nr 3: Współpraca OPS i PUP — Narada”, from the meeting route's data. */
export function meetingPageTitle(matches: Match[], part: MessageKey) {
  const data = matches.find((m) => m.id === 'routes/meetings.$meetingId')?.data as
    { meeting?: { number: number; topic: string } | null } | undefined
  const meeting = data?.meeting
  if (!meeting) return pageTitle(matches, part)
  const t = translator(langOf(matches))
  return pageTitle(matches, 'title.meetingPart', { part: t(part), number: meeting.number, topic: meeting.topic })
}
