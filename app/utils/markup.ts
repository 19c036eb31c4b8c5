/**
 * The small text format of minutes: paragraphs separated by a blank line, lists whose lines
 * start with „- ”, „* ” or „1. ”, and emphasis with **bold** and _italic_ (or *italic*).
 * Everything else is text: nothing a user types is ever rendered as HTML. Parsed once here
 * and drawn both by React (components/markup.tsx) and by pdfkit (pdf/layout/markup.ts).
 */

export type Span = { text: string; bold?: boolean; italic?: boolean }
export type Block = { kind: 'paragraph'; spans: Span[] } | { kind: 'list'; ordered: boolean; items: Span[][] }

const BULLET = /^\s*[-*•]\s+(.*)$/
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/

export function parseMarkup(source: string): Block[] {
  const blocks: Block[] = []
  let paragraph: string[] = []
  let list: { ordered: boolean; items: string[] } | null = null

  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', spans: parseSpans(paragraph.join(' ')) })
    if (list) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items.map(parseSpans) })
    paragraph = []
    list = null
  }

  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim()
    if (!line) {
      flush()
      continue
    }
    const bullet = BULLET.exec(raw)
    const numbered = bullet ? null : NUMBERED.exec(raw)
    const item = bullet ?? numbered
    if (item) {
      const ordered = Boolean(numbered)
      if (paragraph.length || (list && list.ordered !== ordered)) flush()
      list ??= { ordered, items: [] }
      list.items.push((item[1] ?? '').trim())
    } else if (list && /^\s/.test(raw)) {
      // an indented line continues the list item above it
      list.items[list.items.length - 1] += ` ${line}`
    } else {
      if (list) flush()
      paragraph.push(line)
    }
  }
  flush()
  return blocks
}

/** Splits a line into runs of plain, bold and italic text; unmatched markers stay as typed. */
export function parseSpans(line: string): Span[] {
  const spans: Span[] = []
  const pattern = /\*\*(.+?)\*\*|(?<![\p{L}\p{N}])_(.+?)_(?![\p{L}\p{N}])|(?<![*\p{L}\p{N}])\*(?!\s)([^*]+?)\*(?![*\p{L}\p{N}])/gu
  let last = 0
  for (const match of line.matchAll(pattern)) {
    if (match.index > last) spans.push({ text: line.slice(last, match.index) })
    if (match[1] !== undefined) spans.push({ text: match[1], bold: true })
    else spans.push({ text: match[2] ?? match[3] ?? '', italic: true })
    last = match.index + match[0].length
  }
  if (last < line.length) spans.push({ text: line.slice(last) })
  return spans
}

/** The text without markers: for search, diffs and e-mails. */
export function markupToPlainText(source: string): string {
  return parseMarkup(source)
    .map((block) =>
      block.kind === 'paragraph'
        ? spansText(block.spans)
        : block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '–'} ${spansText(item)}`).join('\n'),
    )
    .join('\n\n')
}

export function spansText(spans: Span[]): string {
  return spans.map((span) => span.text).join('')
}
