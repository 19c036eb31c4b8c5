import type { ReactNode } from 'react'

/**
 * A table wider than a phone scrolls inside this region instead of widening the page (WCAG 1.4.10).
 * The region is named by the table's caption or heading and takes focus, so that a keyboard can
 * scroll it too.
 */
export function TableRegion({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // A scrolling region takes focus so that the arrow keys scroll it (WCAG 2.1.1).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  )
}
