import { parseWithZod } from '@conform-to/zod/v4'
import { Breadcrumbs } from '~/components/breadcrumbs'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { requireBody } from '~/auth/access.server'
import { BodyForm } from '~/components/body-form'
import { useT } from '~/i18n/use-t'
import { updateBody } from '~/models/body.server'
import { listOrganisationOptions } from '~/models/organisation.server'
import { BodySchema } from '~/schemas/body'
import { actorOf, redirectWithNotice } from '~/utils/http.server'
import { moneyInput } from '~/utils/money'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Edycja: ${data?.body.name ?? ''} — Narada` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { body } = await requireBody(request, params, 'body.manage', { signIn: true })
  const organisations = listOrganisationOptions()
  // An institution archived since stays the convenor, and selectable, until someone changes it.
  if (!organisations.some((o) => o.id === body.conveningOrganisationId))
    organisations.push({ id: body.conveningOrganisationId, name: body.convening, shortName: null })
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
  return json({ body: { id: body.id, name: body.name }, defaultValue, organisations })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, body } = await requireBody(request, params, 'body.manage', { signIn: true })
  const submission = parseWithZod(await request.formData(), { schema: BodySchema })
  if (submission.status !== 'success') return json({ result: submission.reply() }, { status: 400 })
  const saved = updateBody({ id: body.id, input: submission.value, actor: actorOf(user, context) })
  if (!saved.ok) return json({ result: submission.reply({ fieldErrors: saved.fieldErrors }) }, { status: 400 })
  return redirectWithNotice(`/bodies/${body.id}`, 'common.saved')
}

export default function EditBody() {
  const t = useT()
  const { body, defaultValue, organisations } = useLoaderData<typeof loader>()
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
      <BodyForm lastResult={actionData?.result} defaultValue={defaultValue} organisations={organisations} cancelTo={`/bodies/${body.id}`} />
    </>
  )
}
