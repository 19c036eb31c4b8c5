import { Fragment } from 'react'
import { parseMarkup, type Span } from '~/utils/markup'

export function Spans({ spans }: { spans: Span[] }) {
  return (
    <>
      {spans.map((span, i) => {
        if (span.bold) return <strong key={i}>{span.text}</strong>
        if (span.italic) return <em key={i}>{span.text}</em>
        return <Fragment key={i}>{span.text}</Fragment>
      })}
    </>
  )
}

/** Minutes text (app/utils/markup.ts) as paragraphs and lists; what was typed stays text. */
export function Markup({ source, empty }: { source: string; empty?: string }) {
  const blocks = parseMarkup(source)
  if (!blocks.length) return empty ? <p className="muted">{empty}</p> : null
  return (
    <div className="markup">
      {blocks.map((block, i) => {
        if (block.kind === 'paragraph') {
          return (
            <p key={i}>
              <Spans spans={block.spans} />
            </p>
          )
        }
        const List = block.ordered ? 'ol' : 'ul'
        return (
          <List key={i}>
            {block.items.map((item, j) => (
              <li key={j}>
                <Spans spans={item} />
              </li>
            ))}
          </List>
        )
      })}
    </div>
  )
}
