import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { requirePermission } from '~/auth/require.server'
import { OrganisationForm } from '~/components/organisation-form'
import { pageTitle } from '~/i18n/page-title'
import { useT } from '~/i18n/use-t'
import { createOrganisation } from '~/models/organisation.server'
import { getRegionChoices } from '~/models/region.server'
import { actorOf } from '~/utils/http.server'
import { submitOrganisationForm } from '~/utils/organisation-form.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'title.newOrganisation')

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'directory.edit')
  return json({ choices: getRegionChoices({}) })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'directory.edit')
  return submitOrganisationForm(request, (input) => createOrganisation({ input, actor: actorOf(user, context) }), 'org.created')
}

export default function NewOrganisation() {
  const t = useT()
  const { choices } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <h1>{t('org.newTitle')}</h1>
      <OrganisationForm lastResult={actionData?.result} choices={actionData?.choices ?? choices} cancelTo="/organisations" />
    </>
  )
}
