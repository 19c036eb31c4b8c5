import { Link } from '@remix-run/react'
import type { DocumentVisibility, OrganisationKind, RecommendationState } from '#db/schema/enums'
import { RowActionForm } from '~/components/forms'
import { Markup } from '~/components/markup'
import { useLang, useT } from '~/i18n/use-t'
import type { RecommendationChapter, RecommendationMember, RecommendationSnapshot } from '~/models/recommendation-snapshot'
import { formatDateTime, formatDay, formatFileSize } from '~/utils/format'

/** What the reader shows: the text as the reader may see it, and the record of its cycle. */
export type ReaderRecommendation = Pick<
  RecommendationSnapshot,
  'documentId' | 'bodyName' | 'title' | 'summary' | 'addresseeKinds' | 'chapters' | 'annexes' | 'members' | 'adoption'
> & {
  state: RecommendationState
  number: string | null
  visibility: DocumentVisibility
  commentsDueAt: string | null
  publishedAt: string | null
  publishedBy: string | null
  withdrawnAt: string | null
  withdrawnReason: string | null
}

const kindsText = (t: ReturnType<typeof useT>, kinds: readonly OrganisationKind[]) => kinds.map((kind) => t(`kind.${kind}`)).join(', ')

export function RecommendationReader({ rec, removableAnnexes }: { rec: ReaderRecommendation; removableAnnexes: boolean }) {
  const t = useT()
  const lang = useLang()
  return (
    <article className="recommendation">
      {rec.state === 'withdrawn' ? (
        <p className="notice notice--info">{t('recommendations.withdrawnNotice')}</p>
      ) : rec.state !== 'published' ? (
        <p className="notice notice--info">{t('recommendations.draftNotice')}</p>
      ) : null}
      <dl className="details">
        <dt>{t('recommendations.state')}</dt>
        <dd>{t(`recommendation.state.${rec.state}`)}</dd>
        {rec.number ? (
          <>
            <dt>{t('recommendations.number')}</dt>
            <dd>{rec.number}</dd>
          </>
        ) : null}
        <dt>{t('recommendations.team')}</dt>
        <dd>{rec.bodyName}</dd>
        <dt>{t('recommendations.addressees')}</dt>
        <dd>{rec.addresseeKinds.length ? kindsText(t, rec.addresseeKinds) : t('common.none')}</dd>
        {rec.state === 'consultation' && rec.commentsDueAt ? (
          <>
            <dt>{t('recommendations.commentsDueAt')}</dt>
            <dd>{formatDateTime(rec.commentsDueAt, lang)}</dd>
          </>
        ) : null}
        {rec.adoption ? (
          <>
            <dt>{t('recommendations.adoptedAt')}</dt>
            <dd>
              <Link to={`/meetings/${rec.adoption.meetingId}`}>
                {t('recommendations.adoptedAtMeeting', {
                  number: rec.adoption.meetingNumber,
                  date: formatDay(rec.adoption.adoptedOn, lang),
                })}
              </Link>{' '}
              (<Link to={`/meetings/${rec.adoption.meetingId}/minutes`}>{t('recommendations.minutesLink')}</Link>)
            </dd>
          </>
        ) : null}
        {rec.publishedAt ? (
          <>
            <dt>{t('recommendations.published')}</dt>
            <dd>
              {t('recommendations.publishedLine', {
                date: formatDateTime(rec.publishedAt, lang),
                visibility: t(`minutes.visibility.${rec.visibility}`),
              })}
              {rec.publishedBy ? `; ${t('recommendations.publishedBy', { name: rec.publishedBy })}` : null}
            </dd>
          </>
        ) : null}
        {rec.withdrawnAt ? (
          <>
            <dt>{t('recommendations.withdrawn')}</dt>
            <dd>
              {t('recommendations.withdrawnLine', { date: formatDateTime(rec.withdrawnAt, lang), reason: rec.withdrawnReason ?? '' })}
            </dd>
          </>
        ) : null}
      </dl>

      {rec.summary ? (
        <section aria-labelledby="recommendation-summary-title">
          <h2 id="recommendation-summary-title">{t('recommendations.summary')}</h2>
          <Markup source={rec.summary} />
        </section>
      ) : null}

      <section aria-labelledby="recommendation-text-title">
        <h2 id="recommendation-text-title">{t('recommendations.contents')}</h2>
        {rec.chapters.length ? (
          rec.chapters.map((chapter) => <Chapter key={chapter.id} chapter={chapter} />)
        ) : (
          <p>{t('recommendations.noChapters')}</p>
        )}
      </section>

      <section aria-labelledby="recommendation-annexes-title">
        <h2 id="recommendation-annexes-title">{t('recommendations.annexes')}</h2>
        {rec.annexes.length ? (
          <ul>
            {rec.annexes.map((annex) => (
              <li key={annex.id}>
                <a href={`/recommendations/${rec.documentId}/annexes/${annex.id}/${encodeURIComponent(annex.fileName)}`}>
                  {t('recommendations.annexLink', {
                    title: annex.title,
                    fileName: annex.fileName,
                    size: formatFileSize(annex.sizeBytes, lang),
                  })}
                </a>
                {removableAnnexes ? (
                  <RowActionForm
                    intent="remove-annex"
                    fields={{ fileId: annex.id }}
                    label={t('recommendations.annex.remove')}
                    subject={annex.title}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('recommendations.noAnnexes')}</p>
        )}
      </section>

      {rec.members.length ? <Members members={rec.members} /> : null}
    </article>
  )
}

function Chapter({ chapter }: { chapter: RecommendationChapter }) {
  const t = useT()
  const headingId = `chapter-${chapter.id}`
  return (
    <section aria-labelledby={headingId} className="recommendation__chapter">
      <h3 id={headingId}>{`${chapter.number} ${chapter.title}`}</h3>
      <Markup source={chapter.body} />
      {chapter.items.map((item) => (
        <section key={item.id} aria-labelledby={`item-${item.id}`} className="recommendation__item" id={`rec-item-${item.id}`}>
          <h4 id={`item-${item.id}`}>{`${item.number} ${item.title}`}</h4>
          <Markup source={item.body} />
          {item.addresseeKinds.length || item.timeFrame ? (
            <ul className="recommendation__item-meta">
              {item.addresseeKinds.length ? (
                <li>{t('recommendations.item.addressees', { kinds: kindsText(t, item.addresseeKinds) })}</li>
              ) : null}
              {item.timeFrame ? <li>{t('recommendations.item.timeFrame', { timeFrame: item.timeFrame })}</li> : null}
            </ul>
          ) : null}
        </section>
      ))}
    </section>
  )
}

function Members({ members }: { members: RecommendationMember[] }) {
  const t = useT()
  return (
    <section aria-labelledby="recommendation-members-title">
      <h2 id="recommendation-members-title">{t('recommendations.members')}</h2>
      <ul>
        {members.map((member, i) => (
          <li key={`${member.organisation}-${i}`}>
            {member.organisation}
            {member.delegate ? ` — ${t('recommendations.member.delegate', { name: member.delegate })}` : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
