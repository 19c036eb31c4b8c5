import { Link } from '@remix-run/react'
import type { ActionItemState, MinutesState, MinutesVisibility } from '#db/schema/enums'
import { Markup } from '~/components/markup'
import type { Lang, Translate } from '~/i18n/messages'
import { useLang, useT } from '~/i18n/use-t'
import { formatDate, formatDateTime, formatDay, formatDayRange, formatDue } from '~/utils/format'
import { warsawDay } from '~/utils/time'

export type ReaderMinutes = {
  bodyName: string
  meetingNumber: number
  startsAt: string
  endsAt: string
  topic: string
  place: string | null
  participants: { organisation: string | null; name: string; role: string | null }[]
  sections: { id: number; title: string; body: string }[]
  actionItems: { id: number; text: string; owner: string | null; dueText: string | null; dueDate: string | null; state: ActionItemState }[]
  preparedBy: string | null
  approvedBy: string | null
  approvedOn: string | null
  state: MinutesState
  visibility: MinutesVisibility
  commentsDueAt: string | null
  publishedAt: string | null
  publishedBy: string | null
}

/** A day kept as YYYY-MM-DD, formatted like any other date. */

/** „w dniu 16.06.2009 r.”, or „w dniach 14–15 maja 2012 r.” for a meeting of several days. */
export function meetingDayText(t: Translate, startsAt: string, endsAt: string, lang: Lang): string {
  return warsawDay(startsAt) === warsawDay(endsAt)
    ? t('minutes.onDay', { date: formatDate(startsAt, lang) })
    : t('minutes.onDays', { days: formatDayRange(startsAt, endsAt, lang) })
}

/** The state in words, with what matters about it: the deadline, the approval, the publication. */
export function minutesStateText(
  t: Translate,
  m: Pick<ReaderMinutes, 'state' | 'commentsDueAt' | 'approvedBy' | 'approvedOn' | 'publishedAt' | 'publishedBy' | 'visibility'>,
  lang: Lang,
): string {
  switch (m.state) {
    case 'draft':
      return t('minutes.state.draft')
    case 'circulated':
      return m.commentsDueAt
        ? t('minutes.status.circulatedUntil', { deadline: formatDateTime(m.commentsDueAt, lang) })
        : t('minutes.state.circulated')
    case 'approved':
      return t('minutes.status.approvedOnBy', { on: m.approvedOn ? formatDay(m.approvedOn, lang) : '—', by: m.approvedBy ?? '—' })
    case 'published': {
      const when = m.publishedAt ? formatDateTime(m.publishedAt, lang) : '—'
      const audience = t(`minutes.visibility.${m.visibility}`)
      return m.publishedBy
        ? t('minutes.status.publishedBy', { when, by: m.publishedBy, audience })
        : t('minutes.status.published', { when, audience })
    }
  }
}

export function MinutesStateBadge({ minutes }: { minutes: Parameters<typeof minutesStateText>[1] }) {
  const t = useT()
  const lang = useLang()
  return <span className={`badge minutes-state minutes-state--${minutes.state}`}>{minutesStateText(t, minutes, lang)}</span>
}

/** People one after another, gathered under their institution as the minutes list them. */
export function participantGroups<T extends { organisation: string | null }>(rows: readonly T[]) {
  const groups: { organisation: string | null; rows: T[] }[] = []
  for (const row of rows) {
    const last = groups.at(-1)
    if (last && last.organisation === row.organisation) last.rows.push(row)
    else groups.push({ organisation: row.organisation, rows: [row] })
  }
  return groups
}

type ReaderProps = {
  meetingId: number
  minutes: ReaderMinutes
  insider: boolean
  canComment: boolean
  commentCounts: Record<string, number>
}

export function MinutesReader({ meetingId, minutes, insider, canComment, commentCounts }: ReaderProps) {
  const t = useT()
  const lang = useLang()
  const base = `/meetings/${meetingId}/minutes`
  return (
    <article className="minutes" aria-labelledby="minutes-title">
      <header className="minutes__head">
        <p className="minutes__body-name">{minutes.bodyName}</p>
        <h2 id="minutes-title">{t('minutes.title', { number: minutes.meetingNumber })}</h2>
        <p className="minutes__day">{meetingDayText(t, minutes.startsAt, minutes.endsAt, lang)}</p>
        <dl className="details">
          <dt>{t('minutes.topic')}</dt>
          <dd>{minutes.topic}</dd>
          <dt>{t('minutes.place')}</dt>
          <dd>{minutes.place ?? '—'}</dd>
          <dt>{t('minutes.stateLabel')}</dt>
          <dd>
            <MinutesStateBadge minutes={minutes} />
          </dd>
        </dl>
      </header>
      <nav aria-label={t('minutes.linksLabel')} className="minutes__links">
        <ul>
          <li>
            <a href={`/meetings/${meetingId}/minutes.pdf`}>{t('minutes.link.pdf')}</a>
          </li>
          {insider ? (
            <>
              <li>
                <Link to={`${base}/versions`}>{t('minutes.link.versions')}</Link>
              </li>
              <li>
                <Link to={`${base}/comments`}>{t('minutes.link.comments')}</Link>
              </li>
            </>
          ) : null}
        </ul>
      </nav>

      <section aria-labelledby="minutes-participants" className="minutes__participants">
        <h3 id="minutes-participants">{t('minutes.participants')}</h3>
        {minutes.participants.length ? (
          <ul>
            {participantGroups(minutes.participants).map((group, i) => (
              <li key={i}>
                <strong>{group.organisation ?? t('minutes.participantsOther')}</strong>
                <ul>
                  {group.rows.map((p, j) => (
                    <li key={j}>{p.role ? `${p.name} — ${p.role}` : p.name}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('minutes.participantsNone')}</p>
        )}
      </section>

      {minutes.sections.map((section) => (
        <section key={section.id} id={`section-${section.id}`} aria-labelledby={`section-${section.id}-title`} className="minutes__section">
          <h3 id={`section-${section.id}-title`}>{section.title}</h3>
          <Markup source={section.body} empty={t('minutes.sectionEmpty')} />
          {insider ? (
            <SectionCommentLinks base={base} section={section} count={commentCounts[section.id] ?? 0} canComment={canComment} />
          ) : null}
        </section>
      ))}

      <ActionItemsTable meetingId={meetingId} items={minutes.actionItems} insider={insider} />

      <dl className="details minutes__signatures">
        <dt>{t('minutes.preparedBy')}</dt>
        <dd>{minutes.preparedBy ?? '—'}</dd>
        <dt>{t('minutes.approvedBy')}</dt>
        <dd>
          {minutes.approvedBy
            ? [minutes.approvedBy, minutes.approvedOn ? formatDay(minutes.approvedOn, lang) : null].filter(Boolean).join(', ')
            : '—'}
        </dd>
      </dl>
    </article>
  )
}

function SectionCommentLinks({
  base,
  section,
  count,
  canComment,
}: {
  base: string
  section: { id: number; title: string }
  count: number
  canComment: boolean
}) {
  const t = useT()
  const about = <span className="visually-hidden"> {t('minutes.aboutSection', { title: section.title })}</span>
  return (
    <p className="minutes__section-links">
      <Link to={`${base}/comments#section-${section.id}`}>
        {t('minutes.commentsCount', { count })}
        {about}
      </Link>
      {canComment ? (
        <Link to={`${base}/comments?section=${section.id}#new`}>
          {t('minutes.addComment')}
          {about}
        </Link>
      ) : null}
    </p>
  )
}

function ActionItemsTable({ meetingId, items, insider }: { meetingId: number; items: ReaderMinutes['actionItems']; insider: boolean }) {
  const t = useT()
  const lang = useLang()
  return (
    <section aria-labelledby="minutes-action-items" className="minutes__action-items">
      <h3 id="minutes-action-items">{t('minutes.actionItems')}</h3>
      {items.length ? (
        <div className="table-wrap">
          <table>
            <caption>{t('minutes.actionItemsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('minutes.actionItem.text')}</th>
                <th scope="col">{t('minutes.actionItem.owner')}</th>
                <th scope="col">{t('minutes.actionItem.due')}</th>
                <th scope="col">{t('minutes.actionItem.state')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <th scope="row">{item.text}</th>
                  <td>{item.owner ?? '—'}</td>
                  <td>{formatDue(item, lang) ?? '—'}</td>
                  <td>{t(`actionItems.state.${item.state}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t('minutes.actionItemsNone')}</p>
      )}
      {insider ? (
        <p>
          <Link to={`/meetings/${meetingId}/minutes/action-items`}>{t('minutes.link.actionItems')}</Link>
        </p>
      ) : null}
    </section>
  )
}
