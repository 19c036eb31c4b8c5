import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getUser } from '~/auth/require.server'
import { can } from '~/auth/permissions'
import { useT } from '~/i18n/use-t'

export const meta: MetaFunction = () => [{ title: 'Narada' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  return json({ user: user ? { name: user.name, role: user.role } : null })
}

export default function Index() {
  const { user } = useLoaderData<typeof loader>()
  const t = useT()
  if (!user) {
    return (
      <>
        <h1>{t('home.publicTitle')}</h1>
        <p>{t('app.tagline')}.</p>
        <p>{t('home.publicLead')}</p>
        <p>
          <Link to="/login" className="button">
            {t('nav.login')}
          </Link>{' '}
          <span className="muted">{t('home.publicSignIn')}</span>
        </p>
      </>
    )
  }
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p>{t('home.welcome', { name: user.name })}</p>
      <p>{t('home.roleIs', { role: t(`role.${user.role}`) })}</p>
      <ul>
        {can(user, 'directory.read') ? (
          <li>
            <Link to="/organisations">{t('nav.organisations')}</Link> — {t('home.directoryLead')}
          </li>
        ) : null}
        {can(user, 'users.manage') ? (
          <li>
            <Link to="/admin/users">{t('nav.users')}</Link>
          </li>
        ) : null}
        {can(user, 'audit.read') ? (
          <li>
            <Link to="/admin/audit">{t('nav.audit')}</Link>
          </li>
        ) : null}
      </ul>
    </>
  )
}
