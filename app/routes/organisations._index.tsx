import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useFetcher, useLoaderData, useRouteLoaderData } from '@remix-run/react'
import { useState } from 'react'
import { organisationKinds } from '#db/schema/enums'
import { can } from '~/auth/permissions'
import { requirePermission } from '~/auth/require.server'
import { FilterActions, Pagination } from '~/components/list-controls'
import { useT } from '~/i18n/use-t'
import { listOrganisations } from '~/models/organisation.server'
import { getRegionChoices } from '~/models/region.server'
import type { loader as rootLoader } from '~/root'
import type { loader as optionsLoader } from '~/routes/regions.options'
import { OrganisationFilterSchema } from '~/schemas/directory'
import { pageHref } from '~/utils/paging'

export const meta: MetaFunction = () => [{ title: 'Instytucje — Narada' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'directory.read')
  const url = new URL(request.url)
  const filter = OrganisationFilterSchema.parse(Object.fromEntries(url.searchParams))
  // A county alone (`?county=2469`) implies its voivodeship: the first two digits of its code.
  const choices = getRegionChoices({ voivodeship: filter.voivodeship ?? filter.county?.slice(0, 2), county: filter.county })
  // A county outside the chosen voivodeship is dropped rather than silently matching nothing.
  const effective = { ...filter, voivodeship: choices.voivodeship ?? undefined, county: choices.county ?? undefined }
  const list = listOrganisations({ filter: effective })
  if (list.page > list.pages) throw redirect(`${url.pathname}${pageHref(url.search, list.pages)}`)
  return json({ filter: effective, choices, ...list })
}

export default function Organisations() {
  const t = useT()
  const { filter, choices, rows, total, page, pages } = useLoaderData<typeof loader>()
  const user = useRouteLoaderData<typeof rootLoader>('root')?.user
  const counties = useFetcher<typeof optionsLoader>()
  const [voivodeship, setVoivodeship] = useState(filter.voivodeship ?? '')
  const countyOptions = counties.data?.counties ?? choices.counties
  const pageLink = (n: number) => pageHref(new URLSearchParams(stringEntries(filter)), n)

  return (
    <>
      <div className="page-head">
        <h1>{t('org.listTitle')}</h1>
        {can(user, 'directory.edit') ? (
          <div className="actions">
            <Link to="/organisations/new" className="button">
              {t('org.new')}
            </Link>
            <Link to="/organisations/import" className="button button--secondary">
              {t('directoryImport.link')}
            </Link>
          </div>
        ) : null}
      </div>

      <Form method="get" className="filters" aria-label={t('org.filters')} key={JSON.stringify(filter)}>
        <div className="row">
          <div className="field">
            <label htmlFor="filter-q">{t('org.searchLabel')}</label>
            <input id="filter-q" type="search" name="q" defaultValue={filter.q ?? ''} />
          </div>
          <div className="field">
            <label htmlFor="filter-kind">{t('org.kind')}</label>
            <select id="filter-kind" name="kind" defaultValue={filter.kind ?? ''}>
              <option value="">{t('common.all')}</option>
              {organisationKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`kind.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-voivodeship">{t('region.voivodeship')}</label>
            <select
              id="filter-voivodeship"
              name="voivodeship"
              value={voivodeship}
              onChange={(e) => {
                setVoivodeship(e.target.value)
                counties.load(`/regions/options?${new URLSearchParams({ voivodeship: e.target.value })}`)
              }}
            >
              <option value="">{t('region.anyVoivodeship')}</option>
              {choices.voivodeships.map((v) => (
                <option key={v.code} value={v.code}>
                  {v.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-county">{t('region.county')}</label>
            <select id="filter-county" name="county" defaultValue={filter.county ?? ''} key={voivodeship}>
              <option value="">{t('region.anyCounty')}</option>
              {countyOptions.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <div className="inline-choice">
            <input id="filter-archived" type="checkbox" name="archived" value="1" defaultChecked={filter.archived === '1'} />
            <label htmlFor="filter-archived">{t('org.showArchived')}</label>
          </div>
          <FilterActions clearTo="/organisations" />
        </div>
      </Form>

      <p role="status">{t('common.results', { count: total })}</p>
      {rows.length === 0 ? (
        <p>{t('org.none')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('org.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('org.name')}</th>
                <th scope="col">{t('org.kind')}</th>
                <th scope="col">{t('region.municipality')}</th>
                <th scope="col">{t('region.county')}</th>
                <th scope="col">{t('region.voivodeship')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((org) => (
                <tr key={org.id}>
                  <th scope="row">
                    <Link to={`/organisations/${org.id}`}>{org.name}</Link>
                    {org.shortName ? <span className="muted"> ({org.shortName})</span> : null}
                    {org.archivedAt ? <span className="badge">{t('common.archived')}</span> : null}
                  </th>
                  <td>{t(`kind.${org.kind}`)}</td>
                  <td>{org.municipality}</td>
                  <td>{org.county}</td>
                  <td>{org.voivodeship}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pages={pages} href={pageLink} />
    </>
  )
}

function stringEntries(filter: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(filter)
      .filter(([key, value]) => key !== 'page' && value !== undefined && value !== '')
      .map(([k, v]) => [k, String(v)]),
  )
}
