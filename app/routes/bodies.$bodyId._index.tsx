import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Breadcrumbs } from '~/components/breadcrumbs'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { canInBody, type BodyAccess } from '~/auth/body-permissions'
import { requireBody } from '~/auth/access.server'
import { MeetingList } from '~/components/body-meetings'
import { pageTitle } from '~/i18n/page-title'
import { useLang, useT } from '~/i18n/use-t'
import { countOpenActionItems } from '~/models/action-item.server'
import { listOfficers, setBodyClosed } from '~/models/body.server'
import { listMemberships } from '~/models/membership.server'
import { countMeetingsByYear, listMeetingsPage, type ListedMeeting } from '~/models/meeting.server'
import { getPortalBody } from '~/models/portal.server'
import type { SessionUser } from '~/auth/session.server'
import { Pagination } from '~/components/list-controls'
import { portalYearPath } from '~/components/portal-bodies'
import { RecommendationTable } from '~/components/recommendation-list'
import { listBodyRecommendations } from '~/models/recommendation-list.server'
import { PAGE_SIZE, pageCount, pageParam } from '~/utils/paging'
import { formatMoney } from '~/utils/format'
import { actorOf, redirectWithNotice } from '~/utils/http.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, 'title.named', { name: data?.body.name ?? '' })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, access, body } = await requireBody(request, params, 'body.read')
  const id = body.id
  const internal = canInBody(access, 'body.readInternal')
  // A visitor learns which institutions sit on a public body, not who represents them.
  const members = listMemberships({ bodyId: id })
    .filter((m) => m.current)
    .map((m) => ({
      id: m.id,
      organisationId: m.organisationId,
      organisation: m.organisation,
      role: m.role,
      fromDate: m.fromDate,
      delegate: internal ? m.delegate : null,
      delegatePosition: internal ? m.delegatePosition : null,
      deputy: internal ? m.deputy : null,
    }))
  const officers = listOfficers({ bodyId: id }).map((o) => ({
    userId: o.userId,
    name: o.name,
    role: o.role,
    email: internal ? o.email : null,
  }))
  const { projectId, conveningOrganisationId, ...shown } = body
  return json({
    body: { ...shown, closed: !!body.closedAt, hasProject: !!projectId },
    access,
    members,
    officers,
    meetings: bodyMeetings({ user, bodyId: id, page: pageParam(new URL(request.url)) }),
    portalYears: body.isPublic ? (getPortalBody({ bodyId: id })?.years.map((y) => y.year) ?? []) : [],
    actionItems: internal ? countOpenActionItems({ bodyId: id }) : null,
    recommendations: bodyRecommendations({ bodyId: id, access, page: pageParam(new URL(request.url), 'rec') }),
  })
}

/** One page of the team's recommendations: every state for its insiders, the public ones for anyone else. */
function bodyRecommendations({ bodyId, access, page }: { bodyId: number; access: BodyAccess; page: number }) {
  const { rows, total } = listBodyRecommendations({ bodyId, access, page })
  return { page, pages: pageCount(total), rows }
}

/** One page of the body's meetings: the upcoming ones, then the past ones, with how many there are of each. */
function bodyMeetings({ user, bodyId, page }: { user: SessionUser | null; bodyId: number; page: number }) {
  const years = countMeetingsByYear({ user, bodyId })
  const upcoming = years.reduce((sum, y) => sum + y.upcoming, 0)
  const past = years.reduce((sum, y) => sum + y.meetings, 0) - upcoming
  const rows = listMeetingsPage({ user, bodyId, page, upcoming })
  const shown = ({ id, number, topic, startsAt, endsAt, venueName, state }: ListedMeeting) => ({
    id,
    number,
    topic,
    startsAt,
    endsAt,
    venueName,
    state,
  })
  return {
    page,
    pages: pageCount(upcoming + past),
    totals: { upcoming, past },
    upcoming: rows.upcoming.map(shown),
    past: rows.past.map(shown),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, body } = await requireBody(request, params, 'body.manage', { signIn: true })
  const id = body.id
  const intent = (await request.formData()).get('intent')
  if (intent !== 'close' && intent !== 'reopen') throw new Response('Bad Request', { status: 400 })
  setBodyClosed({ id, closed: intent === 'close', actor: actorOf(user, context) })
  return redirectWithNotice(`/bodies/${id}`, intent === 'close' ? 'bodies.closedNotice' : 'bodies.reopenedNotice')
}

export default function BodyPage() {
  const t = useT()
  const lang = useLang()
  const { body, access, members, officers, meetings, portalYears, actionItems, recommendations } = useLoaderData<typeof loader>()
  const manage = canInBody(access, 'body.manage')
  const internal = canInBody(access, 'body.readInternal')
  return (
    <>
      <Breadcrumbs label={t('bodies.breadcrumbs')} items={[{ to: '/bodies', label: t('bodies.listTitle') }]} />
      <div className="page-head">
        <h1>{body.name}</h1>
        <div className="actions">
          {internal ? (
            <Link to="members" className="button button--secondary">
              {t('bodies.membersLink')}
            </Link>
          ) : null}
          {manage ? (
            <>
              {body.closed ? null : (
                <Link to="recommendations/new" className="button button--secondary">
                  {t('recommendations.new')}
                </Link>
              )}
              <Link to="edit" className="button">
                {t('common.edit')}
              </Link>
              <Form method="post">
                <input type="hidden" name="intent" value={body.closed ? 'reopen' : 'close'} />
                <button type="submit" className="button--secondary">
                  {body.closed ? t('bodies.reopen') : t('bodies.close')}
                </button>
              </Form>
            </>
          ) : null}
        </div>
      </div>
      {body.closed ? <p className="notice notice--info">{t('bodies.closedInfo')}</p> : null}
      <dl className="details">
        <dt>{t('bodies.kind')}</dt>
        <dd>{t(`bodies.kind.${body.kind}`)}</dd>
        <dt>{t('bodies.convening')}</dt>
        <dd>{body.convening}</dd>
        {body.umbrella ? (
          <>
            <dt>{t('bodies.umbrella')}</dt>
            <dd>{body.umbrella}</dd>
          </>
        ) : null}
        <dt>{t('bodies.visibility')}</dt>
        <dd>
          <span className="badge">{body.isPublic ? t('bodies.public') : t('bodies.private')}</span>
        </dd>
      </dl>
      {body.mandate ? (
        <section aria-labelledby="mandate-heading">
          <h2 id="mandate-heading">{t('bodies.mandate')}</h2>
          <p className="body-mandate">{body.mandate}</p>
        </section>
      ) : null}

      {body.hasProject ? (
        <section aria-labelledby="project-heading">
          <h2 id="project-heading">{t('bodies.project')}</h2>
          <dl className="details">
            <dt>{t('bodies.projectName')}</dt>
            <dd>{body.projectName}</dd>
            {body.projectProgramme ? (
              <>
                <dt>{t('bodies.projectProgramme')}</dt>
                <dd>{body.projectProgramme}</dd>
              </>
            ) : null}
            {body.projectNumber ? (
              <>
                <dt>{t('bodies.projectNumber')}</dt>
                <dd>{body.projectNumber}</dd>
              </>
            ) : null}
            {body.projectTotalValue != null ? (
              <>
                <dt>{t('bodies.projectTotalValue')}</dt>
                <dd>{formatMoney(body.projectTotalValue, lang)}</dd>
              </>
            ) : null}
            {body.projectEuFunding != null ? (
              <>
                <dt>{t('bodies.projectEuFunding')}</dt>
                <dd>{formatMoney(body.projectEuFunding, lang)}</dd>
              </>
            ) : null}
            {body.projectTargetGroup ? (
              <>
                <dt>{t('bodies.projectTargetGroup')}</dt>
                <dd>{body.projectTargetGroup}</dd>
              </>
            ) : null}
            {body.projectFundingNotice ? (
              <>
                <dt>{t('bodies.projectFundingNotice')}</dt>
                <dd>{body.projectFundingNotice}</dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}

      <section aria-labelledby="officers-heading">
        <h2 id="officers-heading">{t('bodies.officers')}</h2>
        {officers.length === 0 ? (
          <p>{t('bodies.noOfficers')}</p>
        ) : (
          <ul>
            {officers.map((officer) => (
              <li key={officer.userId}>
                {officer.name} — {t(`bodies.officerRole.${officer.role}`)}
                {officer.email ? (
                  <>
                    {', '}
                    <a href={`mailto:${officer.email}`}>{officer.email}</a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{t('bodies.currentMembers')}</h2>
        {members.length === 0 ? (
          <p>{t('bodies.noMembers')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t('bodies.currentMembers')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('bodies.institution')}</th>
                  <th scope="col">{t('bodies.role')}</th>
                  {internal ? (
                    <>
                      <th scope="col">{t('bodies.delegate')}</th>
                      <th scope="col">{t('bodies.deputy')}</th>
                    </>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {members.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">{m.organisation}</th>
                    <td>{t(`bodies.membershipRole.${m.role}`)}</td>
                    {internal ? (
                      <>
                        <td>
                          {m.delegate ?? t('common.none')}
                          {m.delegatePosition ? <span className="muted">, {m.delegatePosition}</span> : null}
                        </td>
                        <td>{m.deputy ?? t('common.none')}</td>
                      </>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {internal ? (
          <p>
            <Link to="members">{t('bodies.membersHistoryLink')}</Link>
          </p>
        ) : null}
      </section>

      {actionItems ? (
        <section aria-labelledby="action-items-heading">
          <h2 id="action-items-heading">{t('actionItems.block.title')}</h2>
          <p>
            {t('actionItems.block.open', { count: actionItems.open })}
            {actionItems.overdue ? ` ${t('actionItems.block.overdue', { count: actionItems.overdue })}` : null}{' '}
            <Link to="action-items">{t('actionItems.block.link')}</Link>
          </p>
        </section>
      ) : null}

      <section aria-labelledby="meetings-heading">
        <div className="page-head">
          <h2 id="meetings-heading">{t('bodies.meetings')}</h2>
          <div className="actions">
            {manage && !body.closed ? (
              <Link to="meetings/new" className="button">
                {t('bodies.scheduleMeeting')}
              </Link>
            ) : null}
            <a href={`/bodies/${body.id}/calendar.ics`}>{t('bodies.calendarFeed')}</a>
          </div>
        </div>
        {meetings.upcoming.length || meetings.page === 1 ? (
          <MeetingList
            id="upcoming"
            title={t('bodies.upcomingCount', { count: meetings.totals.upcoming })}
            empty={t('bodies.noUpcoming')}
            meetings={meetings.upcoming}
          />
        ) : null}
        {meetings.past.length || meetings.upcoming.length < PAGE_SIZE ? (
          <MeetingList
            id="past"
            title={t('bodies.pastCount', { count: meetings.totals.past })}
            empty={t('bodies.noPast')}
            meetings={meetings.past}
          />
        ) : null}
        <Pagination page={meetings.page} pages={meetings.pages} href={(page) => `/bodies/${body.id}${page > 1 ? `?page=${page}` : ''}`} />
        <p>
          <Link to={`/meetings?body=${body.id}`}>{t('bodies.meetingsByYear')}</Link>
        </p>
        {portalYears.length ? (
          <nav aria-labelledby="portal-years-heading" className="period-nav">
            <h3 id="portal-years-heading">{t('bodies.portalYears')}</h3>
            <ul>
              {portalYears.map((year) => (
                <li key={year}>
                  <Link to={portalYearPath(body.id, year)}>{year}</Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </section>

      <section aria-labelledby="recommendations-heading">
        <h2 id="recommendations-heading">{t('portal.recommendations.bodyHeading')}</h2>
        {recommendations.rows.length ? (
          <RecommendationTable id="body-recommendations" title={t('portal.recommendations.bodyHeading')} rows={recommendations.rows} />
        ) : (
          <p>{t(internal ? 'portal.recommendations.bodyNone' : 'portal.recommendations.bodyEmpty')}</p>
        )}
        <Pagination
          page={recommendations.page}
          pages={recommendations.pages}
          href={(page) => `/bodies/${body.id}${page > 1 ? `?rec=${page}` : ''}`}
        />
        <p>
          <Link to={`/recommendations?body=${body.id}`}>{t('portal.recommendations.bodyAll')}</Link>
        </p>
      </section>
    </>
  )
}
