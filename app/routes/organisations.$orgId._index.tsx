import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation, useRouteLoaderData } from '@remix-run/react'
import { RowActionForm } from '~/components/forms'
import { Pagination } from '~/components/list-controls'
import { can } from '~/auth/permissions'
import { notFound, requirePermission } from '~/auth/require.server'
import { pageTitle } from '~/i18n/page-title'
import { useT } from '~/i18n/use-t'
import { getOrganisation, setOrganisationArchived } from '~/models/organisation.server'
import { archivePerson, getPerson, listPeople } from '~/models/person.server'
import type { loader as rootLoader } from '~/root'
import { actorOf, parseId, redirectWithNotice } from '~/utils/http.server'
import { pageHref, pageParam } from '~/utils/paging'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, 'title.named', { name: data?.organisation.name ?? '' })

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'directory.read')
  const organisation = getOrganisation({ id: parseId(params.orgId) })
  if (!organisation) throw notFound()
  const url = new URL(request.url)
  const page = pageParam(url)
  const people = listPeople({ organisationId: organisation.id, page })
  if (page > people.pages) throw redirect(`${url.pathname}${pageHref(url.search, people.pages)}`)
  return json({ organisation, people: people.rows, total: people.total, page, pages: people.pages })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  await requirePermission(request, 'directory.edit')
  const id = parseId(params.orgId)
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'archive-person') {
    const user = await requirePermission(request, 'directory.edit')
    const person = getPerson({ id: Number(formData.get('personId')) })
    if (!person || person.organisationId !== id) throw notFound()
    archivePerson({ id: person.id, actor: actorOf(user, context) })
    return redirectWithNotice(`/organisations/${id}`, 'person.archived')
  }
  const user = await requirePermission(request, 'directory.archive')
  if (!getOrganisation({ id })) throw notFound()
  if (intent !== 'archive' && intent !== 'restore') throw new Response('Bad Request', { status: 400 })
  setOrganisationArchived({ id, archived: intent === 'archive', actor: actorOf(user, context) })
  return redirectWithNotice(`/organisations/${id}`, intent === 'archive' ? 'org.archived' : 'org.restored')
}

export default function OrganisationPage() {
  const t = useT()
  const { organisation: org, people, total, page, pages } = useLoaderData<typeof loader>()
  const { search } = useLocation()
  const user = useRouteLoaderData<typeof rootLoader>('root')?.user
  const address = [org.street, [org.postalCode, org.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')
  return (
    <>
      <div className="page-head">
        <h1>{org.name}</h1>
        <div className="actions">
          {can(user, 'directory.edit') ? (
            <Link to="edit" className="button">
              {t('common.edit')}
            </Link>
          ) : null}
          {can(user, 'directory.archive') ? (
            <Form method="post">
              <input type="hidden" name="intent" value={org.archivedAt ? 'restore' : 'archive'} />
              <button type="submit" className="button--secondary">
                {org.archivedAt ? t('common.restore') : t('common.archive')}
              </button>
            </Form>
          ) : null}
        </div>
      </div>
      {org.archivedAt ? <p className="notice notice--info">{t('org.archivedNotice')}</p> : null}
      <dl className="details">
        {org.shortName ? (
          <>
            <dt>{t('org.shortName')}</dt>
            <dd>{org.shortName}</dd>
          </>
        ) : null}
        <dt>{t('org.kind')}</dt>
        <dd>{t(`kind.${org.kind}`)}</dd>
        <dt>{t('org.region')}</dt>
        <dd>{t('region.place', { municipality: org.municipality, county: org.county, voivodeship: org.voivodeship })}</dd>
        {address ? (
          <>
            <dt>{t('org.address')}</dt>
            <dd>{address}</dd>
          </>
        ) : null}
        {org.email ? (
          <>
            <dt>{t('org.email')}</dt>
            <dd>
              <a href={`mailto:${org.email}`}>{org.email}</a>
            </dd>
          </>
        ) : null}
        {org.phone ? (
          <>
            <dt>{t('org.phone')}</dt>
            <dd>{org.phone}</dd>
          </>
        ) : null}
        {org.website ? (
          <>
            <dt>{t('org.website')}</dt>
            <dd>
              <a href={org.website} rel="noopener noreferrer">
                {org.website}
              </a>
            </dd>
          </>
        ) : null}
        {org.regon ? (
          <>
            <dt>{t('org.regon')}</dt>
            <dd>{org.regon}</dd>
          </>
        ) : null}
        {org.nip ? (
          <>
            <dt>{t('org.nip')}</dt>
            <dd>{org.nip}</dd>
          </>
        ) : null}
      </dl>

      <div className="page-head">
        <h2>{t('org.people')}</h2>
        {can(user, 'directory.edit') && !org.archivedAt ? (
          <Link to="people/new" className="button button--secondary">
            {t('person.new')}
          </Link>
        ) : null}
      </div>
      {total > 0 ? <p role="status">{t('common.results', { count: total })}</p> : null}
      {people.length === 0 ? (
        <p>{t('org.noPeople')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('org.people')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('person.name')}</th>
                <th scope="col">{t('person.position')}</th>
                <th scope="col">{t('person.email')}</th>
                <th scope="col">{t('person.phone')}</th>
                {can(user, 'directory.edit') ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <tr key={person.id}>
                  <th scope="row">{person.name}</th>
                  <td>{person.position ?? t('common.none')}</td>
                  <td>{person.email ? <a href={`mailto:${person.email}`}>{person.email}</a> : t('common.none')}</td>
                  <td>{person.phone ?? t('common.none')}</td>
                  {can(user, 'directory.edit') ? (
                    <td>
                      <div className="actions">
                        <Link to={`/people/${person.id}/edit`}>
                          {t('common.edit')}
                          <span className="visually-hidden">: {person.name}</span>
                        </Link>
                        <RowActionForm
                          intent="archive-person"
                          fields={{ personId: person.id }}
                          label={t('common.archive')}
                          subject={person.name}
                        />
                      </div>
                    </td>
                  ) : null}
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
