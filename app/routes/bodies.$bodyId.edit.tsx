import { parseWithZod } from '@conform-to/zod/v4'
import { Breadcrumbs } from '~/components/breadcrumbs'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { requireBody } from '~/auth/access.server'
import { BodyForm } from '~/components/body-form'
import { pageTitle } from '~/i18n/page-title'
import { useT } from '~/i18n/use-t'
import { updateBody } from '~/models/body.server'
import { BodySchema } from '~/schemas/body'
import { actorOf, redirectWithNotice } from '~/utils/http.server'
import { chosenLabels, keptInput, readPickers, type PickerFields } from '~/utils/picker.server'
import { moneyInput } from '~/utils/money'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, 'title.bodyEdit', { body: data?.body.name ?? '' })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { body } = await requireBody(request, params, 'body.manage', { signIn: true })
  // An institution archived since stays the convenor until someone changes it.
  const labels = chosenLabels(bodyPickers, () => [String(body.conveningOrganisationId)])
  const defaultValue = {
    kind: body.kind,
    name: body.name,
    mandate: body.mandate ?? undefined,
    conveningOrganisationId: String(body.conveningOrganisationId),
    umbrella: body.umbrella ?? undefined,
    isPublic: body.isPublic ? 'on' : undefined,
    projectName: body.projectName ?? undefined,
    projectProgramme: body.projectProgramme ?? undefined,
    projectNumber: body.projectNumber ?? undefined,
    projectTotalValue: moneyInput(body.projectTotalValue),
    projectEuFunding: moneyInput(body.projectEuFunding),
    projectTargetGroup: body.projectTargetGroup ?? undefined,
    projectFundingNotice: body.projectFundingNotice ?? undefined,
  }
  return json({ body: { id: body.id, name: body.name }, defaultValue, labels })
}

const bodyPickers: PickerFields = { conveningOrganisationId: 'organisations' }

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, body } = await requireBody(request, params, 'body.manage', { signIn: true })
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: BodySchema })
  const picker = readPickers(formData, bodyPickers)
  if (picker.search) return json({ result: keptInput(submission), picker })
  if (submission.status !== 'success') return json({ result: submission.reply(), picker }, { status: 400 })
  const saved = updateBody({ id: body.id, input: submission.value, actor: actorOf(user, context) })
  if (!saved.ok) return json({ result: submission.reply({ fieldErrors: saved.fieldErrors }), picker }, { status: 400 })
  return redirectWithNotice(`/bodies/${body.id}`, 'bodies.saved')
}

export default function EditBody() {
  const t = useT()
  const { body, defaultValue, labels } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <Breadcrumbs
        label={t('bodies.breadcrumbs')}
        items={[
          { to: '/bodies', label: t('bodies.listTitle') },
          { to: `/bodies/${body.id}`, label: body.name },
        ]}
      />
      <h1>{t('bodies.editTitle')}</h1>
      <BodyForm
        lastResult={actionData?.result}
        defaultValue={defaultValue}
        scope={{ body: body.id }}
        picker={{ search: actionData?.picker.search ?? null, labels: { ...labels, ...actionData?.picker.labels } }}
        cancelTo={`/bodies/${body.id}`}
      />
    </>
  )
}
