import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import { getUser } from '~/auth/require.server'
import { SiteHeader } from '~/components/site-header'
import { useNonce } from '~/components/nonce'
import { getLang } from '~/i18n/lang.server'
import { translator } from '~/i18n/messages'
import { useT } from '~/i18n/use-t'
import stylesHref from '~/styles/app.css'
import { readFlash } from '~/utils/flash.server'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesHref },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction = () => [{ title: 'Narada' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const [lang, user, flash] = await Promise.all([getLang(request), getUser(request), readFlash(request)])
  return json(
    {
      lang,
      user: user ? { id: user.id, name: user.name, role: user.role } : null,
      notice: flash.notice,
    },
    flash.setCookie ? { headers: { 'Set-Cookie': flash.setCookie } } : undefined,
  )
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root')
  const nonce = useNonce()
  return (
    <html lang={data?.lang ?? 'pl'}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

function Page({ children }: { children: ReactNode }) {
  const t = useT()
  return (
    <>
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <SiteHeader />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('layout.footer')}</p>
        <p>
          <Link to="/verify">{t('layout.verifyLink')}</Link>
        </p>
        <p>
          <Link to="/deklaracja-dostepnosci">{t('layout.accessibilityLink')}</Link>
        </p>
      </footer>
    </>
  )
}

export default function App() {
  const { notice } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <Page>
      {notice ? (
        <p className="notice notice--success" role="status">
          {notice.map(({ key, params }) => t(key, params)).join(' ')}
        </p>
      ) : null}
      <Outlet />
    </Page>
  )
}

export function ErrorBoundary() {
  const error = useRouteError()
  const data = useRouteLoaderData<typeof loader>('root')
  const t = translator(data?.lang ?? 'pl')
  const status = isRouteErrorResponse(error) ? error.status : 500
  const [title, message] =
    status === 404
      ? [t('error.notFoundTitle'), t('error.notFound')]
      : status === 403
        ? [t('error.forbiddenTitle'), t('error.forbidden')]
        : status === 413
          ? [t('error.tooLargeTitle'), t('error.tooLarge')]
          : [t('error.genericTitle'), t('error.generic')]
  const content = (
    <>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <Link to="/">{t('error.backHome')}</Link>
      </p>
    </>
  )
  // Without the root's data (it failed itself) there is no header to draw.
  return data ? <Page>{content}</Page> : <main id="main">{content}</main>
}
