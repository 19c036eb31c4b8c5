import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { canInBody } from '~/auth/body-permissions'
import { notFound, requireUser } from '~/auth/require.server'
import { getBodyAccess } from '~/models/body-access.server'
import { listDelegateOptions } from '~/models/membership.server'
import { parseId } from '~/utils/http.server'

/** The people an institution may delegate to a body: what the membership form fetches. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const bodyId = parseId(params.bodyId)
  if (!canInBody(getBodyAccess({ bodyId, user }), 'body.manage')) throw notFound()
  const organisationId = Number(new URL(request.url).searchParams.get('organisationId'))
  const people = Number.isSafeInteger(organisationId) && organisationId > 0 ? listDelegateOptions({ organisationId }) : []
  return json({ people })
}
