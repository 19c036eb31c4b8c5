import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getUser } from '~/auth/require.server'
import { can } from '~/auth/permissions'
import { Pagination } from '~/components/list-controls'
import { PortalBodies } from '~/components/portal-bodies'
import { RecommendationTable } from '~/components/recommendation-list'
import { useLang, useT } from '~/i18n/use-t'
import { countMeetings, listMeetings, listMeetingsToConfirm, listMinutesToReview } from '~/models/meeting.server'
import { countPortalBodies, listPortalBodies } from '~/models/portal.server'
import { listPublicRecommendations } from '~/models/recommendation-list.server'
import { publishedAgreements } from '~/models/agreement/register.server'
import { formatMeetingWhen } from '~/utils/format'
import { pageCount, pageParam } from '~/utils/paging'

export const meta: MetaFunction = () => [{ title: 'Narada' }]

/** The dashboard shows this many of the next meetings and of the minutes to review; the lists hold the rest. */
const ON_DASHBOARD = 5

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  const page = pageParam(new URL(request.url))
  const bodies = countPortalBodies()
  const recommendationsPage = pageParam(new URL(request.url), 'rec')
  const recommendations = listPublicRecommendations({ page: recommendationsPage })
  const portal = {
    page,
    pages: pageCount(bodies),
    bodies,
    rows: listPortalBodies({ page }),
    recommendations: { ...recommendations, page: recommendationsPage, pages: pageCount(recommendations.total) },
    agreements: publishedAgreements({ limit: 10 }),
  }
  if (!user) return json({ user: null, dashboard: null, portal })
  const upcoming = listMeetings({ user, mine: true, when: 'upcoming', limit: ON_DASHBOARD }).map(
    ({ id, bodyName, topic, startsAt, endsAt }) => ({ id, bodyName, topic, startsAt, endsAt }),
  )
  const minutes = listMinutesToReview({ user, limit: ON_DASHBOARD })
  const confirmPage = pageParam(new URL(request.url), 'confirm')
  const unconfirmed = listMeetingsToConfirm({ user, page: confirmPage })
  const toConfirm = { ...unconfirmed, page: confirmPage, pages: pageCount(unconfirmed.total) }
  return json({
    user: { name: user.name, role: user.role },
    dashboard: { upcoming, upcomingTotal: countMeetings({ user, mine: true, when: 'upcoming' }), minutes, toConfirm },
    portal,
  })
}

/** The public record: the whole page for a visitor, a section of the dashboard for a user. */
function PublicRecord({ lead }: { lead: string }) {
  const { portal } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <section aria-labelledby="portal-heading">
      <h2 id="portal-heading">{t('portal.title')}</h2>
      <p>{lead}</p>
      <h3>{t('portal.bodiesHeading', { count: portal.bodies })}</h3>
      <PortalBodies bodies={portal.rows} />
      <Pagination page={portal.page} pages={portal.pages} href={(page) => (page > 1 ? `/?page=${page}` : '/')} />
      <h3>{t('portal.recommendations.heading', { count: portal.recommendations.total })}</h3>
      <p>{t('portal.recommendations.lead')}</p>
      {portal.recommendations.rows.length ? (
        <RecommendationTable
          id="portal-recommendations"
          title={t('portal.recommendations.heading', { count: portal.recommendations.total })}
          rows={portal.recommendations.rows}
        />
      ) : (
        <p>{t('portal.recommendations.empty')}</p>
      )}
      <Pagination
        page={portal.recommendations.page}
        pages={portal.recommendations.pages}
        href={(page) => (page > 1 ? `/?rec=${page}` : '/')}
      />
      <h3>{t('portal.agreements.heading')}</h3>
      {portal.agreements.length ? (
        <ul>
          {portal.agreements.map((a) => (
            <li key={a.id}>
              <Link to={`/agreements/${a.id}`}>{a.title}</Link> ({a.number})
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('portal.agreements.empty')}</p>
      )}
      <p>
        <Link to="/agreements">{t('portal.agreements.all')}</Link>
      </p>
    </section>
  )
}

export default function Index() {
  const { user, dashboard } = useLoaderData<typeof loader>()
  const t = useT()
  const lang = useLang()
  if (!user || !dashboard) {
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
  const { upcoming, upcomingTotal, minutes, toConfirm } = dashboard
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p>{t('home.welcome', { name: user.name })}</p>
      <p>{t('home.roleIs', { role: t(`role.${user.role}`) })}</p>
      {toConfirm.total > 0 ? (
        <section aria-labelledby="to-confirm-heading">
          <h2 id="to-confirm-heading">{t('meetings.toConfirm')}</h2>
          <p>
            {t('meetings.toConfirmLead')} {t('meetings.toConfirmCount', { count: toConfirm.total })}
          </p>
          <ul>
            {toConfirm.meetings.map((meeting) => (
              <li key={meeting.id}>
                <Link to={`/meetings/${meeting.id}`}>{meeting.topic}</Link> — {meeting.bodyName},{' '}
                {formatMeetingWhen(meeting.startsAt, meeting.endsAt, lang)}
              </li>
            ))}
          </ul>
          <Pagination page={toConfirm.page} pages={toConfirm.pages} href={(page) => (page > 1 ? `/?confirm=${page}` : '/')} />
        </section>
      ) : null}
      <h2>{t('home.upcoming')}</h2>
      {upcoming.length === 0 ? (
        <p>{t('home.noUpcoming')}</p>
      ) : (
        <>
          <ul>
            {upcoming.map((meeting) => (
              <li key={meeting.id}>
                <Link to={`/meetings/${meeting.id}`}>{meeting.topic}</Link> — {meeting.bodyName},{' '}
                {formatMeetingWhen(meeting.startsAt, meeting.endsAt, lang)}
              </li>
            ))}
          </ul>
          {upcomingTotal > upcoming.length ? (
            <p>{t('calendar.dashboard.upcomingMore', { shown: upcoming.length, count: upcomingTotal })}</p>
          ) : null}
        </>
      )}
      <p>
        <Link to="/meetings">{t('home.allMeetings')}</Link>
      </p>
      <h2>{t('calendar.dashboard.minutesToReview')}</h2>
      {minutes.meetings.length === 0 ? (
        <p>{t('calendar.dashboard.noMinutesToReview')}</p>
      ) : (
        <>
          <ul>
            {minutes.meetings.map((meeting) => (
              <li key={meeting.id}>
                <Link to={`/meetings/${meeting.id}/minutes`}>{meeting.topic}</Link> — {meeting.bodyName},{' '}
                {formatMeetingWhen(meeting.startsAt, meeting.endsAt, lang)}
              </li>
            ))}
          </ul>
          {minutes.total > minutes.meetings.length ? (
            <p>{t('calendar.dashboard.minutesMore', { shown: minutes.meetings.length, count: minutes.total })}</p>
          ) : null}
        </>
      )}
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
