import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { requirePermission } from '~/auth/require.server'
import { getRegionChoices } from '~/models/region.server'

/** The lists of a region picker for a voivodeship and county: what the picker fetches. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'register.read')
  const url = new URL(request.url)
  return json(getRegionChoices({ voivodeship: url.searchParams.get('voivodeship'), county: url.searchParams.get('county') }))
}
