import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Outlet, useLoaderData } from '@remix-run/react'
import { requireAgreement } from '~/auth/access.server'
import { AgreementHeader } from '~/components/agreement-header'
import { pageTitle } from '~/i18n/page-title'
import { isInsider } from '~/utils/agreement-page.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, data ? 'agreements.pageTitle' : null, data ? { title: data.header.title, number: data.header.number } : undefined)

/** The agreement's header and tabs around its pages; each page's own loader checks access again. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, agreement } = await requireAgreement(request, params, 'agreement.read')
  const s = agreement.snapshot
  return json({
    header: { id: agreement.id, number: s.number, title: s.title, bodyName: s.bodyName, state: agreement.state, annexOf: s.annexOf },
    insider: isInsider(access),
  })
}

export default function AgreementLayout() {
  const { header, insider } = useLoaderData<typeof loader>()
  return (
    <>
      <AgreementHeader header={header} insider={insider} />
      <Outlet />
    </>
  )
}
