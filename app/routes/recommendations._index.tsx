import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { recommendationStates, type RecommendationState } from '#db/schema/enums'
import { getUser } from '~/auth/require.server'
import { Pagination } from '~/components/list-controls'
import { RecommendationTable } from '~/components/recommendation-list'
import { pageTitle } from '~/i18n/page-title'
import { countKey } from '~/i18n/plural'
import { useLang, useT } from '~/i18n/use-t'
import { listRecommendations } from '~/models/recommendation-list.server'
import { pageCount, pageParam } from '~/utils/paging'
import { teamFilter } from '~/utils/team-filter.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'recommendations.title')

const isState = (value: string | null): value is RecommendationState => recommendationStates.includes(value as RecommendationState)

function yearParam(url: URL): number | null {
  const year = Number(url.searchParams.get('year'))
  return Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : null
}

/** What the user may read: their teams' documents in every state, elsewhere those published for everyone. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  const url = new URL(request.url)
  const stateParam = url.searchParams.get('state')
  const state = isState(stateParam) ? stateParam : null
  const year = yearParam(url)
  const { body, teams } = teamFilter(user, url)
  const page = pageParam(url)
  const { rows, total, years } = listRecommendations({
    user,
    state: state ?? undefined,
    bodyId: body?.id,
    year: year ?? undefined,
    page,
  })
  return json({
    state,
    year,
    body,
    teams,
    years,
    total,
    page,
    pages: pageCount(total),
    rows: rows.map(({ id, title, number, bodyName, state, adoptedOn, publishedAt, withdrawnAt, updatedAt }) => ({
      id,
      title,
      number,
      bodyName,
      state,
      adoptedOn,
      publishedAt,
      withdrawnAt,
      updatedAt,
    })),
  })
}

export default function Recommendations() {
  const t = useT()
  const lang = useLang()
  const data = useLoaderData<typeof loader>()
  const href = (change: { body?: number | null; page?: number }) => {
    const search = new URLSearchParams()
    if (data.state) search.set('state', data.state)
    const body = change.body === undefined ? data.body?.id : change.body
    if (body) search.set('body', String(body))
    if (data.year) search.set('year', String(data.year))
    if (change.page && change.page > 1) search.set('page', String(change.page))
    const query = search.toString()
    return `/recommendations${query ? `?${query}` : ''}`
  }
  const said = [
    data.state ? t('recommendations.filterSaid.state', { state: t(`recommendation.state.${data.state}`) }) : null,
    data.body ? t('recommendations.filterSaid.team', { team: data.body.name }) : null,
    data.year ? t('recommendations.filterSaid.year', { year: data.year }) : null,
  ].filter(Boolean)
  const heading = `${t(countKey(lang, 'recommendations.count', data.total), { count: data.total })}: ${
    said.length ? said.join(', ') : t('recommendations.filterSaid.all')
  }`
  return (
    <>
      <h1>{t('recommendations.title')}</h1>
      <p>{t('recommendations.intro')}</p>
      <Form method="get" className="filters" aria-label={t('recommendations.filters')} key={`${data.body?.id}-${data.state}-${data.year}`}>
        <div className="row">
          <div className="field">
            <label htmlFor="filter-state">{t('recommendations.filter.state')}</label>
            <select id="filter-state" name="state" defaultValue={data.state ?? ''}>
              <option value="">{t('recommendations.filter.anyState')}</option>
              {recommendationStates.map((state) => (
                <option key={state} value={state}>
                  {t(`recommendation.state.${state}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-team">{t('recommendations.filter.team')}</label>
            <span className="field__hint" id="filter-team-hint">
              {t('recommendations.filter.teamHint')}
            </span>
            <input
              id="filter-team"
              type="search"
              name="team"
              aria-describedby="filter-team-hint"
              defaultValue={data.body?.name ?? data.teams?.q ?? ''}
            />
          </div>
          <div className="field">
            <label htmlFor="filter-year">{t('recommendations.filter.year')}</label>
            <select id="filter-year" name="year" defaultValue={data.year ?? ''}>
              <option value="">{t('recommendations.filter.anyYear')}</option>
              {data.years.map((year) => (
                <option key={year} value={year}>
                  {year}
                </option>
              ))}
            </select>
          </div>
          <div className="actions">
            <button type="submit">{t('common.filter')}</button>
            {data.state || data.body || data.teams || data.year ? (
              <Link to="/recommendations">{t('recommendations.filter.clear')}</Link>
            ) : null}
          </div>
        </div>
      </Form>
      {data.teams ? (
        <section aria-labelledby="teams-heading">
          <h2 id="teams-heading">{t('calendar.teamsFound', { q: data.teams.q, count: data.teams.total })}</h2>
          {data.teams.rows.length ? (
            <ul>
              {data.teams.rows.map((team) => (
                <li key={team.id}>
                  <Link to={href({ body: team.id })}>{team.name}</Link>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('calendar.noTeamFound')}</p>
          )}
          {data.teams.total > data.teams.rows.length ? <p>{t('calendar.narrowTeamSearch')}</p> : null}
        </section>
      ) : null}
      <section aria-labelledby="recommendations-heading">
        <h2 id="recommendations-heading">{heading}</h2>
        {data.rows.length ? (
          <RecommendationTable id="recommendations" title={heading} rows={data.rows} />
        ) : (
          <p>{t('recommendations.none')}</p>
        )}
        <Pagination page={data.page} pages={data.pages} href={(page) => href({ page })} />
      </section>
    </>
  )
}
