import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { notFound } from '~/auth/require.server'
import { Breadcrumbs } from '~/components/breadcrumbs'
import { Pagination } from '~/components/list-controls'
import { portalYearPath } from '~/components/portal-bodies'
import { PortalMeetingCard } from '~/components/portal-meeting'
import { PortalYears } from '~/components/portal-years'
import { pageTitle } from '~/i18n/page-title'
import { useT } from '~/i18n/use-t'
import { getPortalBody, listPortalMeetings } from '~/models/portal.server'
import { parseId } from '~/utils/http.server'
import { pageCount, pageParam } from '~/utils/paging'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? pageTitle(matches, 'title.bodyYear', { body: data.body.name, year: data.year }) : pageTitle(matches, null)

/**
 * The public record of one team in one year: its public meetings with their public
 * documents. The same for everyone, signed in or not: only what the public may read.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const bodyId = parseId(params.bodyId)
  if (!/^\d{4}$/.test(params.year ?? '')) throw notFound()
  const year = Number(params.year)
  const body = getPortalBody({ bodyId })
  const shown = body?.years.find((y) => y.year === year)
  if (!body || !shown) throw notFound()
  const page = pageParam(new URL(request.url))
  return json({
    body: { id: body.id, name: body.name, kind: body.kind, convening: body.convening, umbrella: body.umbrella },
    years: body.years.map((y) => y.year),
    year,
    page,
    pages: pageCount(shown.meetings),
    meetings: listPortalMeetings({ bodyId, year, page }),
  })
}

export default function PortalYearPage() {
  const t = useT()
  const { body, years, year, page, pages, meetings } = useLoaderData<typeof loader>()
  return (
    <>
      <Breadcrumbs
        label={t('portal.breadcrumbs')}
        items={[
          { to: '/', label: t('portal.title') },
          { to: `/bodies/${body.id}`, label: body.name },
          { label: String(year), current: true },
        ]}
      />
      <h1>{t('portal.yearTitle', { name: body.name, year })}</h1>
      <p className="muted">
        {t(`bodies.kind.${body.kind}`)} · {t('portal.convenedBy', { name: body.convening })}
        {body.umbrella ? ` · ${body.umbrella}` : null}
      </p>
      <PortalYears bodyId={body.id} years={years} current={year} />
      {meetings.map((meeting) => (
        <PortalMeetingCard key={meeting.id} meeting={meeting} />
      ))}
      <Pagination page={page} pages={pages} href={(n) => `${portalYearPath(body.id, year)}${n > 1 ? `?page=${n}` : ''}`} />
    </>
  )
}
