import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { notFound, requirePermission } from '~/auth/require.server'
import { PersonForm } from '~/components/person-form'
import { pageTitle } from '~/i18n/page-title'
import { useT } from '~/i18n/use-t'
import { getOrganisation } from '~/models/organisation.server'
import { createPerson } from '~/models/person.server'
import { actorOf, parseId } from '~/utils/http.server'
import { submitPersonForm } from '~/utils/person-form.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'title.newPerson')

function requireActiveOrganisation(orgId: string | undefined) {
  const organisation = getOrganisation({ id: parseId(orgId) })
  if (!organisation || organisation.archivedAt) throw notFound()
  return organisation
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'directory.edit')
  const organisation = requireActiveOrganisation(params.orgId)
  return json({ organisation: { id: organisation.id, name: organisation.name } })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'directory.edit')
  const organisation = requireActiveOrganisation(params.orgId)
  return submitPersonForm(
    request,
    (input) => createPerson({ input: { ...input, organisationId: organisation.id }, actor: actorOf(user, context) }),
    'person.created',
  )
}

export default function NewPerson() {
  const t = useT()
  const { organisation } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <h1>{t('person.newTitle', { organisation: organisation.name })}</h1>
      <PersonForm
        lastResult={actionData?.result}
        defaultValue={{ organisationId: organisation.id }}
        cancelTo={`/organisations/${organisation.id}`}
      />
    </>
  )
}
