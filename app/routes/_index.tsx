import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getUser } from '~/auth/require.server'
import { can } from '~/auth/permissions'
import { PortalBodies } from '~/components/portal-bodies'
import { useLang, useT } from '~/i18n/use-t'
import { listMeetings } from '~/models/meeting.server'
import { listPortalBodies } from '~/models/portal.server'
import { formatMeetingWhen } from '~/utils/format'

export const meta: MetaFunction = () => [{ title: 'Narada' }]

const UPCOMING_ON_DASHBOARD = 5

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  const upcoming = user
    ? listMeetings({ user, when: 'upcoming', limit: UPCOMING_ON_DASHBOARD }).map(
        ({ id, bodyName, number, topic, startsAt, endsAt, state }) => ({ id, bodyName, number, topic, startsAt, endsAt, state }),
      )
    : []
  return json({ user: user ? { name: user.name, role: user.role } : null, upcoming, portal: listPortalBodies() })
}

/** The public record: the whole page for a visitor, a section of the dashboard for a user. */
function PublicRecord({ lead }: { lead: string }) {
  const { portal } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <section aria-labelledby="portal-heading">
      <h2 id="portal-heading">{t('portal.title')}</h2>
      <p>{lead}</p>
      <PortalBodies bodies={portal} />
    </section>
  )
}

export default function Index() {
  const { user, upcoming } = useLoaderData<typeof loader>()
  const t = useT()
  const lang = useLang()
  if (!user) {
    return (
      <>
        <h1>{t('home.publicTitle')}</h1>
        <p>{t('app.tagline')}.</p>
        <p>{t('home.publicLead')}</p>
        <PublicRecord lead={t('portal.lead')} />
        <h2>{t('home.publicBrowse')}</h2>
        <ul>
          <li>
            <Link to="/bodies">{t('home.publicBodies')}</Link>
          </li>
          <li>
            <Link to="/meetings">{t('home.publicMeetings')}</Link>
          </li>
          <li>
            <a href="/calendar.ics">{t('home.publicCalendar')}</a>
          </li>
        </ul>
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
      <h2>{t('home.upcoming')}</h2>
      {upcoming.length === 0 ? (
        <p>{t('home.noUpcoming')}</p>
      ) : (
        <ul>
          {upcoming.map((meeting) => (
            <li key={meeting.id}>
              <Link to={`/meetings/${meeting.id}`}>{meeting.topic}</Link> — {meeting.bodyName},{' '}
              {formatMeetingWhen(meeting.startsAt, meeting.endsAt, lang)}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/meetings">{t('home.allMeetings')}</Link>
      </p>
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
      <PublicRecord lead={t('portal.dashboardLead')} />
    </>
  )
}
