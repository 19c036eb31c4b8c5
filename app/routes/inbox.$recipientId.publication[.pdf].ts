import type { LoaderFunctionArgs } from '@remix-run/node'
import { notFound, requireUser } from '~/auth/require.server'
import { getRecipient, organisationOfPerson } from '~/models/distribution-recipient.server'
import { publishedPdfResponse } from '~/utils/delivery.server'
import { parseId } from '~/utils/http.server'

/** The publication of a delivery to the signed-in user's own institution. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const recipient = getRecipient({ id: parseId(params.recipientId) })
  if (!recipient || recipient.organisationId !== organisationOfPerson(user.personId)?.id) throw notFound()
  return publishedPdfResponse(recipient.documentId)
}
