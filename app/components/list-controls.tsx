import { Link } from '@remix-run/react'
import { useT } from '~/i18n/use-t'

/** The submit and reset of a GET filter form: the reset is a link to the bare list. */
export function FilterActions({ clearTo }: { clearTo: string }) {
  const t = useT()
  return (
    <div className="actions">
      <button type="submit">{t('common.filter')}</button>
      <Link to={clearTo}>{t('common.clearFilters')}</Link>
    </div>
  )
}

/** Previous and next links for a paged list; `href(n)` keeps the list's filters. */
export function Pagination({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  const t = useT()
  if (pages <= 1) return null
  return (
    <nav className="pagination" aria-label={t('common.page', { page, pages })}>
      {page > 1 ? <Link to={href(page - 1)}>{t('common.previous')}</Link> : null}
      <span>{t('common.page', { page, pages })}</span>
      {page < pages ? <Link to={href(page + 1)}>{t('common.next')}</Link> : null}
    </nav>
  )
}
