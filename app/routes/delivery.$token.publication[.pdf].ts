import type { LoaderFunctionArgs } from '@remix-run/node'
import { notFound } from '~/auth/require.server'
import { recipientByToken } from '~/models/distribution-recipient.server'
import { publishedPdfResponse } from '~/utils/delivery.server'

/** The archived publication a delivery carries, for its personal link alone. */
export async function loader({ params }: LoaderFunctionArgs) {
  const recipient = params.token ? recipientByToken({ token: params.token }) : undefined
  if (!recipient) throw notFound()
  return publishedPdfResponse(recipient.documentId)
}
