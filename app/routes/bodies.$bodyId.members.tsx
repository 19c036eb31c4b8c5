import type { SubmissionResult } from '@conform-to/react'
import { Breadcrumbs } from '~/components/breadcrumbs'
import { parseWithZod } from '@conform-to/zod/v4'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { canInBody } from '~/auth/body-permissions'
import { requireBody } from '~/auth/access.server'
import { notFound } from '~/auth/require.server'
import type { SessionUser } from '~/auth/session.server'
import { BodyOfficers } from '~/components/body-officers'
import { EndMembershipForm, MembershipForm, type PersonOption } from '~/components/membership-form'
import { useLang, useT } from '~/i18n/use-t'
import { getBodyAccess, today } from '~/models/body-access.server'
import { addOfficer, listOfficerCandidates, listOfficers, removeOfficer } from '~/models/body.server'
import { addMembership, endMembership, listDelegateOptions, listMemberships } from '~/models/membership.server'
import { EndMembershipSchema, MembershipSchema, OfficerSchema } from '~/schemas/body'
import { formatDate } from '~/utils/format'
import { actorOf, redirectWithNotice } from '~/utils/http.server'
import type { PickerState } from '~/utils/picker'
import { keptInput, readPickers } from '~/utils/picker.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Skład: ${data?.body.name ?? ''} — Narada` }]

// The members page is internal: never public, so a visitor signs in first.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, body } = await requireBody(request, params, 'body.readInternal', { signIn: true })
  const manage = canInBody(access, 'body.manage')
  return json({
    body: { id: body.id, name: body.name },
    manage,
    today: today(),
    memberships: listMemberships({ bodyId: body.id }),
    officers: listOfficers({ bodyId: body.id }),
    candidates: manage ? listOfficerCandidates({ bodyId: body.id }) : [],
  })
}

type Reply = {
  form: 'membership' | 'end' | 'officer'
  membershipId: number | null
  result: SubmissionResult<string[]>
  people: PersonOption[] | null
  picker?: PickerState
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
  const { body, manage, today, memberships, officers, candidates } = useLoaderData<typeof loader>()
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
