import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useRouteLoaderData } from '@remix-run/react'
import { can } from '~/auth/permissions'
import { requirePermission } from '~/auth/require.server'
import { OrganisationFilterFields } from '~/components/organisation-filter'
import { FilterActions, Pagination } from '~/components/list-controls'
import { TableRegion } from '~/components/table-region'
import { pageTitle } from '~/i18n/page-title'
import { useT } from '~/i18n/use-t'
import { listOrganisations } from '~/models/organisation.server'
import type { loader as rootLoader } from '~/root'
import { organisationFilterQuery, readOrganisationFilter, type OrganisationFilter } from '~/schemas/directory'
import { filterPickers } from '~/utils/organisation-filter.server'
import type { PickerState } from '~/utils/picker'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'title.organisations')

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'directory.read')
  const url = new URL(request.url)
  const filter = readOrganisationFilter(url.searchParams)
  const list = listOrganisations({ filter })
  if (list.page > list.pages) throw redirect(`${url.pathname}?${organisationFilterQuery(filter, list.pages)}`)
  const picker = filterPickers(url.searchParams, filter)
  return json({ filter, picker, ...list })
}

export default function Organisations() {
  const t = useT()
  const { filter, picker, rows, total, page, pages } = useLoaderData<typeof loader>()
  const user = useRouteLoaderData<typeof rootLoader>('root')?.user
  const query = organisationFilterQuery(filter).toString()

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

      <DirectoryFilter key={query} filter={filter} picker={picker} />

      <ActiveFilter filter={filter} labels={picker.labels} />
      <p role="status">{t('common.results', { count: total })}</p>
      {total > 0 ? (
        <p>
          <a href={`/organisations/export.csv${query ? `?${query}` : ''}`} download>
            {t('directory.export')}
          </a>{' '}
          <span className="muted">{t('directory.exportHint')}</span>
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p>{t('org.none')}</p>
      ) : (
        <TableRegion labelledBy="organisations-caption">
          <table>
            <caption id="organisations-caption" className="visually-hidden">
              {t('org.table')}
            </caption>
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
        </TableRegion>
      )}
      <Pagination page={page} pages={pages} href={(n) => `?${organisationFilterQuery(filter, n)}`} />
    </>
  )
}

/** A GET form, so that it works without JavaScript. */
function DirectoryFilter({ filter, picker }: { filter: OrganisationFilter; picker: PickerState }) {
  const t = useT()
  return (
    <Form method="get" className="filters stack" aria-label={t('org.filters')}>
      <OrganisationFilterFields id="directory-filter" filter={filter} picker={picker} municipalities />
      <div className="inline-choice">
        <input id="filter-archived" type="checkbox" name="archived" value="1" defaultChecked={filter.archived === '1'} />
        <label htmlFor="filter-archived">{t('org.showArchived')}</label>
      </div>
      <FilterActions clearTo="/organisations" />
    </Form>
  )
}

/** The filter in words („OPS, PUP · powiat bolesławiecki”), each part a link that takes it away. */
function ActiveFilter({ filter, labels }: { filter: OrganisationFilter; labels: Record<string, string> }) {
  const t = useT()
  const without = (name: 'kind' | 'county' | 'municipality', value: string) =>
    `?${organisationFilterQuery({ ...filter, [name]: (filter[name] ?? []).filter((v: string) => v !== value) })}`
  const kinds = (filter.kind ?? []).map((kind) => ({ label: t(`kind.${kind}`), href: without('kind', kind) }))
  const where = [
    ...(filter.county ?? []).map((code) => ({ label: labels[code] ?? code, href: without('county', code) })),
    ...(filter.municipality ?? []).map((code) => ({ label: labels[code] ?? code, href: without('municipality', code) })),
  ]
  const words = [
    kinds.map((k) => k.label).join(', '),
    where.map((w) => w.label).join(', '),
    filter.q ? t('directory.nameContains', { q: filter.q }) : '',
    filter.archived ? t('directory.archivedOnly') : '',
  ].filter(Boolean)
  if (words.length === 0) return null
  const chips = [...kinds, ...where]
  return (
    <>
      <p>{t('directory.activeFilter', { filter: words.join(' · ') })}</p>
      {chips.length ? (
        <ul className="chips" aria-label={t('directory.chosen')}>
          {chips.map((chip) => (
            <li key={chip.href}>
              <Link to={chip.href} className="chip">
                <span aria-hidden="true">×</span> <span className="visually-hidden">{t('directory.removeChoice')}: </span>
                {chip.label}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  )
}
