import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { eq } from 'drizzle-orm'
import { organisationKinds, recipientStates } from '#db/schema/enums'
import { requireDistribution } from '~/auth/access.server'
import { CountyMap } from '~/components/county-map'
import { DistributionChart, confirmationRate } from '~/components/distribution-chart'
import { Pagination } from '~/components/list-controls'
import { TableRegion } from '~/components/table-region'
import { db, schema } from '~/db.server'
import { pageTitle } from '~/i18n/page-title'
import barChartStylesHref from '~/styles/bar-chart.css'
import { useLang, useT } from '~/i18n/use-t'
import { distributionCounts, listRecipients } from '~/models/distribution-dashboard.server'
import { placesOf } from '~/utils/distribution-places.server'
import { labelCounties, labelMunicipalities } from '~/models/region-search.server'
import { RecipientFilterSchema, type RecipientFilter } from '~/schemas/distribution'
import { formatDate, formatDateTime } from '~/utils/format'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'distributionDashboard.title')

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: barChartStylesHref }]

function readFilter(params: URLSearchParams): RecipientFilter {
  return RecipientFilterSchema.parse(Object.fromEntries(params))
}

function filterQuery(filter: RecipientFilter, page?: number): string {
  const params = new URLSearchParams()
  for (const name of ['state', 'county', 'kind', 'q'] as const) if (filter[name]) params.set(name, filter[name]!)
  if (page && page > 1) params.set('page', String(page))
  const query = params.toString()
  return query ? `?${query}` : ''
}

/** Where a distribution stands: its counts, the chart, the escalation list and every recipient, paged. The team's officers only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { recommendation, distribution } = await requireDistribution(request, params)
  const filter = readFilter(new URL(request.url).searchParams)
  const counts = distributionCounts({ distributionId: distribution.id, escalateAfterDays: distribution.escalateAfterDays })
  const codes = distribution.regionCodes
  const voivodeships = codes.filter((c) => c.length === 2)
  const voivodeshipNames = voivodeships.length
    ? db.select({ code: schema.voivodeships.code, name: schema.voivodeships.name }).from(schema.voivodeships).all()
    : []
  const regionLabels = {
    ...Object.fromEntries(voivodeshipNames.map((v) => [v.code, `województwo ${v.name}`])),
    ...labelCounties(codes.filter((c) => c.length === 4)),
    ...labelMunicipalities(codes.filter((c) => c.length === 7)),
  }
  const sentBy = distribution.sentByUserId
    ? db.select({ name: schema.users.name }).from(schema.users).where(eq(schema.users.id, distribution.sentByUserId)).get()?.name
    : null
  const places = placesOf(counts.byCounty)
  return json({
    places,
    map: places.by === 'county' && places.rows.length > 0,
    recId: recommendation.id,
    title: recommendation.snapshot.title,
    distribution: {
      id: distribution.id,
      sentAt: distribution.sentAt,
      sentBy: sentBy ?? null,
      kinds: distribution.kinds,
      regions: codes.map((code) => regionLabels[code] ?? code),
      included: distribution.includedIds.length,
      excluded: distribution.excludedIds.length,
      remindAfterDays: distribution.remindAfterDays,
      remindEveryDays: distribution.remindEveryDays,
      maxReminders: distribution.maxReminders,
      escalateAfterDays: distribution.escalateAfterDays,
    },
    // The page needs the counties' numbers only as places charts them; the filter, their names.
    counts: { total: counts.total, byState: counts.byState, byKind: counts.byKind, escalated: counts.escalated },
    countyOptions: counts.byCounty.map((c) => ({ code: c.code, name: c.name })),
    filter,
    list: listRecipients({ distributionId: distribution.id, filter, escalateAfterDays: distribution.escalateAfterDays }),
  })
}

export default function DistributionDashboard() {
  const t = useT()
  const lang = useLang()
  const data = useLoaderData<typeof loader>()
  const { distribution: d, counts } = data
  const base = `/recommendations/${data.recId}/distribution/${d.id}`
  const countyNames = new Map(data.countyOptions.map((c) => [c.code, c.name]))
  const { filter } = data
  const filterWords = [
    filter.state
      ? t('distributionDashboard.filtered.state', {
          value:
            filter.state === 'escalated' ? t('distributionDashboard.escalatedOption') : t(`distribution.recipientState.${filter.state}`),
        })
      : null,
    filter.county ? t('distributionDashboard.filtered.county', { value: countyNames.get(filter.county) ?? filter.county }) : null,
    filter.kind ? t('distributionDashboard.filtered.kind', { value: t(`kind.${filter.kind}`) }) : null,
    filter.q ? t('distributionDashboard.filtered.q', { value: filter.q }) : null,
  ]
    .filter(Boolean)
    .join('; ')
  return (
    <>
      <h2>{t('distributionDashboard.title')}</h2>
      <p>
        <Link to={`/recommendations/${data.recId}/distribution`}>{t('distributionDashboard.back')}</Link>
      </p>
      <dl className="details">
        <dt>{t('distributionDashboard.sentAt')}</dt>
        <dd>
          {formatDateTime(d.sentAt, lang)}
          {d.sentBy ? `, ${d.sentBy}` : ''}
        </dd>
        <dt>{t('distributionDashboard.target')}</dt>
        <dd>
          {[
            d.kinds.map((k) => t(`kind.${k}`)).join(', '),
            d.regions.join(', '),
            d.included ? t('distributionDashboard.included', { count: d.included }) : null,
            d.excluded ? t('distributionDashboard.excluded', { count: d.excluded }) : null,
          ]
            .filter(Boolean)
            .join('; ')}
        </dd>
        <dt>{t('distributionDashboard.reminders')}</dt>
        <dd>
          {t('distributionDashboard.remindersLine', {
            after: d.remindAfterDays,
            every: d.remindEveryDays,
            max: d.maxReminders,
            escalate: d.escalateAfterDays,
          })}
        </dd>
      </dl>

      <section aria-labelledby="distribution-counts">
        <h3 id="distribution-counts">{t('distributionDashboard.counts', { count: counts.total })}</h3>
        <ul className="distribution-counts">
          {recipientStates.map((state) => (
            <li key={state}>
              <Link to={`${base}?state=${state}#recipients`}>
                <strong>{counts.byState[state]}</strong> {t(`distribution.recipientState.${state}`)}
              </Link>
            </li>
          ))}
          <li>
            <Link to={`${base}?state=escalated#recipients`}>
              <strong>{counts.escalated}</strong> {t('distributionDashboard.escalated', { days: d.escalateAfterDays })}
            </Link>
          </li>
        </ul>
        <p>{t('distributionDashboard.rate', { rate: confirmationRate({ counts: counts.byState, total: counts.total }) })}</p>
        <p className="actions">
          <a href={`${base}/recipients.csv`}>{t('distributionDashboard.exportRecipientsCsv')}</a>
          <a href={`${base}/recipients.xlsx`}>{t('distributionDashboard.exportRecipientsXlsx')}</a>
          <a href={`${base}/reports.csv`}>{t('distributionDashboard.exportReportsCsv')}</a>
          <a href={`${base}/reports.xlsx`}>{t('distributionDashboard.exportReportsXlsx')}</a>
        </p>
      </section>

      <section aria-labelledby="distribution-by-county">
        <h3 id="distribution-by-county">
          {t(data.places.by === 'county' ? 'distributionDashboard.byCounty' : 'distributionDashboard.byVoivodeship')}
        </h3>
        {data.map ? <CountyMap src={`${base}/map.svg`} /> : null}
        <DistributionChart
          title={t(data.places.by === 'county' ? 'distributionDashboard.byCounty' : 'distributionDashboard.byVoivodeship')}
          rows={data.places.rows.map((c) => ({ key: c.code, label: c.name, counts: c.counts, total: c.total }))}
          caption={t(data.places.by === 'county' ? 'distributionDashboard.byCountyCaption' : 'distributionDashboard.byVoivodeshipCaption')}
          headerLabel={t(data.places.by === 'county' ? 'distributionDashboard.col.county' : 'distributionDashboard.col.voivodeship')}
        />
      </section>
      <section aria-labelledby="distribution-by-kind">
        <h3 id="distribution-by-kind">{t('distributionDashboard.byKind')}</h3>
        <DistributionChart
          title={t('distributionDashboard.byKind')}
          rows={counts.byKind.map((k) => ({ key: k.kind, label: t(`kind.${k.kind}`), counts: k.counts, total: k.total }))}
          caption={t('distributionDashboard.byKindCaption')}
          headerLabel={t('distributionDashboard.col.kind')}
        />
      </section>

      <section aria-labelledby="recipients">
        <h3 id="recipients">{t('distributionDashboard.recipients')}</h3>
        <RecipientFilterForm counties={data.countyOptions} />
        {filterWords ? <p>{t('distributionDashboard.filterSaid', { filter: filterWords })}</p> : null}
        <p role="status">{t('distributionDashboard.found', { count: data.list.total })}</p>
        {data.list.rows.length ? (
          <TableRegion labelledBy="recipients">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('distributionDashboard.col.name')}</th>
                  <th scope="col">{t('distributionDashboard.col.kind')}</th>
                  <th scope="col">{t('distributionDashboard.col.county')}</th>
                  <th scope="col">{t('distributionDashboard.col.state')}</th>
                  <th scope="col">{t('distributionDashboard.col.sent')}</th>
                  <th scope="col">{t('distributionDashboard.col.confirmed')}</th>
                  <th scope="col">{t('distributionDashboard.col.reminders')}</th>
                  <th scope="col">{t('distributionDashboard.col.report')}</th>
                </tr>
              </thead>
              <tbody>
                {data.list.rows.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Link to={`${base}/recipients/${r.id}`}>{r.name}</Link>
                    </td>
                    <td>{t(`kind.${r.kind}`)}</td>
                    <td>{countyNames.get(r.countyCode) ?? r.countyCode}</td>
                    <td>
                      {t(`distribution.recipientState.${r.state}`)}
                      {r.sendError === 'noEmail' ? ` (${t('distributionDashboard.noEmail')})` : ''}
                    </td>
                    <td>{r.sentAt ? formatDate(r.sentAt, lang) : '—'}</td>
                    <td>{r.confirmedAt ? `${formatDate(r.confirmedAt, lang)}, ${r.confirmedByName ?? ''}` : '—'}</td>
                    <td>{r.remindersSent}</td>
                    <td>{r.lastReportStatus ? t(`distribution.status.${r.lastReportStatus}`) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        ) : null}
        <Pagination page={data.list.page} pages={data.list.pages} href={(page) => `${base}${filterQuery(data.filter, page)}#recipients`} />
      </section>
    </>
  )
}

function RecipientFilterForm({ counties }: { counties: { code: string; name: string }[] }) {
  const t = useT()
  const { filter } = useLoaderData<typeof loader>()
  return (
    <Form method="get" className="row" aria-label={t('distributionDashboard.filter')} key={JSON.stringify(filter)}>
      <div className="field">
        <label htmlFor="recipients-state">{t('distributionDashboard.col.state')}</label>
        <select id="recipients-state" name="state" defaultValue={filter.state ?? ''}>
          <option value="">{t('distributionDashboard.anyState')}</option>
          {recipientStates.map((state) => (
            <option key={state} value={state}>
              {t(`distribution.recipientState.${state}`)}
            </option>
          ))}
          <option value="escalated">{t('distributionDashboard.escalatedOption')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="recipients-county">{t('distributionDashboard.col.county')}</label>
        <select id="recipients-county" name="county" defaultValue={filter.county ?? ''}>
          <option value="">{t('distributionDashboard.anyCounty')}</option>
          {counties.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="recipients-kind">{t('distributionDashboard.col.kind')}</label>
        <select id="recipients-kind" name="kind" defaultValue={filter.kind ?? ''}>
          <option value="">{t('distributionDashboard.anyKind')}</option>
          {organisationKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kind.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="recipients-q">{t('distributionDashboard.search')}</label>
        <input id="recipients-q" type="search" name="q" defaultValue={filter.q ?? ''} maxLength={200} />
      </div>
      <div className="actions">
        <button type="submit">{t('distributionDashboard.show')}</button>
      </div>
    </Form>
  )
}
