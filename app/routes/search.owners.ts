import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { searchDirectory } from '~/utils/picker.server'

/** What the owner picker of an action item asks (institutions and people): `?q=…&meeting=<id>`, at most 20 matches. */
export async function loader({ request }: LoaderFunctionArgs) {
  return json(await searchDirectory(request, 'owners'), { headers: { 'Cache-Control': 'private, no-store' } })
}
