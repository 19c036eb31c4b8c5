import { Markup } from '~/components/markup'
import { useLang, useT } from '~/i18n/use-t'
import { formatDateTime, formatDay } from '~/utils/format'

export type FrozenMinutes = {
  topic: string
  place: string | null
  startsAt: string
  participants: { organisation: string | null; name: string; role: string | null }[]
  sections: { id: number; title: string; body: string }[]
  actionItems: { id: number; text: string; owner: string | null; dueText: string | null; dueDate: string | null }[]
  preparedBy: string | null
  approvedBy: string | null
  approvedOn: string | null
}

function byOrganisation<T extends { organisation: string | null }>(rows: T[]) {
  const groups: { organisation: string | null; rows: T[] }[] = []
  for (const row of rows) {
    const last = groups.at(-1)
    if (last && last.organisation === row.organisation) last.rows.push(row)
    else groups.push({ organisation: row.organisation, rows: [row] })
  }
  return groups
}

/** One frozen version of the minutes, read as it was: nothing here comes from the live rows. */
export function FrozenMinutesText({ minutes }: { minutes: FrozenMinutes }) {
  const t = useT()
  const lang = useLang()
  const day = (value: string) => formatDay(value, lang)
  return (
    <article className="minutes" aria-labelledby="frozen-topic">
      <h3 id="frozen-topic">{minutes.topic}</h3>
      <dl className="details">
        <dt>{t('minutesReview.field.place')}</dt>
        <dd>{minutes.place ?? '—'}</dd>
        <dt>{t('minutesReview.version.meetingDay')}</dt>
        <dd>{formatDateTime(minutes.startsAt, lang)}</dd>
      </dl>
      <h4>{t('minutesReview.compare.participants')}</h4>
      {minutes.participants.length ? (
        <ul>
          {byOrganisation(minutes.participants).map((group, i) => (
            <li key={i}>
              <strong>{group.organisation ?? '—'}</strong>
              <ul>
                {group.rows.map((p, j) => (
                  <li key={j}>{p.role ? `${p.name} — ${p.role}` : p.name}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('minutesReview.compare.noParticipants')}</p>
      )}
      {minutes.sections.map((section) => (
        <section key={section.id} aria-labelledby={`frozen-section-${section.id}`}>
          <h4 id={`frozen-section-${section.id}`}>{section.title}</h4>
          <Markup source={section.body} empty={t('minutesReview.version.emptySection')} />
        </section>
      ))}
      <h4>{t('minutesReview.compare.actionItems')}</h4>
      {minutes.actionItems.length ? (
        <ul>
          {minutes.actionItems.map((item) => (
            <li key={item.id}>
              {[item.text, item.owner, item.dueText ?? (item.dueDate ? day(item.dueDate) : null)].filter(Boolean).join(' — ')}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('minutesReview.version.noActionItems')}</p>
      )}
      <dl className="details">
        <dt>{t('minutesReview.field.preparedBy')}</dt>
        <dd>{minutes.preparedBy ?? '—'}</dd>
        <dt>{t('minutesReview.field.approvedBy')}</dt>
        <dd>
          {minutes.approvedBy ? [minutes.approvedBy, minutes.approvedOn ? day(minutes.approvedOn) : null].filter(Boolean).join(', ') : '—'}
        </dd>
      </dl>
    </article>
  )
}
