import { Fragment } from 'react'
import { useT } from '~/i18n/use-t'
import type { WordChange } from '~/utils/word-diff'

/**
 * A comparison as text: removed words struck through in <del>, inserted ones underlined in
 * <ins>, each announced to screen readers („usunięto:”, „dodano:”), which do not read the
 * elements themselves. Spacing and line breaks are kept (CSS `white-space: pre-wrap`).
 */
export function WordDiff({ changes, empty }: { changes: WordChange[]; empty?: string }) {
  const t = useT()
  if (!changes.length) return empty ? <span className="muted">{empty}</span> : null
  return (
    <span className="word-diff">
      {changes.map((change, i) => {
        if (change.kind === 'same') return <Fragment key={i}>{change.text}</Fragment>
        const Tag = change.kind === 'removed' ? 'del' : 'ins'
        return (
          <Fragment key={i}>
            <span className="visually-hidden">{t(change.kind === 'removed' ? 'document.diff.removed' : 'document.diff.added')} </span>
            <Tag>{change.text}</Tag>
          </Fragment>
        )
      })}
    </span>
  )
}
