import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireDistribution } from '~/auth/access.server'
import { notFound } from '~/auth/require.server'
import { translator } from '~/i18n/messages'
import { getLang } from '~/i18n/lang.server'
import { distributionCounts } from '~/models/distribution-dashboard.server'
import { countyShapes } from '~/models/region-map.server'
import { countyMapSvg } from '~/utils/county-map'
import { confirmedShare, placesOf } from '~/utils/distribution-places.server'

/** The dashboard's map of the distribution's counties, for its officers; 404 where it charts voivodeships instead. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { distribution } = await requireDistribution(request, params)
  const counts = distributionCounts({ distributionId: distribution.id, escalateAfterDays: distribution.escalateAfterDays })
  const places = placesOf(counts.byCounty)
  const map = places.by === 'county' ? countyShapes(places.rows.map((row) => row.code)) : null
  if (!map) throw notFound()
  const t = translator(await getLang(request))
  const counties = new Map(places.rows.map((row) => [row.code, { name: row.name, rate: confirmedShare(row) }]))
  return new Response(countyMapSvg(map, counties, t('distributionDashboard.mapAlt')), {
    headers: { 'Content-Type': 'image/svg+xml; charset=utf-8', 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' },
  })
}
