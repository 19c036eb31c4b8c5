import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { notFound } from '~/auth/require.server'
import { Breadcrumbs } from '~/components/breadcrumbs'
import { PortalMeetingCard } from '~/components/portal-meeting'
import { PortalYears } from '~/components/portal-years'
import { useT } from '~/i18n/use-t'
import { getPortalBody, listPortalMeetings } from '~/models/portal.server'
import { parseId } from '~/utils/http.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.body.name}: ${data.year} — Narada` : 'Narada' }]

/**
 * The public record of one team in one year: its public meetings with their public
 * documents. The same for everyone, signed in or not: only what the public may read.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const bodyId = parseId(params.bodyId)
  if (!/^\d{4}$/.test(params.year ?? '')) throw notFound()
  const year = Number(params.year)
  const body = getPortalBody({ bodyId })
  if (!body?.years.some((y) => y.year === year)) throw notFound()
  return json({
    body: { id: body.id, name: body.name, kind: body.kind, convening: body.convening, umbrella: body.umbrella },
    years: body.years.map((y) => y.year),
    year,
    meetings: listPortalMeetings({ bodyId, year }),
  })
}

export default function PortalYearPage() {
  const t = useT()
  const { body, years, year, meetings } = useLoaderData<typeof loader>()
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
    </>
  )
}
