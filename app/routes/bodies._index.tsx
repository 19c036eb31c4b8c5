import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useRouteLoaderData } from '@remix-run/react'
import { can } from '~/auth/permissions'
import { getUser } from '~/auth/require.server'
import { useT } from '~/i18n/use-t'
import { listBodies } from '~/models/body.server'
import type { loader as rootLoader } from '~/root'

export const meta: MetaFunction = () => [{ title: 'Zespoły — Narada' }]

/** Public: a visitor sees the public bodies; a signed-in user also those they sit on or manage. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  const includeClosed = new URL(request.url).searchParams.get('closed') === '1'
  const bodies = listBodies({ user, includeClosed }).map(({ id, kind, name, isPublic, closedAt, umbrella, convening }) => ({
    id,
    kind,
    name,
    isPublic,
    closed: !!closedAt,
    umbrella,
    convening,
  }))
  return json({ bodies, includeClosed })
}

export default function Bodies() {
  const t = useT()
  const { bodies, includeClosed } = useLoaderData<typeof loader>()
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

      <Form method="get" className="filters" aria-label={t('bodies.filters')} key={String(includeClosed)}>
        <div className="row">
          <div className="inline-choice">
            <input id="filter-closed" type="checkbox" name="closed" value="1" defaultChecked={includeClosed} />
            <label htmlFor="filter-closed">{t('bodies.showClosed')}</label>
          </div>
          <div className="actions">
            <button type="submit">{t('common.filter')}</button>
          </div>
        </div>
      </Form>

      <p role="status">{t('common.results', { count: bodies.length })}</p>
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
    </>
  )
}
