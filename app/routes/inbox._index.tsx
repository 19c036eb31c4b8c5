import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireUser } from '~/auth/require.server'
import { Pagination } from '~/components/list-controls'
import { pageTitle } from '~/i18n/page-title'
import { useLang, useT } from '~/i18n/use-t'
import { listInbox, organisationOfPerson } from '~/models/distribution-recipient.server'
import { formatDate } from '~/utils/format'
import { pageParam } from '~/utils/paging'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'inbox.title')

/** What was distributed to the user's institution, newest first. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const organisation = organisationOfPerson(user.personId)
  if (!organisation) return json({ organisation: null, inbox: null })
  return json({ organisation, inbox: listInbox({ organisationId: organisation.id, page: pageParam(new URL(request.url)) }) })
}

export default function Inbox() {
  const t = useT()
  const lang = useLang()
  const { organisation, inbox } = useLoaderData<typeof loader>()
  return (
    <>
      <div className="page-head">
        <h1>{t('inbox.title')}</h1>
        {organisation ? <p>{t('inbox.lead', { name: organisation.name })}</p> : null}
      </div>
      {!organisation || !inbox ? (
        <p className="notice notice--info">{t('inbox.noInstitution')}</p>
      ) : inbox.rows.length === 0 ? (
        <p>{t('inbox.empty')}</p>
      ) : (
        <>
          <ul className="stack-list">
            {inbox.rows.map((row) => (
              <li key={row.id}>
                <Link to={`/inbox/${row.id}`}>{row.title}</Link>
                {row.number ? ` (${row.number})` : ''} — {row.bodyName}.{' '}
                {row.sentAt ? t('inbox.sentOn', { date: formatDate(row.sentAt, lang) }) : null}{' '}
                <span className="badge">{t(`distribution.recipientState.${row.state}`)}</span>
                {row.lastReportStatus ? ` ${t('inbox.lastReport', { status: t(`distribution.status.${row.lastReportStatus}`) })}` : null}
              </li>
            ))}
          </ul>
          <Pagination page={inbox.page} pages={inbox.pages} href={(page) => (page > 1 ? `/inbox?page=${page}` : '/inbox')} />
        </>
      )}
    </>
  )
}
