import { useT } from '~/i18n/use-t'

export type ExpiredSubmission = { sessionExpired: true; fields: [string, string][] }

export function isExpiredSubmission(data: unknown): data is ExpiredSubmission {
  return (
    !!data &&
    typeof data === 'object' &&
    (data as ExpiredSubmission).sessionExpired === true &&
    Array.isArray((data as ExpiredSubmission).fields)
  )
}

/**
 * The page a save gets when its session has expired: nothing was saved and nothing is lost.
 * The writer signs in in another tab and sends the very same fields again (to `action`) — with
 * the same revision, so a change made meanwhile by someone else is still caught. `fieldLabel`
 * names a submitted field as the writer knows it, null for technical fields.
 */
export function DocumentSessionExpired({
  action,
  submission,
  fieldLabel,
  resubmitStep,
}: {
  action: string
  submission: ExpiredSubmission
  fieldLabel: (name: string) => string | null
  /** The second step in the kind's words; by default the generic one. */
  resubmitStep?: string
}) {
  const t = useT()
  const visible = submission.fields.flatMap(([name, value]) => {
    const label = fieldLabel(name)
    return label && value.trim() ? [{ name, label, value }] : []
  })
  return (
    <section aria-labelledby="minutes-expired-title" className="minutes-expired">
      <h2 id="minutes-expired-title">{t('document.expired.title')}</h2>
      <p className="notice notice--error" role="alert">
        {t('document.expired.notSaved')}
      </p>
      <ol>
        <li>
          {t('document.expired.step1')}{' '}
          <a href="/login" target="_blank" rel="noopener">
            {t('document.expired.signIn')}
          </a>
        </li>
        <li>{resubmitStep ?? t('document.expired.step2')}</li>
      </ol>
      <form method="post" action={action}>
        {submission.fields.map(([name, value], i) => (
          <input key={i} type="hidden" name={name} value={value} />
        ))}
        <button type="submit">{t('document.expired.resubmit')}</button>
      </form>
      <h3>{t('document.expired.yourText')}</h3>
      {visible.length ? (
        <dl className="minutes-expired__fields">
          {visible.map((field) => (
            <div key={field.name}>
              <dt>{field.label}</dt>
              <dd className="prewrap">{field.value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted">{t('document.expired.noText')}</p>
      )}
    </section>
  )
}
