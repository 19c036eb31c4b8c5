import { NavLink } from '@remix-run/react'
import type { AgreementState } from '#db/schema/enums'
import { Breadcrumbs } from '~/components/breadcrumbs'
import { useT } from '~/i18n/use-t'

export type AgreementHeading = {
  id: number
  number: string
  title: string
  bodyName: string
  state: AgreementState
  annexOf: { id: number; number: string } | null
}

/** The title, number and state above every page of one agreement, and its tabs. */
export function AgreementHeader({ header, insider }: { header: AgreementHeading; insider: boolean }) {
  const t = useT()
  const base = `/agreements/${header.id}`
  const tabs = [
    { to: base, label: t('agreements.tab.text'), end: true, show: true },
    { to: `${base}/parties`, label: t('agreements.tab.parties'), end: false, show: insider },
    { to: `${base}/signatures`, label: t('agreements.tab.signatures'), end: false, show: true },
    { to: `${base}/comments`, label: t('agreements.tab.comments'), end: false, show: insider },
    { to: `${base}/versions`, label: t('agreements.tab.versions'), end: false, show: insider },
  ]
  return (
    <>
      <Breadcrumbs label={t('agreements.breadcrumbs')} items={[{ to: '/agreements', label: t('agreements.title') }]} />
      <div className="page-head">
        <h1>{header.title}</h1>
        <p>
          {t('agreements.numberLabel', { number: header.number })} <span className="badge">{t(`agreement.state.${header.state}`)}</span>{' '}
          {header.bodyName}
        </p>
        {header.annexOf ? (
          <p>
            {t('agreements.annexOf')} <a href={`/agreements/${header.annexOf.id}`}>{header.annexOf.number}</a>
          </p>
        ) : null}
      </div>
      <nav aria-label={t('agreements.tabs')} className="tabs">
        <ul>
          {tabs
            .filter((tab) => tab.show)
            .map((tab) => (
              <li key={tab.to}>
                <NavLink to={tab.to} end={tab.end} prefetch="intent">
                  {tab.label}
                </NavLink>
              </li>
            ))}
          <li>
            <a href={`${base}/agreement.pdf`}>{t('agreements.tab.pdf')}</a>
          </li>
        </ul>
      </nav>
    </>
  )
}
