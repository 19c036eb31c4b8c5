import type { ReactNode } from 'react'

/** After a stale save: the text saved meanwhile, read-only, beside the writer's own. */
export function SavedNow({ id, label, children }: { id?: string; label: string; children: ReactNode }) {
  return (
    <div className="minutes-saved-now" id={id}>
      <p className="minutes-saved-now__label">{label}</p>
      <div className="prewrap">{children}</div>
    </div>
  )
}
