import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { canInBody } from '~/auth/body-permissions'
import { requireBody } from '~/auth/access.server'
import { ActionItemBodyTable } from '~/components/action-item-body-table'
import { Breadcrumbs } from '~/components/breadcrumbs'
import { useT } from '~/i18n/use-t'
import { listBodyActionItems, setActionItemState } from '~/models/action-item.server'
import { actionItemFilters, ActionItemStateSchema, parseActionItemFilter } from '~/schemas/action-item'
import { actorOf, parseId, redirectWithNotice } from '~/utils/http.server'
import { warsawDay } from '~/utils/time'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Zadania — ${data.body.name} — Narada` : 'Zadania — Narada' },
]

function filterOf(request: Request) {
  return parseActionItemFilter(new URL(request.url).searchParams.get('state'))
}

// The team's insiders see its items; officers change their state here too. Anyone else: 404.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, body } = await requireBody(request, params, 'body.readInternal')
  const manage = canInBody(access, 'body.manage')
  const filter = filterOf(request)
  const items = listBodyActionItems({ bodyId: body.id, state: filter }).map((item) => ({
    id: item.id,
    meetingId: item.meetingId,
    meetingNumber: item.meetingNumber,
    meetingDay: warsawDay(item.meetingStartsAt),
    text: item.text,
    owner: item.owner,
    dueText: item.dueText,
    dueDate: item.dueDate,
    overdue: item.overdue,
    state: item.state,
    stateNote: item.stateNote,
    closedAt: item.closedAt,
  }))
  return json({ body: { id: body.id, name: body.name }, manage, filter, items })
}

type ActionData = { form: string; result: SubmissionResult<string[]> }

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, body } = await requireBody(request, params, 'body.manage')
  const filter = filterOf(request)
  const formData = await request.formData()
  if (formData.get('intent') !== 'state') throw new Response('Bad Request', { status: 400 })
  const form = `state-${parseId(String(formData.get('itemId') ?? ''))}`
  const submission = parseWithZod(formData, { schema: ActionItemStateSchema })
  if (submission.status !== 'success') return json<ActionData>({ form, result: submission.reply() }, { status: 400 })
  const { itemId, state, note } = submission.value
  const saved = setActionItemState({ bodyId: body.id, itemId, state, note, actor: actorOf(user, context) })
  if (!saved.ok)
    return json<ActionData>(
      { form, result: submission.reply({ fieldErrors: saved.fieldErrors, formErrors: saved.formErrors }) },
      { status: 400 },
    )
  return redirectWithNotice(`/bodies/${body.id}/action-items?state=${filter}`, 'actionItems.stateChanged')
}

export default function BodyActionItems() {
  const t = useT()
  const { body, manage, filter, items } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const filterLabel = t(`actionItems.filter.${filter}`)
  return (
    <>
      <Breadcrumbs
        label={t('bodies.breadcrumbs')}
        items={[
          { to: '/bodies', label: t('bodies.listTitle') },
          { to: `/bodies/${body.id}`, label: body.name },
          { label: t('actionItems.bodyTitle'), current: true },
        ]}
      />
      <h1>
        {t('actionItems.bodyTitle')}: {body.name}
      </h1>
      <p>{t('actionItems.bodyIntro')}</p>
      <Form method="get" className="filters">
        <div className="row">
          <div className="field">
            <label htmlFor="action-item-filter">{t('actionItems.filter.label')}</label>
            <select id="action-item-filter" name="state" defaultValue={filter} key={filter}>
              {actionItemFilters.map((value) => (
                <option key={value} value={value}>
                  {t(`actionItems.filter.${value}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button--secondary">
            {t('actionItems.filter.submit')}
          </button>
        </div>
      </Form>
      {items.length === 0 ? (
        <p>{t('actionItems.bodyNone')}</p>
      ) : (
        <ActionItemBodyTable
          caption={t('actionItems.bodyCaption', { filter: filterLabel })}
          items={items}
          manage={manage}
          stateResult={(itemId) => (actionData?.form === `state-${itemId}` ? actionData.result : undefined)}
        />
      )}
    </>
  )
}
