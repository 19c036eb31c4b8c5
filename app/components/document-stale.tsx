import type { ReactNode } from 'react'
import { useLang, useT } from '~/i18n/use-t'
import { formatDateTime } from '~/utils/format'

/** After a stale save: the text saved meanwhile, read-only, beside the writer's own. */
export function SavedNow({ id, label, children }: { id?: string; label: string; children: ReactNode }) {
  return (
    <div className="minutes-saved-now" id={id}>
      <p className="minutes-saved-now__label">{label}</p>
      <div className="prewrap">{children}</div>
    </div>
  )
}

/**
 * The alert over an editor whose save was stale: who saved meanwhile and when, that nothing of
 * the writer's is lost, and how to merge (`merge`), or that there is nothing to merge (null).
 */
export function StaleAlert({
  title,
  savedBy,
  savedAt,
  merge,
}: {
  title: string
  savedBy: string | null
  savedAt: string
  merge: string | null
}) {
  const t = useT()
  const lang = useLang()
  return (
    <div className="notice notice--error" role="alert">
      <p>
        <strong>{title}</strong>{' '}
        {t('document.stale.by', { name: savedBy ?? t('document.stale.someone'), when: formatDateTime(savedAt, lang) })}
      </p>
      <p>{t('document.stale.kept')}</p>
      <p>{merge ?? t('document.stale.noDifference')}</p>
    </div>
  )
}
