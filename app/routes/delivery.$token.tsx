import { json, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { getUser, notFound } from '~/auth/require.server'
import { DeliveryPage } from '~/components/delivery-page'
import { pageTitle } from '~/i18n/page-title'
import { recipientByToken } from '~/models/distribution-recipient.server'
import { deliveryAction, deliveryHeaders, deliveryPage, type DeliveryReply } from '~/utils/delivery.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...pageTitle(matches, 'delivery.pageTitle', { title: data?.document.title ?? '' }),
  // A personal page: search engines must not keep it, even if a link leaks.
  { name: 'robots', content: 'noindex, nofollow' },
]

export const headers: HeadersFunction = () => deliveryHeaders

/** The token is the only key: an unknown, malformed or revoked one is a page that does not exist. */
function requireDelivery(token: string | undefined) {
  const recipient = token ? recipientByToken({ token }) : undefined
  if (!recipient) throw notFound()
  return recipient
}

/** A recipient institution's delivery, by the personal link of its e-mail; no account needed. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const recipient = requireDelivery(params.token)
  const data = deliveryPage(recipient, await getUser(request), { pdf: `/delivery/${params.token}/publication.pdf` })
  return json(data, { headers: deliveryHeaders })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const recipient = requireDelivery(params.token)
  return deliveryAction({ request, recipient, user: await getUser(request), context, here: `/delivery/${params.token}` })
}

export default function Delivery() {
  const data = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>() as DeliveryReply | undefined
  return <DeliveryPage data={data} reply={reply} />
}
