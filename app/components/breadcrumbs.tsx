import { Link } from '@remix-run/react'

export type Crumb = { to: string; label: string } | { label: string; current: true }

/** The path above a page: links up to the current page, which is named but not linked. */
export function Breadcrumbs({ label, items }: { label: string; items: (Crumb | null | false | undefined)[] }) {
  return (
    <nav aria-label={label}>
      <ol className="breadcrumbs">
        {items
          .filter((item): item is Crumb => !!item)
          .map((item) =>
            'to' in item ? (
              <li key={item.to}>
                <Link to={item.to}>{item.label}</Link>
              </li>
            ) : (
              <li key={item.label} aria-current="page">
                {item.label}
              </li>
            ),
          )}
      </ol>
    </nav>
  )
}
