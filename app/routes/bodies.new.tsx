import { parseWithZod } from '@conform-to/zod/v4'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { requirePermission } from '~/auth/require.server'
import { BodyForm } from '~/components/body-form'
import { pageTitle } from '~/i18n/page-title'
import { useT } from '~/i18n/use-t'
import { createBody } from '~/models/body.server'
import { BodySchema } from '~/schemas/body'
import { actorOf, redirectWithNotice } from '~/utils/http.server'
import { keptInput, readPickers } from '~/utils/picker.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'title.newBody')

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'bodies.create')
  return json({})
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'bodies.create')
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: BodySchema })
  const picker = readPickers(formData, { conveningOrganisationId: 'organisations' })
  if (picker.search) return json({ result: keptInput(submission), picker })
  if (submission.status !== 'success') return json({ result: submission.reply(), picker }, { status: 400 })
  // The officer who sets the body up convenes it.
  const saved = createBody({ input: submission.value, actor: actorOf(user, context), convenor: user })
  if (!saved.ok) return json({ result: submission.reply({ fieldErrors: saved.fieldErrors }), picker }, { status: 400 })
  return redirectWithNotice(`/bodies/${saved.id}`, 'bodies.created')
}

export default function NewBody() {
  const t = useT()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <h1>{t('bodies.newTitle')}</h1>
      <BodyForm
        lastResult={actionData?.result}
        scope={{ directory: 1 }}
        picker={actionData?.picker ?? { search: null, labels: {} }}
        cancelTo="/bodies"
      />
    </>
  )
}
