import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { requireBody } from '~/auth/access.server'
import { listDelegateOptions } from '~/models/membership.server'

/** The people an institution may delegate to a body: what the membership form fetches. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireBody(request, params, 'body.manage', { signIn: true })
  const organisationId = Number(new URL(request.url).searchParams.get('organisationId'))
  const people = Number.isSafeInteger(organisationId) && organisationId > 0 ? listDelegateOptions({ organisationId }) : []
  return json({ people })
}
