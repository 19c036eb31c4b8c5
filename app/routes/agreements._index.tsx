import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { agreementStates } from '#db/schema/enums'
import { getUser } from '~/auth/require.server'
import { pageTitle } from '~/i18n/page-title'
import { useLang, useT } from '~/i18n/use-t'
import { managedBodyIds } from '~/models/body-access.server'
import { agreementCounties, agreementValidities, listAgreements, RegisterFilterSchema } from '~/models/agreement/register.server'
import { formatDay } from '~/utils/format'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'agreements.title')

/** The register of agreements: what the visitor may see, filtered by party, county, state and validity, 50 to a page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  const url = new URL(request.url)
  const filter = RegisterFilterSchema.parse(Object.fromEntries(url.searchParams))
  const { rows, page, hasNext } = listAgreements({ user, filter })
  return json({
    filter,
    rows,
    page,
    hasNext,
    counties: agreementCounties(),
    // From the loader: a .server module's constants are not in the browser's bundle.
    validities: agreementValidities,
    canCreate: !!user && (user.role === 'admin' || managedBodyIds(user).length > 0),
  })
}

export default function Agreements() {
  const t = useT()
  const lang = useLang()
  const data = useLoaderData<typeof loader>()
  const href = (page: number) => {
    const search = new URLSearchParams()
    for (const [key, value] of Object.entries(data.filter)) if (value !== undefined && key !== 'page') search.set(key, String(value))
    if (page > 1) search.set('page', String(page))
    const query = search.toString()
    return `/agreements${query ? `?${query}` : ''}`
  }
  return (
    <>
      <div className="page-head">
        <h1>{t('agreements.title')}</h1>
        <p>{t('agreements.register.intro')}</p>
        {data.canCreate ? (
          <p>
            <Link to="/agreements/new" className="button">
              {t('agreements.register.new')}
            </Link>
          </p>
        ) : null}
      </div>
      <Form method="get" className="filters" aria-label={t('agreements.register.filters')}>
        <div className="field">
          <label htmlFor="register-q">{t('agreements.register.q')}</label>
          <input id="register-q" name="q" type="search" defaultValue={data.filter.q ?? ''} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="register-county">{t('agreements.register.county')}</label>
          <select id="register-county" name="county" defaultValue={data.filter.county ?? ''}>
            <option value="">{t('agreements.register.any')}</option>
            {data.counties.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="register-state">{t('agreements.register.state')}</label>
          <select id="register-state" name="state" defaultValue={data.filter.state ?? ''}>
            <option value="">{t('agreements.register.any')}</option>
            {agreementStates.map((s) => (
              <option key={s} value={s}>
                {t(`agreement.state.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="register-validity">{t('agreements.register.validity')}</label>
          <select id="register-validity" name="validity" defaultValue={data.filter.validity ?? ''}>
            <option value="">{t('agreements.register.any')}</option>
            {data.validities.map((v) => (
              <option key={v} value={v}>
                {t(`agreements.register.validity.${v}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit">{t('agreements.register.filter')}</button>
        </div>
      </Form>
      {data.rows.length === 0 ? (
        <p>{t('agreements.register.empty')}</p>
      ) : (
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolled region takes focus, to be scrolled by keyboard
        <div className="table-scroll" role="region" aria-labelledby="register-caption" tabIndex={0}>
          <table>
            <caption id="register-caption" className="visually-hidden">
              {t('agreements.title')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('agreements.register.col.number')}</th>
                <th scope="col">{t('agreements.register.col.title')}</th>
                <th scope="col">{t('agreements.register.col.parties')}</th>
                <th scope="col">{t('agreements.register.col.validity')}</th>
                <th scope="col">{t('agreements.register.col.state')}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.id}>
                  <td>{row.number}</td>
                  <td>
                    <Link to={`/agreements/${row.id}`}>{row.title}</Link>
                  </td>
                  <td>{row.parties.join('; ')}</td>
                  <td>
                    {row.validTo
                      ? t('agreements.register.range', { from: formatDay(row.validFrom, lang), to: formatDay(row.validTo, lang) })
                      : t('agreements.register.indefinite', { from: formatDay(row.validFrom, lang) })}
                  </td>
                  <td>
                    {t(`agreement.state.${row.state}`)}
                    {row.expiringSoon ? (
                      <>
                        {' '}
                        <span className="badge badge--warning">{t('agreements.register.expiring')}</span>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.page > 1 || data.hasNext ? (
        <nav className="pagination" aria-label={t('agreements.register.pages')}>
          {data.page > 1 ? <Link to={href(data.page - 1)}>{t('agreements.register.previous')}</Link> : null}
          {data.hasNext ? <Link to={href(data.page + 1)}>{t('agreements.register.next')}</Link> : null}
        </nav>
      ) : null}
    </>
  )
}
