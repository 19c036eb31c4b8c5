import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation, useRouteLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { bodyKinds } from '#db/schema/enums'
import { can } from '~/auth/permissions'
import { getUser } from '~/auth/require.server'
import { FilterActions, Pagination } from '~/components/list-controls'
import { pageTitle } from '~/i18n/page-title'
import { useT } from '~/i18n/use-t'
import { listBodiesPage } from '~/models/body.server'
import type { loader as rootLoader } from '~/root'
import { pageHref, pageParam } from '~/utils/paging'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'title.bodies')

const BodyFilterSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  kind: z.enum(bodyKinds).optional().catch(undefined),
  closed: z.literal('1').optional().catch(undefined),
})

/** Public: a visitor sees the public bodies; a signed-in user also those they sit on or manage. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  const url = new URL(request.url)
  const { q, kind, closed } = BodyFilterSchema.parse(Object.fromEntries(url.searchParams))
  const page = pageParam(url)
  const { rows, total, pages } = listBodiesPage({ user, filter: { q, kind, includeClosed: closed === '1', page } })
  if (page > pages) throw redirect(`${url.pathname}${pageHref(url.search, pages)}`)
  const bodies = rows.map(({ id, kind, name, isPublic, closedAt, umbrella, convening }) => ({
    id,
    kind,
    name,
    isPublic,
    closed: !!closedAt,
    umbrella,
    convening,
  }))
  return json({ bodies, total, page, pages, filter: { q: q ?? '', kind: kind ?? '', includeClosed: closed === '1' } })
}

export default function Bodies() {
  const t = useT()
  const { bodies, total, page, pages, filter } = useLoaderData<typeof loader>()
  const { search } = useLocation()
  const user = useRouteLoaderData<typeof rootLoader>('root')?.user
  return (
    <>
      <div className="page-head">
        <h1>{t('bodies.listTitle')}</h1>
        {can(user, 'bodies.create') ? (
          <Link to="/bodies/new" className="button">
            {t('bodies.new')}
          </Link>
        ) : null}
      </div>
      <p>{user ? t('bodies.listLead') : t('bodies.listLeadPublic')}</p>

      <Form method="get" className="filters" aria-label={t('bodies.filters')} key={JSON.stringify(filter)}>
        <div className="row">
          <div className="field">
            <label htmlFor="filter-q">{t('bodies.searchLabel')}</label>
            <input id="filter-q" type="search" name="q" defaultValue={filter.q} />
          </div>
          <div className="field">
            <label htmlFor="filter-kind">{t('bodies.kind')}</label>
            <select id="filter-kind" name="kind" defaultValue={filter.kind}>
              <option value="">{t('common.all')}</option>
              {bodyKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`bodies.kind.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="inline-choice">
            <input id="filter-closed" type="checkbox" name="closed" value="1" defaultChecked={filter.includeClosed} />
            <label htmlFor="filter-closed">{t('bodies.showClosed')}</label>
          </div>
          <FilterActions clearTo="/bodies" />
        </div>
      </Form>

      <p role="status">{t('common.results', { count: total })}</p>
      {bodies.length === 0 ? (
        <p>{t('bodies.none')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('bodies.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('bodies.name')}</th>
                <th scope="col">{t('bodies.kind')}</th>
                <th scope="col">{t('bodies.convening')}</th>
                <th scope="col">{t('bodies.umbrella')}</th>
                <th scope="col">{t('bodies.visibility')}</th>
              </tr>
            </thead>
            <tbody>
              {bodies.map((body) => (
                <tr key={body.id}>
                  <th scope="row">
                    <Link to={`/bodies/${body.id}`}>{body.name}</Link>
                    {body.closed ? <span className="badge">{t('bodies.closedBadge')}</span> : null}
                  </th>
                  <td>{t(`bodies.kind.${body.kind}`)}</td>
                  <td>{body.convening}</td>
                  <td>{body.umbrella ?? t('common.none')}</td>
                  <td>
                    <span className="badge">{body.isPublic ? t('bodies.public') : t('bodies.private')}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pages={pages} href={(n) => pageHref(search, n)} />
    </>
  )
}
