import { Form, Link } from '@remix-run/react'
import { WordDiff } from '~/components/word-diff'
import type { Translate } from '~/i18n/messages'
import { useLang, useT } from '~/i18n/use-t'
import type { ChangeStatus, SectionComparison } from '~/utils/document-compare'
import { formatDateTime } from '~/utils/format'

export type VersionRow = {
  number: number
  state: string
  createdAt: string
  createdByName: string | null
  verificationCode: string | null
}

/** A version's state in the kind's words: each kind labels its own states. */
export type StateLabel = (state: string) => string

/** „wersja 2” or „bieżący tekst”: one side of a comparison. */
export function sideLabel(t: Translate, side: string): string {
  return side === 'current' ? t('document.compare.current') : t('document.versions.numbered', { number: side })
}

/** The frozen versions, newest first, each linking to `<base>/<number>` and to its verification. */
export function VersionsTable({
  base,
  caption,
  versions,
  stateLabel,
}: {
  base: string
  caption: string
  versions: VersionRow[]
  stateLabel: StateLabel
}) {
  const t = useT()
  const lang = useLang()
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('document.versions.col.number')}</th>
            <th scope="col">{t('document.versions.col.state')}</th>
            <th scope="col">{t('document.versions.col.when')}</th>
            <th scope="col">{t('document.versions.col.who')}</th>
            <th scope="col">{t('document.versions.col.code')}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.number}>
              <th scope="row">
                <Link to={`${base}/${v.number}`}>{t('document.versions.read', { number: v.number })}</Link>
              </th>
              <td>{stateLabel(v.state)}</td>
              <td>{formatDateTime(v.createdAt, lang)}</td>
              <td>{v.createdByName ?? t('document.versions.system')}</td>
              <td>{v.verificationCode ? <Link to={`/verify/${v.verificationCode}`}>{v.verificationCode}</Link> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** Two selects and a button: a GET form, so a comparison has an address and needs no script. */
export function CompareForm({
  versions,
  from,
  to,
  stateLabel,
}: {
  versions: VersionRow[]
  from: string
  to: string
  stateLabel: StateLabel
}) {
  const t = useT()
  const lang = useLang()
  const options = [
    { value: 'current', label: t('document.compare.current') },
    ...versions.map((v) => ({
      value: String(v.number),
      label: t('document.compare.option', {
        number: v.number,
        state: stateLabel(v.state),
        when: formatDateTime(v.createdAt, lang),
      }),
    })),
  ]
  const select = (name: 'from' | 'to', value: string) => (
    <div className="field">
      <label htmlFor={`compare-${name}`}>{t(name === 'from' ? 'document.compare.from' : 'document.compare.to')}</label>
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
      <h3 id="compare-heading">{t('document.compare.title')}</h3>
      <Form method="get" className="row compare-form">
        {select('from', from)}
        {select('to', to)}
        <button type="submit" className="button">
          {t('document.compare.submit')}
        </button>
      </Form>
    </section>
  )
}

export function StatusBadge({ status }: { status: ChangeStatus }) {
  const t = useT()
  return <span className={`badge change-status change-status--${status}`}>{t(`document.status.${status}`)}</span>
}

/** One section's changes: its title's, then its text's word by word. */
export function SectionChanges({ section }: { section: SectionComparison }) {
  const t = useT()
  return (
    <section aria-labelledby={`cmp-${section.key}`} className={`compare-section compare-section--${section.status}`}>
      <h5 id={`cmp-${section.key}`}>
        {section.title} <StatusBadge status={section.status} />
      </h5>
      {section.titleChanges ? (
        <p>
          {t('document.compare.renamed')} <WordDiff changes={section.titleChanges} />
        </p>
      ) : null}
      {section.status === 'same' ? null : (
        <p className="compare-text">
          <WordDiff changes={section.changes} empty={t('document.compare.emptyText')} />
        </p>
      )}
    </section>
  )
}
