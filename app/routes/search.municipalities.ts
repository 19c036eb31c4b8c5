import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { requirePermission } from '~/auth/require.server'
import { searchMunicipalities } from '~/models/region-search.server'

/** What a municipality picker's combobox asks: `?q=…`, at most 20 municipalities. The register is for every reader. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'register.read')
  const q = (new URL(request.url).searchParams.get('q') ?? '').slice(0, 100)
  return json({ options: searchMunicipalities({ q }) }, { headers: { 'Cache-Control': 'private, no-store' } })
}
