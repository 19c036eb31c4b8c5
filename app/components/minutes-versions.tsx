import { Fragment } from 'react'
import type { MinutesState } from '#db/schema/enums'
import { SectionChanges, sideLabel, StatusBadge } from '~/components/document-versions'
import { WordDiff } from '~/components/word-diff'
import type { Translate } from '~/i18n/messages'
import { useT } from '~/i18n/use-t'
import type { MinutesComparison } from '~/utils/minutes-compare'

/** A version's state: the minutes' own label, except that a draft version is one reopened for corrections. */
export function versionState(t: Translate, state: MinutesState): string {
  return state === 'draft' ? t('minutesReview.versionReopened') : t(`minutes.state.${state}`)
}

/** The changes between two versions: header fields, sections, participants, action items. */
export function Comparison({ from, to, comparison }: { from: string; to: string; comparison: MinutesComparison }) {
  const t = useT()
  return (
    <section aria-labelledby="comparison-heading" className="comparison">
      <h3 id="comparison-heading">{t('document.compare.heading', { from: sideLabel(t, from), to: sideLabel(t, to) })}</h3>
      <p className="muted">{t('document.compare.legend')}</p>
      {comparison.changed ? null : <p className="notice notice--info">{t('document.compare.identical')}</p>}

      <h4>{t('minutesReview.compare.header')}</h4>
      {comparison.fields.length ? (
        <dl className="details">
          {comparison.fields.map(({ field, changes }) => (
            <Fragment key={field}>
              <dt>{t(`minutesReview.field.${field}`)}</dt>
              <dd>
                <WordDiff changes={changes} />
              </dd>
            </Fragment>
          ))}
        </dl>
      ) : (
        <p>{t('minutesReview.compare.noHeaderChanges')}</p>
      )}

      <h4>{t('document.compare.content')}</h4>
      {comparison.sections.map((section) => (
        <SectionChanges key={section.key} section={section} />
      ))}

      <h4>{t('minutesReview.compare.participants')}</h4>
      {comparison.participants.length ? (
        <ul className="compare-lines">
          {comparison.participants.map((line, i) => (
            <li key={i}>
              <WordDiff changes={[line]} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('minutesReview.compare.noParticipants')}</p>
      )}

      <h4>{t('minutesReview.compare.actionItems')}</h4>
      {comparison.actionItems.length ? (
        <ul className="compare-lines">
          {comparison.actionItems.map((item) => (
            <li key={item.key}>
              <WordDiff changes={item.changes} /> <StatusBadge status={item.status} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('minutesReview.compare.noActionItems')}</p>
      )}
    </section>
  )
}
