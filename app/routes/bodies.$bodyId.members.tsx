import type { SubmissionResult } from '@conform-to/react'
import { Breadcrumbs } from '~/components/breadcrumbs'
import { parseWithZod } from '@conform-to/zod/v4'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Pagination } from '~/components/list-controls'
import { canInBody } from '~/auth/body-permissions'
import { requireBody } from '~/auth/access.server'
import { notFound } from '~/auth/require.server'
import type { SessionUser } from '~/auth/session.server'
import { BodyOfficers } from '~/components/body-officers'
import {
  BulkMembershipForm,
  BulkMembershipSearch,
  EndMembershipForm,
  MembershipForm,
  type PersonOption,
} from '~/components/membership-form'
import { getLang } from '~/i18n/lang.server'
import { pageTitle } from '~/i18n/page-title'
import { countKey } from '~/i18n/plural'
import { useLang, useT } from '~/i18n/use-t'
import { getBodyAccess, today } from '~/models/body-access.server'
import { addOfficer, listOfficerCandidates, listOfficers, removeOfficer } from '~/models/body.server'
import {
  addMembership,
  addMemberships,
  endMembership,
  listDelegateOptions,
  listMembershipCandidates,
  listMemberships,
  teamStartDay,
} from '~/models/membership.server'
import { EndMembershipSchema, MembershipSchema, OfficerSchema } from '~/schemas/body'
import { organisationFilterQuery, readOrganisationFilter } from '~/schemas/directory'
import { BulkMembershipSchema } from '~/schemas/membership-bulk'
import { formatDate } from '~/utils/format'
import { actorOf, redirectWithNotice } from '~/utils/http.server'
import type { PickerState } from '~/utils/picker'
import { keptInput, readPickers } from '~/utils/picker.server'
import { filterPickers } from '~/utils/organisation-filter.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, 'title.members', { body: data?.body.name ?? '' })

// The members page is internal: never public, so a visitor signs in first.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, body } = await requireBody(request, params, 'body.readInternal', { signIn: true })
  const manage = canInBody(access, 'body.manage')
  return json({
    body: { id: body.id, name: body.name },
    manage,
    today: today(),
    teamStart: manage ? teamStartDay({ bodyId: body.id }) : null,
    bulk: manage ? bulkSearch(new URL(request.url).searchParams, body.id) : null,
    memberships: listMemberships({ bodyId: body.id }),
    officers: listOfficers({ bodyId: body.id }),
    candidates: manage ? listOfficerCandidates({ bodyId: body.id }) : [],
  })
}

/** The directory's search for several new members, once asked for (`?bulk=1&kind=…&county=…&q=…`). */
function bulkSearch(params: URLSearchParams, bodyId: number) {
  const filter = readOrganisationFilter(params)
  const asked = params.has('bulk')
  return {
    filter,
    query: organisationFilterQuery(filter).toString(),
    picker: filterPickers(params, filter),
    results: asked ? listMembershipCandidates({ bodyId, filter }) : null,
    selectAll: params.has('all'),
  }
}

type Reply = {
  form: 'membership' | 'end' | 'officer' | 'bulk'
  membershipId: number | null
  result: SubmissionResult<string[]>
  people: PersonOption[] | null
  picker?: PickerState
  /** The institutions of a refused batch that already sit on the team on its day. */
  clashing?: string[]
}

const reply = (data: Reply, status = 400) => json(data, { status })

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, body } = await requireBody(request, params, 'body.manage', { signIn: true })
  const actor = actorOf(user, context)
  const formData = await request.formData()
  const intent = formData.get('intent')
  const back = `/bodies/${body.id}/members`

  if (intent === 'add-membership') {
    const organisationId = Number(formData.get('organisationId'))
    const people = organisationId > 0 ? listDelegateOptions({ organisationId }) : []
    const picker = readPickers(formData, { organisationId: 'organisations' })
    if (formData.has('showPeople') || picker.search) {
      formData.delete('showPeople')
      const submission = parseWithZod(formData, { schema: MembershipSchema })
      return reply({ form: 'membership', membershipId: null, result: keptInput(submission), people, picker }, 200)
    }
    const submission = parseWithZod(formData, { schema: MembershipSchema })
    if (submission.status !== 'success')
      return reply({ form: 'membership', membershipId: null, result: submission.reply(), people, picker })
    const saved = addMembership({ bodyId: body.id, input: submission.value, actor })
    if (!saved.ok)
      return reply({ form: 'membership', membershipId: null, result: submission.reply({ fieldErrors: saved.fieldErrors }), people, picker })
    return redirectWithNotice(back, 'bodies.membershipAdded')
  }

  if (intent === 'add-memberships') {
    const submission = parseWithZod(formData, { schema: BulkMembershipSchema })
    if (submission.status !== 'success') return reply({ form: 'bulk', membershipId: null, result: submission.reply(), people: null })
    const { organisationId, role, start, fromDate } = submission.value
    const day = start === 'today' ? today() : start === 'teamStart' ? teamStartDay({ bodyId: body.id }) : fromDate!
    const saved = addMemberships({ bodyId: body.id, organisationIds: organisationId, role, fromDate: day, actor })
    if (!saved.ok)
      return reply({
        form: 'bulk',
        membershipId: null,
        result: submission.reply({ fieldErrors: saved.fieldErrors }),
        people: null,
        clashing: saved.clashing,
      })
    // Back to the same search, where the institutions now show as members.
    const search = new URL(request.url).searchParams
    search.delete('all')
    return redirectWithNotice(`${back}?${search}#bulk-heading`, [
      { key: countKey(await getLang(request), 'members.added', saved.added), params: { count: saved.added } },
    ])
  }

  if (intent === 'end-membership') {
    const submission = parseWithZod(formData, { schema: EndMembershipSchema })
    const membershipId = Number(formData.get('membershipId')) || null
    if (submission.status !== 'success') return reply({ form: 'end', membershipId, result: submission.reply(), people: null })
    const saved = endMembership({ bodyId: body.id, membershipId: submission.value.membershipId, toDate: submission.value.toDate, actor })
    if (!saved.ok) return reply({ form: 'end', membershipId, result: submission.reply({ fieldErrors: saved.fieldErrors }), people: null })
    return redirectWithNotice(back, 'bodies.membershipEnded')
  }

  if (intent === 'add-officer') {
    const submission = parseWithZod(formData, { schema: OfficerSchema })
    if (submission.status !== 'success') return reply({ form: 'officer', membershipId: null, result: submission.reply(), people: null })
    const saved = addOfficer({ bodyId: body.id, userId: submission.value.userId, role: submission.value.role, actor })
    if (!saved.ok)
      return reply({ form: 'officer', membershipId: null, result: submission.reply({ fieldErrors: saved.fieldErrors }), people: null })
    return redirectWithNotice(back, 'bodies.officerAdded')
  }

  if (intent === 'remove-officer') {
    const userId = Number(formData.get('userId'))
    if (!listOfficers({ bodyId: body.id }).some((o) => o.userId === userId)) throw notFound()
    removeOfficer({ bodyId: body.id, userId, actor })
    // An officer who stepped down may no longer see the page they were on.
    return redirectWithNotice(stillManages(user, body.id) ? back : '/bodies', 'bodies.officerRemoved')
  }

  throw new Response('Bad Request', { status: 400 })
}

function stillManages(user: SessionUser, bodyId: number) {
  return canInBody(getBodyAccess({ bodyId, user }), 'body.readInternal')
}

export default function BodyMembers() {
  const t = useT()
  const lang = useLang()
  const { body, manage, today, teamStart, bulk, memberships, officers, candidates } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const resultFor = (form: Reply['form'], membershipId: number | null = null) =>
    actionData?.form === form && actionData.membershipId === membershipId ? actionData.result : undefined
  return (
    <>
      <Breadcrumbs
        label={t('bodies.breadcrumbs')}
        items={[
          { to: '/bodies', label: t('bodies.listTitle') },
          { to: `/bodies/${body.id}`, label: body.name },
        ]}
      />
      <h1>{t('bodies.membersTitle', { name: body.name })}</h1>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('bodies.membershipHistory')}</h2>
        {memberships.length === 0 ? (
          <p>{t('bodies.noMembers')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t('bodies.membershipHistory')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('bodies.institution')}</th>
                  <th scope="col">{t('bodies.role')}</th>
                  <th scope="col">{t('bodies.delegate')}</th>
                  <th scope="col">{t('bodies.deputy')}</th>
                  <th scope="col">{t('bodies.fromDate')}</th>
                  <th scope="col">{t('bodies.toDate')}</th>
                  {manage ? <th scope="col">{t('common.actions')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {memberships.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">
                      {m.organisation}{' '}
                      <span className="badge">
                        {m.current ? t('bodies.seatCurrent') : m.fromDate > today ? t('bodies.seatFuture') : t('bodies.seatEnded')}
                      </span>
                    </th>
                    <td>{t(`bodies.membershipRole.${m.role}`)}</td>
                    <td>{m.delegate ?? t('common.none')}</td>
                    <td>{m.deputy ?? t('common.none')}</td>
                    <td>{formatDate(m.fromDate, lang)}</td>
                    <td>{m.toDate ? formatDate(m.toDate, lang) : t('bodies.open')}</td>
                    {manage ? (
                      <td>
                        {m.toDate && m.toDate < today ? null : (
                          <EndMembershipForm
                            key={m.toDate ?? ''}
                            membershipId={m.id}
                            organisation={m.organisation}
                            lastResult={resultFor('end', m.id)}
                            today={today}
                          />
                        )}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {manage ? (
        <section aria-labelledby="add-membership-heading">
          <h2 id="add-membership-heading">{t('bodies.addMembershipTitle')}</h2>
          <MembershipForm
            key={memberships.length}
            bodyId={body.id}
            picker={(actionData?.form === 'membership' ? actionData.picker : null) ?? { search: null, labels: {} }}
            people={actionData?.form === 'membership' ? (actionData.people ?? []) : []}
            lastResult={resultFor('membership')}
            today={today}
          />
        </section>
      ) : null}

      {manage && bulk && teamStart ? (
        <section aria-labelledby="bulk-heading">
          <h2 id="bulk-heading">{t('members.bulkTitle')}</h2>
          <p>{t('members.bulkLead')}</p>
          <BulkMembershipSearch key={bulk.query} filter={bulk.filter} picker={bulk.picker} />
          {bulk.results ? (
            <>
              <h3 id="bulk-results-heading">{t('members.results')}</h3>
              <p role="status">{t('common.results', { count: bulk.results.total })}</p>
              {bulk.results.rows.length ? (
                <BulkMembershipForm
                  key={`${bulk.query}:${bulk.results.page}:${memberships.length}`}
                  action={`/bodies/${body.id}/members?${bulkHref(bulk.query, bulk.results.page)}`}
                  selectPageHref={`?${bulkHref(bulk.query, bulk.results.page)}&all=1#bulk-results-heading`}
                  candidates={bulk.results.rows}
                  selectAll={bulk.selectAll}
                  today={today}
                  teamStart={teamStart}
                  lastResult={resultFor('bulk')}
                  clashing={actionData?.form === 'bulk' ? actionData.clashing : undefined}
                />
              ) : (
                <p>{t('org.none')}</p>
              )}
              <Pagination
                page={bulk.results.page}
                pages={bulk.results.pages}
                href={(n) => `?${bulkHref(bulk.query, n)}#bulk-results-heading`}
              />
            </>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="officers-heading">
        <h2 id="officers-heading">{t('bodies.officers')}</h2>
        <BodyOfficers
          key={officers.map((o) => `${o.userId}:${o.role}`).join()}
          officers={officers}
          candidates={candidates}
          manage={manage}
          lastResult={resultFor('officer')}
        />
      </section>
    </>
  )
}

/** The search's query string at a page of its results. */
function bulkHref(query: string, page: number) {
  const params = new URLSearchParams(query)
  params.set('bulk', '1')
  if (page > 1) params.set('page', String(page))
  return params.toString()
}
