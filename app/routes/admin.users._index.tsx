import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requirePermission } from '~/auth/require.server'
import { useT } from '~/i18n/use-t'
import { listUsers } from '~/models/user.server'

export const meta: MetaFunction = () => [{ title: 'Konta użytkowników — Narada' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'users.manage')
  const users = listUsers().map(({ id, email, name, role, personName, disabledAt }) => ({
    id,
    email,
    name,
    role,
    personName,
    disabled: !!disabledAt,
  }))
  return json({ users })
}

export default function Users() {
  const t = useT()
  const { users } = useLoaderData<typeof loader>()
  return (
    <>
      <div className="page-head">
        <h1>{t('users.title')}</h1>
        <Link to="/admin/users/new" className="button">
          {t('users.new')}
        </Link>
      </div>
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
    </>
  )
}
