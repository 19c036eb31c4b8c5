import { parseWithZod } from '@conform-to/zod/v4'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { requirePermission } from '~/auth/require.server'
import { BodyForm } from '~/components/body-form'
import { useT } from '~/i18n/use-t'
import { createBody } from '~/models/body.server'
import { listOrganisationOptions } from '~/models/organisation.server'
import { BodySchema } from '~/schemas/body'
import { actorOf, redirectWithNotice } from '~/utils/http.server'

export const meta: MetaFunction = () => [{ title: 'Nowy zespół — Narada' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'bodies.create')
  return json({ organisations: listOrganisationOptions() })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'bodies.create')
  const submission = parseWithZod(await request.formData(), { schema: BodySchema })
  if (submission.status !== 'success') return json({ result: submission.reply() }, { status: 400 })
  // The officer who sets the body up convenes it.
  const saved = createBody({ input: submission.value, actor: actorOf(user, context), convenor: user })
  if (!saved.ok) return json({ result: submission.reply({ fieldErrors: saved.fieldErrors }) }, { status: 400 })
  return redirectWithNotice(`/bodies/${saved.id}`, 'bodies.created')
}

export default function NewBody() {
  const t = useT()
  const { organisations } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <h1>{t('bodies.newTitle')}</h1>
      <BodyForm lastResult={actionData?.result} organisations={organisations} cancelTo="/bodies" />
    </>
  )
}
