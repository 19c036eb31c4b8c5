import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { canInBody } from '~/auth/body-permissions'
import { requireBody } from '~/auth/access.server'
import { ActionItemBodyTable } from '~/components/action-item-body-table'
import { Breadcrumbs } from '~/components/breadcrumbs'
import { Pagination } from '~/components/list-controls'
import { pageTitle } from '~/i18n/page-title'
import { useT } from '~/i18n/use-t'
import { listBodyActionItems, setActionItemState } from '~/models/action-item.server'
import { actionItemFilters, ActionItemStateSchema, parseActionItemFilter } from '~/schemas/action-item'
import { actorOf, parseId, redirectWithNotice } from '~/utils/http.server'
import { pageHref, pageParam } from '~/utils/paging'
import { warsawDay } from '~/utils/time'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? pageTitle(matches, 'title.bodyActionItems', { body: data.body.name }) : pageTitle(matches, 'title.part.actionItems')

function filterOf(request: Request) {
  return parseActionItemFilter(new URL(request.url).searchParams.get('state'))
}

// The team's insiders see its items; officers change their state here too. Anyone else: 404.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, body } = await requireBody(request, params, 'body.readInternal')
  const manage = canInBody(access, 'body.manage')
  const filter = filterOf(request)
  const url = new URL(request.url)
  const page = pageParam(url)
  const list = listBodyActionItems({ bodyId: body.id, state: filter, page })
  if (page > list.pages) throw redirect(`${url.pathname}${pageHref(url.search, list.pages)}`)
  const items = list.items.map((item) => ({
    id: item.id,
    meetingId: item.meetingId,
    meetingNumber: item.meetingNumber,
    meetingDay: warsawDay(item.meetingStartsAt),
    text: item.text,
    owners: item.owners.map((owner) => owner.name),
    dueText: item.dueText,
    dueDate: item.dueDate,
    overdue: item.overdue,
    state: item.state,
    stateNote: item.stateNote,
    closedAt: item.closedAt,
  }))
  return json({ body: { id: body.id, name: body.name }, manage, filter, items, total: list.total, page, pages: list.pages })
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
  // Back to the same page of the same list; an item that left the filter leaves a gap there.
  const page = pageParam(new URL(request.url))
  return redirectWithNotice(
    `/bodies/${body.id}/action-items${pageHref(new URLSearchParams({ state: filter }), page)}`,
    'actionItems.stateChanged',
  )
}

export default function BodyActionItems() {
  const t = useT()
  const { body, manage, filter, items, total, page, pages } = useLoaderData<typeof loader>()
  const { search } = useLocation()
  const actionData = useActionData<typeof action>()
  const filterLabel = (value: typeof filter) => (value === 'all' ? t('actionItems.filter.all') : t(`actionItems.state.${value}`))
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
                  {filterLabel(value)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button--secondary">
            {t('actionItems.filter.submit')}
          </button>
        </div>
      </Form>
      <p role="status">{t('common.results', { count: total })}</p>
      {items.length === 0 ? (
        <p>{t('actionItems.bodyNone')}</p>
      ) : (
        <ActionItemBodyTable
          caption={t('actionItems.bodyCaption', { filter: filterLabel(filter) })}
          items={items}
          manage={manage}
          stateResult={(itemId) => (actionData?.form === `state-${itemId}` ? actionData.result : undefined)}
        />
      )}
      <Pagination page={page} pages={pages} href={(n) => pageHref(search, n)} />
    </>
  )
}
