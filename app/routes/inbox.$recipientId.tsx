import { json, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { notFound, requireUser } from '~/auth/require.server'
import { DeliveryPage } from '~/components/delivery-page'
import { pageTitle } from '~/i18n/page-title'
import { getRecipient, organisationOfPerson } from '~/models/distribution-recipient.server'
import { deliveryAction, deliveryHeaders, deliveryPage, type DeliveryReply } from '~/utils/delivery.server'
import { parseId } from '~/utils/http.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, 'delivery.pageTitle', { title: data?.document.title ?? '' })

export const headers: HeadersFunction = () => deliveryHeaders

/** A delivery to the signed-in user's own institution; anyone else's answers 404. */
async function requireOwnDelivery(request: Request, recipientId: string | undefined) {
  const user = await requireUser(request)
  const recipient = getRecipient({ id: parseId(recipientId) })
  const organisation = organisationOfPerson(user.personId)
  if (!recipient || !organisation || recipient.organisationId !== organisation.id) throw notFound()
  return { user, recipient }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, recipient } = await requireOwnDelivery(request, params.recipientId)
  return json(deliveryPage(recipient, user, { pdf: `/inbox/${recipient.id}/publication.pdf` }), { headers: deliveryHeaders })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, recipient } = await requireOwnDelivery(request, params.recipientId)
  return deliveryAction({ request, recipient, user, context, here: `/inbox/${recipient.id}` })
}

export default function InboxDelivery() {
  const data = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>() as DeliveryReply | undefined
  return <DeliveryPage data={data} reply={reply} />
}
