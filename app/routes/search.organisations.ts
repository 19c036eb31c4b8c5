import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { searchDirectory } from '~/utils/picker.server'

/** What an institution picker's combobox asks: `?q=…&meeting=<id>` or `&body=<id>`, at most 20 matches. */
export async function loader({ request }: LoaderFunctionArgs) {
  return json(await searchDirectory(request, 'organisations'), { headers: { 'Cache-Control': 'private, no-store' } })
}
