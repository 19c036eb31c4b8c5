import { Form, Link } from '@remix-run/react'
import { Fragment } from 'react'
import type { MinutesState } from '#db/schema/enums'
import { WordDiff } from '~/components/word-diff'
import type { Translate } from '~/i18n/messages'
import { useLang, useT } from '~/i18n/use-t'
import { formatDateTime } from '~/utils/format'
import type { ChangeStatus, MinutesComparison, SectionComparison } from '~/utils/minutes-compare'

export type VersionRow = {
  number: number
  state: MinutesState
  createdAt: string
  createdByName: string | null
  verificationCode: string | null
}

/** „wersja 2” or „bieżący tekst”: one side of a comparison. */
/** A version's state: the minutes' own label, except that a draft version is one reopened for corrections. */
export function versionState(t: Translate, state: MinutesState): string {
  return state === 'draft' ? t('minutesReview.versionReopened') : t(`minutes.state.${state}`)
}

export function sideLabel(t: Translate, side: string): string {
  return side === 'current' ? t('minutesReview.compare.current') : t('minutesReview.versions.numbered', { number: side })
}

export function VersionsTable({ meetingId, versions }: { meetingId: number; versions: VersionRow[] }) {
  const t = useT()
  const lang = useLang()
  return (
    <div className="table-wrap">
      <table>
        <caption>{t('minutesReview.versions.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('minutesReview.versions.col.number')}</th>
            <th scope="col">{t('minutesReview.versions.col.state')}</th>
            <th scope="col">{t('minutesReview.versions.col.when')}</th>
            <th scope="col">{t('minutesReview.versions.col.who')}</th>
            <th scope="col">{t('minutesReview.versions.col.code')}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.number}>
              <th scope="row">
                <Link to={`/meetings/${meetingId}/minutes/versions/${v.number}`}>
                  {t('minutesReview.versions.read', { number: v.number })}
                </Link>
              </th>
              <td>{versionState(t, v.state)}</td>
              <td>{formatDateTime(v.createdAt, lang)}</td>
              <td>{v.createdByName ?? t('minutesReview.versions.system')}</td>
              <td>{v.verificationCode ? <Link to={`/verify/${v.verificationCode}`}>{v.verificationCode}</Link> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** Two selects and a button: a GET form, so a comparison has an address and needs no script. */
export function CompareForm({ versions, from, to }: { versions: VersionRow[]; from: string; to: string }) {
  const t = useT()
  const lang = useLang()
  const options = [
    { value: 'current', label: t('minutesReview.compare.current') },
    ...versions.map((v) => ({
      value: String(v.number),
      label: t('minutesReview.compare.option', {
        number: v.number,
        state: versionState(t, v.state),
        when: formatDateTime(v.createdAt, lang),
      }),
    })),
  ]
  const select = (name: 'from' | 'to', value: string) => (
    <div className="field">
      <label htmlFor={`compare-${name}`}>{t(name === 'from' ? 'minutesReview.compare.from' : 'minutesReview.compare.to')}</label>
      <select id={`compare-${name}`} name={name} defaultValue={value} key={value}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
  return (
    <section aria-labelledby="compare-heading">
      <h3 id="compare-heading">{t('minutesReview.compare.title')}</h3>
      <Form method="get" className="row compare-form">
        {select('from', from)}
        {select('to', to)}
        <button type="submit" className="button">
          {t('minutesReview.compare.submit')}
        </button>
      </Form>
    </section>
  )
}

function StatusBadge({ status }: { status: ChangeStatus }) {
  const t = useT()
  return <span className={`badge change-status change-status--${status}`}>{t(`minutesReview.status.${status}`)}</span>
}

function SectionChanges({ section }: { section: SectionComparison }) {
  const t = useT()
  return (
    <section aria-labelledby={`cmp-${section.key}`} className={`compare-section compare-section--${section.status}`}>
      <h5 id={`cmp-${section.key}`}>
        {section.title} <StatusBadge status={section.status} />
      </h5>
      {section.titleChanges ? (
        <p>
          {t('minutesReview.compare.renamed')} <WordDiff changes={section.titleChanges} />
        </p>
      ) : null}
      {section.status === 'same' ? null : (
        <p className="compare-text">
          <WordDiff changes={section.changes} empty={t('minutesReview.compare.emptyText')} />
        </p>
      )}
    </section>
  )
}

/** The changes between two versions: header fields, sections, participants, action items. */
export function Comparison({ from, to, comparison }: { from: string; to: string; comparison: MinutesComparison }) {
  const t = useT()
  return (
    <section aria-labelledby="comparison-heading" className="comparison">
      <h3 id="comparison-heading">{t('minutesReview.compare.heading', { from: sideLabel(t, from), to: sideLabel(t, to) })}</h3>
      <p className="muted">{t('minutesReview.compare.legend')}</p>
      {comparison.changed ? null : <p className="notice notice--info">{t('minutesReview.compare.identical')}</p>}

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

      <h4>{t('minutesReview.compare.content')}</h4>
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
