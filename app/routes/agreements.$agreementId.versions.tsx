import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import type { AgreementState } from '#db/schema/enums'
import { requireAgreement } from '~/auth/access.server'
import { notFound } from '~/auth/require.server'
import { CompareForm, SectionChanges } from '~/components/document-versions'
import { pageTitle } from '~/i18n/page-title'
import { useLang, useT } from '~/i18n/use-t'
import type { AgreementSnapshot } from '~/models/agreement/snapshot'
import { getVersion, listVersions } from '~/models/document/versions.server'
import { isInsider } from '~/utils/agreement-page.server'
import { compareSections, type ComparedSection } from '~/utils/document-compare'
import { formatDateTime } from '~/utils/format'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'agreements.versions.title')

/** The heading, the parties with their signatories, and each paragraph: what two versions are compared by. */
function sectionsOf(s: AgreementSnapshot): ComparedSection[] {
  const validity = s.validTo ? `${s.validFrom} – ${s.validTo}` : `${s.validFrom} –`
  return [
    { id: -1, title: 'Nagłówek', body: [s.number, s.title, s.subject, s.place, validity, s.noticeMonths ?? ''].join('\n\n') },
    {
      id: -2,
      title: 'Strony',
      body: s.parties.map((p) => [p.name, ...p.signatories.map((x) => `${x.name} – ${x.position}`)].join('\n\n')).join('\n\n'),
    },
    ...s.paragraphs.map((p) => ({ id: p.id, title: `${p.number} ${p.title}`, body: p.body })),
  ]
}

/**
 * The versions the agreement was frozen as (at negotiation, for signing, signed) and the word
 * by word comparison of any two, or of one with the live text. The parties' and the team's only.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, agreement } = await requireAgreement(request, params, 'agreement.read')
  if (!isInsider(access)) throw notFound()
  const versions = listVersions({ documentId: agreement.id }).map((v) => ({
    number: v.number,
    state: v.state,
    createdAt: v.createdAt,
    createdByName: v.createdByName,
    verificationCode: v.verificationCode,
  }))
  const url = new URL(request.url)
  const newest = versions[0]?.number
  const from = url.searchParams.get('from') ?? (newest ? String(newest) : 'current')
  const to = url.searchParams.get('to') ?? 'current'
  const snapshotOf = (side: string): AgreementSnapshot => {
    if (side === 'current') return agreement.snapshot
    const number = Number(side)
    const version =
      Number.isSafeInteger(number) && number > 0 ? getVersion<AgreementSnapshot>({ documentId: agreement.id, number }) : undefined
    if (!version) throw notFound()
    return version.snapshot
  }
  const sections = compareSections(sectionsOf(snapshotOf(from)), sectionsOf(snapshotOf(to)))
  return json({ versions, from, to, sections })
}

export default function AgreementVersions() {
  const t = useT()
  const lang = useLang()
  const { versions, from, to, sections } = useLoaderData<typeof loader>()
  const stateLabel = (state: string) => t(`agreement.state.${state as AgreementState}`)
  const changed = sections.filter((s) => s.status !== 'same')
  return (
    <>
      <h2>{t('agreements.versions.title')}</h2>
      {versions.length ? (
        <ul>
          {versions.map((v) => (
            <li key={v.number}>
              {t('agreements.versions.row', { number: v.number, state: stateLabel(v.state), when: formatDateTime(v.createdAt, lang) })}
              {v.createdByName ? ` — ${v.createdByName}` : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('agreements.versions.none')}</p>
      )}
      <CompareForm versions={versions} from={from} to={to} stateLabel={stateLabel} />
      {changed.length ? (
        changed.map((section) => <SectionChanges key={section.key} section={section} />)
      ) : (
        <p>{t('agreements.versions.same')}</p>
      )}
    </>
  )
}
