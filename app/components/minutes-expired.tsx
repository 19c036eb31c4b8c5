import type { Translate } from '~/i18n/messages'
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

const ROW = /^(participants|sections)\[(\d+)\]\.(organisation|name|role|title|body)$/

/** A submitted field as the writer knows it („Część 3 — treść”); null for technical fields. */
function fieldLabel(t: Translate, name: string): string | null {
  const row = ROW.exec(name)
  if (row) {
    const n = Number(row[2]) + 1
    return row[1] === 'sections'
      ? t(`minutes.expired.section.${row[3] as 'title' | 'body'}`, { n })
      : t(`minutes.participant.${row[3] as 'organisation' | 'name' | 'role'}N`, { n })
  }
  switch (name) {
    case 'topic':
    case 'place':
    case 'preparedBy':
      return t(`minutes.field.${name}`)
    case 'commentsDueAt':
      return t('minutes.cycle.commentsDueAt')
    case 'approvedBy':
      return t('minutes.cycle.approvedBy')
    case 'approvedOn':
      return t('minutes.cycle.approvedOn')
    case 'visibility':
      return t('minutes.cycle.visibility')
    default:
      return null
  }
}

/**
 * The page a save gets when its session has expired: nothing was saved and nothing is lost.
 * The writer signs in in another tab and sends the very same fields again — with the same
 * revision, so a change made meanwhile by someone else is still caught.
 */
export function MinutesSessionExpired({ meetingId, submission }: { meetingId: number; submission: ExpiredSubmission }) {
  const t = useT()
  const saving = submission.fields.some(([name, value]) => name === 'intent' && value === 'save')
  const visible = submission.fields.flatMap(([name, value]) => {
    const label = fieldLabel(t, name)
    return label && value.trim() ? [{ name, label, value }] : []
  })
  return (
    <section aria-labelledby="minutes-expired-title" className="minutes-expired">
      <h2 id="minutes-expired-title">{t('minutes.expired.title')}</h2>
      <p className="notice notice--error" role="alert">
        {t('minutes.expired.notSaved')}
      </p>
      <ol>
        <li>
          {t('minutes.expired.step1')}{' '}
          <a href="/login" target="_blank" rel="noopener">
            {t('minutes.expired.signIn')}
          </a>
        </li>
        <li>{t('minutes.expired.step2')}</li>
      </ol>
      <form method="post" action={`/meetings/${meetingId}/minutes${saving ? '?edit' : ''}`}>
        {submission.fields.map(([name, value], i) => (
          <input key={i} type="hidden" name={name} value={value} />
        ))}
        <button type="submit">{t('minutes.expired.resubmit')}</button>
      </form>
      <h3>{t('minutes.expired.yourText')}</h3>
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
        <p className="muted">{t('minutes.expired.noText')}</p>
      )}
    </section>
  )
}
