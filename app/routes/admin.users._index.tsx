import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { requirePermission } from '~/auth/require.server'
import { FilterActions, Pagination } from '~/components/list-controls'
import { pageTitle } from '~/i18n/page-title'
import { useT } from '~/i18n/use-t'
import { listUsers } from '~/models/user.server'
import { pageHref, pageParam } from '~/utils/paging'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'title.users')

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'users.manage')
  const url = new URL(request.url)
  const q = url.searchParams.get('q')?.trim().slice(0, 200) ?? ''
  const page = pageParam(url)
  const { rows, total, pages } = listUsers({ q, page })
  if (page > pages) throw redirect(`${url.pathname}${pageHref(url.search, pages)}`)
  const users = rows.map(({ id, email, name, role, personName, disabledAt }) => ({
    id,
    email,
    name,
    role,
    personName,
    disabled: !!disabledAt,
  }))
  return json({ users, q, total, page, pages })
}

export default function Users() {
  const t = useT()
  const { users, q, total, page, pages } = useLoaderData<typeof loader>()
  const { search } = useLocation()
  return (
    <>
      <div className="page-head">
        <h1>{t('users.title')}</h1>
        <Link to="/admin/users/new" className="button">
          {t('users.new')}
        </Link>
      </div>
      <Form method="get" className="filters" aria-label={t('users.filters')} key={q}>
        <div className="row">
          <div className="field">
            <label htmlFor="filter-q">{t('users.searchLabel')}</label>
            <input id="filter-q" type="search" name="q" defaultValue={q} />
          </div>
          <FilterActions clearTo="/admin/users" />
        </div>
      </Form>

      <p role="status">{t('common.results', { count: total })}</p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('users.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('users.email')}</th>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.person')}</th>
              <th scope="col">{t('users.state')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <th scope="row">
                  <Link to={`/admin/users/${user.id}`}>{user.email}</Link>
                </th>
                <td>{user.name}</td>
                <td>{t(`role.${user.role}`)}</td>
                <td>{user.personName ?? <span className="muted">{t('users.noPerson')}</span>}</td>
                <td>
                  <span className="badge">{user.disabled ? t('users.disabled') : t('users.active')}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pages={pages} href={(n) => pageHref(search, n)} />
    </>
  )
}
