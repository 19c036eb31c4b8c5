import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { notFound, requirePermission } from '~/auth/require.server'
import { OrganisationForm } from '~/components/organisation-form'
import { pageTitle } from '~/i18n/page-title'
import { useT } from '~/i18n/use-t'
import { getOrganisation, updateOrganisation } from '~/models/organisation.server'
import { getRegionChoices } from '~/models/region.server'
import { actorOf, parseId } from '~/utils/http.server'
import { submitOrganisationForm } from '~/utils/organisation-form.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, 'title.organisationEdit', { name: data?.organisation.name ?? '' })

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'directory.edit')
  const organisation = getOrganisation({ id: parseId(params.orgId) })
  if (!organisation) throw notFound()
  return json({
    organisation,
    choices: getRegionChoices({ voivodeship: organisation.voivodeshipCode, county: organisation.countyCode }),
  })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'directory.edit')
  const id = parseId(params.orgId)
  if (!getOrganisation({ id })) throw notFound()
  return submitOrganisationForm(request, (input) => updateOrganisation({ id, input, actor: actorOf(user, context) }), 'org.saved')
}

export default function EditOrganisation() {
  const t = useT()
  const { organisation, choices } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { id, voivodeshipCode, countyCode, ...fields } = organisation
  const defaultValue = Object.fromEntries(
    Object.entries({ ...fields, voivodeship: voivodeshipCode, county: countyCode }).map(([k, v]) => [k, v ?? undefined]),
  )
  return (
    <>
      <h1>
        {t('org.editTitle')}: {organisation.name}
      </h1>
      <OrganisationForm
        lastResult={actionData?.result}
        defaultValue={defaultValue}
        choices={actionData?.choices ?? choices}
        cancelTo={`/organisations/${id}`}
      />
    </>
  )
}
