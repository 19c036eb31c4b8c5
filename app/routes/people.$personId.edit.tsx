import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { notFound, requirePermission } from '~/auth/require.server'
import { PersonForm } from '~/components/person-form'
import { pageTitle } from '~/i18n/page-title'
import { useT } from '~/i18n/use-t'
import { getPerson, updatePerson } from '~/models/person.server'
import { actorOf, parseId } from '~/utils/http.server'
import { submitPersonForm } from '~/utils/person-form.server'
import { chosenLabels } from '~/utils/picker.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'title.personEdit')

function requirePerson(personId: string | undefined) {
  const person = getPerson({ id: parseId(personId) })
  if (!person || person.archivedAt) throw notFound()
  return person
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'directory.edit')
  const person = requirePerson(params.personId)
  return json({ person, labels: chosenLabels({ organisationId: 'organisations' }, () => [String(person.organisationId)]) })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'directory.edit')
  const person = requirePerson(params.personId)
  return submitPersonForm(request, (input) => updatePerson({ id: person.id, input, actor: actorOf(user, context) }), 'person.saved')
}

export default function EditPerson() {
  const t = useT()
  const { person, labels } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const defaultValue = {
    name: person.name,
    position: person.position ?? undefined,
    organisationId: person.organisationId,
    email: person.email ?? undefined,
    phone: person.phone ?? undefined,
  }
  return (
    <>
      <h1>
        {t('person.editTitle')}: {person.name}
      </h1>
      <PersonForm
        lastResult={actionData?.result}
        defaultValue={defaultValue}
        organisation={{ search: actionData?.picker.search ?? null, labels: { ...labels, ...actionData?.picker.labels } }}
        cancelTo={`/organisations/${person.organisationId}`}
      />
    </>
  )
}
