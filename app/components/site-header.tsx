import { Form, Link, NavLink, useLocation, useRouteLoaderData } from '@remix-run/react'
import { can, type Action } from '~/auth/permissions'
import type { MessageKey } from '~/i18n/messages'
import { useLang, useT } from '~/i18n/use-t'
import type { loader as rootLoader } from '~/root'

// `public` items are shown to signed-out visitors too.
const navigation: { to: string; label: MessageKey; action?: Action; public?: boolean }[] = [
  { to: '/', label: 'nav.home' },
  { to: '/bodies', label: 'bodies.nav', public: true },
  { to: '/meetings', label: 'calendar.nav', public: true },
  { to: '/recommendations', label: 'recommendations.nav', public: true },
  { to: '/agreements', label: 'agreements.title', public: true },
  { to: '/inbox', label: 'inbox.nav' },
  { to: '/organisations', label: 'nav.organisations', action: 'directory.read' },
  { to: '/regions', label: 'nav.regions', action: 'register.read' },
  { to: '/admin/users', label: 'nav.users', action: 'users.manage' },
  { to: '/admin/audit', label: 'nav.audit', action: 'audit.read' },
  { to: '/admin/outbox', label: 'invitations.outboxNav', action: 'outbox.read' },
]

export function SiteHeader() {
  const data = useRouteLoaderData<typeof rootLoader>('root')
  const user = data?.user ?? null
  const t = useT()
  const lang = useLang()
  const location = useLocation()
  const here = `${location.pathname}${location.search}`
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="site-header__brand">
          {t('app.name')}
        </Link>
        {user || navigation.some((item) => item.public) ? (
          <nav className="site-header__nav" aria-label={t('layout.mainNav')}>
            <ul>
              {navigation
                .filter((item) => (user ? !item.action || can(user, item.action) : item.public))
                .map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.to === '/'}>
                      {t(item.label)}
                    </NavLink>
                  </li>
                ))}
            </ul>
          </nav>
        ) : null}
        <div className="site-header__user">
          {/* A whole new page: the browser holds only the current language's dictionary. */}
          <Form method="post" action="/language" reloadDocument>
            <input type="hidden" name="lang" value={lang === 'pl' ? 'en' : 'pl'} />
            <input type="hidden" name="redirectTo" value={here} />
            <button type="submit" className="link-button" lang={lang === 'pl' ? 'en' : 'pl'} aria-label={t('layout.switchLanguageLabel')}>
              {t('layout.switchLanguage')}
            </button>
          </Form>
          {user ? (
            <>
              <span>{t('layout.signedInAs', { name: user.name })}</span>
              <Link to="/account">{t('nav.account')}</Link>
              <Form method="post" action="/logout">
                <button type="submit" className="link-button">
                  {t('nav.logout')}
                </button>
              </Form>
            </>
          ) : (
            <Link to={`/login?${new URLSearchParams({ redirectTo: here })}`}>{t('nav.login')}</Link>
          )}
        </div>
      </div>
    </header>
  )
}
