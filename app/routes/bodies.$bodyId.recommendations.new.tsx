import { parseWithZod } from '@conform-to/zod/v4'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { requireBody } from '~/auth/access.server'
import { notFound } from '~/auth/require.server'
import { Breadcrumbs } from '~/components/breadcrumbs'
import { RecommendationNewForm } from '~/components/recommendation-new-form'
import { pageTitle } from '~/i18n/page-title'
import { useT } from '~/i18n/use-t'
import { createRecommendation } from '~/models/recommendation.server'
import { NewRecommendationSchema } from '~/schemas/recommendation-cycle'
import { actorOf, redirectWithNotice } from '~/utils/http.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'recommendations.new.title')

// The team's officers (and administrators) start its recommendations; a closed team starts none.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { body } = await requireBody(request, params, 'body.manage', { signIn: true })
  if (body.closedAt) throw notFound()
  return json({ body: { id: body.id, name: body.name } })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, body } = await requireBody(request, params, 'body.manage', { signIn: true })
  if (body.closedAt) throw notFound()
  const submission = parseWithZod(await request.formData(), { schema: NewRecommendationSchema })
  if (submission.status !== 'success') return json({ result: submission.reply() }, { status: 400 })
  const { title, summary, addresseeKinds } = submission.value
  const id = createRecommendation({
    bodyId: body.id,
    input: { title, summary: summary ?? '', addresseeKinds },
    actor: actorOf(user, context),
  })
  return redirectWithNotice(`/recommendations/${id}/edit`, 'recommendations.created')
}

export default function NewRecommendation() {
  const t = useT()
  const { body } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <Breadcrumbs
        label={t('recommendations.breadcrumbs')}
        items={[
          { to: '/bodies', label: t('bodies.listTitle') },
          { to: `/bodies/${body.id}`, label: body.name },
          { label: t('recommendations.new'), current: true },
        ]}
      />
      <h1>{t('recommendations.new.title')}</h1>
      <p className="lead">{body.name}</p>
      <p>{t('recommendations.new.intro')}</p>
      <RecommendationNewForm lastResult={actionData?.result} />
    </>
  )
}
