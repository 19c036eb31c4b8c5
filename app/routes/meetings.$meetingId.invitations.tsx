import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { requireMeeting } from '~/auth/access.server'
import { notFound, safeRedirect } from '~/auth/require.server'
import { Picker } from '~/components/combobox'
import { FormErrors, TextField } from '~/components/forms'
import { FilterActions, Pagination } from '~/components/list-controls'
import { getLang } from '~/i18n/lang.server'
import { meetingPageTitle } from '~/i18n/page-title'
import { countKey } from '~/i18n/plural'
import { useLang, useT } from '~/i18n/use-t'
import { mailOrigin } from '~/mail/mailer.server'
import {
  addGuest,
  addPersonGuest,
  countAnswers,
  countUnstaffedSeats,
  inviteMembers,
  listInvitationsPage,
  removeInvitation,
  sendInvitations,
} from '~/models/invitation.server'
import { AddGuestSchema, AddPersonSchema } from '~/schemas/invitation'
import { formatDateTime } from '~/utils/format'
import { pageCount, pageHref, pageParam } from '~/utils/paging'
import { actorOf, redirectWithNotice } from '~/utils/http.server'
import type { PickerState } from '~/utils/picker'
import { keptInput, readPickers } from '~/utils/picker.server'

export const meta: MetaFunction = ({ matches }) => meetingPageTitle(matches, 'title.part.invitations')

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireMeeting(request, params, 'meeting.manage', { signIn: true })
  const url = new URL(request.url)
  const q = url.searchParams.get('q')?.trim() ?? ''
  const page = pageParam(url)
  const { rows, total } = listInvitationsPage({ meetingId: meeting.id, q, page })
  const invitees = rows.map(({ id, name, position, kind, email, organisation, response, sentAt }) => ({
    id,
    name,
    position,
    kind,
    email,
    organisation,
    response,
    sentAt,
  }))
  const { counts, unsent } = countAnswers({ meetingId: meeting.id })
  const { bodyId, unstaffed } = countUnstaffedSeats({ meetingId: meeting.id })
  return json({
    meeting: { id: meeting.id, state: meeting.state, bodyId },
    unstaffed,
    invitees,
    q,
    page,
    pages: pageCount(total),
    total,
    counts,
    unsent,
  })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, meeting } = await requireMeeting(request, params, 'meeting.manage', { signIn: true })
  const actor = actorOf(user, context)
  // Back to the page and filter the form was sent from: the form's action keeps them.
  const base = `/meetings/${meeting.id}/invitations`
  const here = safeRedirect(`${base}${new URL(request.url).search}`, base)
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'invite-members') {
    const { added, unstaffed, seats } = inviteMembers({ meetingId: meeting.id, actor })
    const lang = await getLang(request)
    if (!added && unstaffed && unstaffed === seats)
      return redirectWithNotice(here, [{ key: countKey(lang, 'invitations.noDelegates', unstaffed), params: { count: unstaffed } }])
    return redirectWithNotice(here, [
      { key: added ? 'invitations.membersInvited' : 'invitations.membersAlreadyInvited' },
      ...(unstaffed ? [{ key: countKey(lang, 'invitations.someWithoutDelegates', unstaffed), params: { count: unstaffed } }] : []),
    ])
  }
  if (intent === 'add-person' || intent === 'add-guest') {
    const submission =
      intent === 'add-person' ? parseWithZod(formData, { schema: AddPersonSchema }) : parseWithZod(formData, { schema: AddGuestSchema })
    const picker = readPickers(formData, { personId: 'people' })
    if (picker.search) return json({ form: intent, result: keptInput(submission), report: null, picker })
    if (submission.status !== 'success') return json({ form: intent, result: submission.reply(), report: null, picker }, { status: 400 })
    const saved =
      'personId' in submission.value
        ? addPersonGuest({ meetingId: meeting.id, personId: submission.value.personId, actor })
        : addGuest({ meetingId: meeting.id, input: submission.value, actor })
    if (!saved.ok)
      return json({ form: intent, result: submission.reply({ fieldErrors: saved.fieldErrors }), report: null, picker }, { status: 400 })
    return redirectWithNotice(here, 'invitations.guestAdded')
  }
  if (intent === 'remove') {
    removeInvitation({ meetingId: meeting.id, invitationId: Number(formData.get('invitationId')), actor })
    return redirectWithNotice(here, 'invitations.removed')
  }
  if (intent === 'send' || intent === 'resend') {
    const invitationId = intent === 'resend' ? Number(formData.get('invitationId')) : undefined
    if (invitationId !== undefined && !(invitationId > 0)) throw notFound()
    const report = await sendInvitations({ meetingId: meeting.id, actor, origin: mailOrigin(request), invitationId })
    if (!report) return json({ form: null, result: null, report: null, cancelled: true }, { status: 409 })
    return json({ form: null, result: null, report })
  }
  throw new Response('Bad Request', { status: 400 })
}

export default function Invitations() {
  const t = useT()
  const lang = useLang()
  const { meeting, unstaffed, invitees, q, page, pages, total, counts, unsent } = useLoaderData<typeof loader>()
  const { search } = useLocation()
  const actionData = useActionData<typeof action>()
  const cancelled = meeting.state === 'cancelled'
  const answerLabel = {
    yes: t('invitations.answer.yes'),
    no: t('invitations.answer.no'),
    maybe: t('invitations.answer.maybe'),
    pending: t('invitations.answer.pending'),
  }
  const groups = invitees.reduce<{ organisation: string | null; rows: typeof invitees }[]>((all, row) => {
    const last = all.at(-1)
    if (last && last.organisation === row.organisation) last.rows.push(row)
    else all.push({ organisation: row.organisation, rows: [row] })
    return all
  }, [])
  return (
    <>
      <h2>{t('invitations.title')}</h2>
      {cancelled || (actionData && 'cancelled' in actionData) ? (
        <p className="notice notice--info">{t('invitations.cancelledMeeting')}</p>
      ) : null}
      {actionData?.report ? <SendReport report={actionData.report} /> : null}

      <h3>{t('invitations.answers')}</h3>
      <dl className="answer-counts">
        {(['yes', 'no', 'maybe', 'pending'] as const).map((key) => (
          <div key={key}>
            <dt>{answerLabel[key]}</dt>
            <dd>{counts[key]}</dd>
          </div>
        ))}
      </dl>

      {cancelled ? null : (
        <div className="actions">
          <Form method="post">
            <input type="hidden" name="intent" value="invite-members" />
            <button type="submit" className="button--secondary">
              {t('invitations.inviteMembers')}
            </button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="send" />
            <button type="submit">{t('invitations.send', { count: unsent })}</button>
          </Form>
        </div>
      )}
      {!cancelled && unstaffed ? (
        <p className="notice notice--info">
          {t(countKey(lang, 'invitations.someWithoutDelegates', unstaffed), { count: unstaffed })}{' '}
          <Link to={`/bodies/${meeting.bodyId}/members`}>{t('invitations.membersPageLink')}</Link>
        </p>
      ) : null}

      <Form method="get" className="filters" aria-label={t('invitations.filterLabel')} key={q}>
        <div className="field">
          <label htmlFor="invitee-q">{t('invitations.filterName')}</label>
          <input id="invitee-q" type="search" name="q" defaultValue={q} />
        </div>
        <FilterActions clearTo={`/meetings/${meeting.id}/invitations`} />
      </Form>
      <p className="muted">{t('invitations.totalShown', { count: total })}</p>

      {invitees.length === 0 ? (
        <p>{t(q ? 'invitations.noneMatching' : 'invitations.none')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t('invitations.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('invitations.person')}</th>
                <th scope="col">{t('invitations.kind')}</th>
                <th scope="col">{t('invitations.email')}</th>
                <th scope="col">{t('invitations.sent')}</th>
                <th scope="col">{t('invitations.response')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            {groups.map((group) => (
              <tbody key={group.organisation ?? ''}>
                <tr>
                  <th scope="rowgroup" colSpan={6} className="group-head">
                    {group.organisation ?? t('invitations.guestsGroup')}
                  </th>
                </tr>
                {group.rows.map((row) => (
                  <tr key={row.id}>
                    <th scope="row">
                      {row.name}
                      {row.position ? <span className="muted"> — {row.position}</span> : null}
                    </th>
                    <td>{t(`invitations.kind.${row.kind}`)}</td>
                    <td>{row.email ?? <span className="badge">{t('invitations.noEmail')}</span>}</td>
                    <td>{row.sentAt ? formatDateTime(row.sentAt, lang) : t('invitations.notSent')}</td>
                    <td>{answerLabel[row.response]}</td>
                    <td>
                      <Form method="post" className="actions">
                        <input type="hidden" name="invitationId" value={row.id} />
                        {row.sentAt && row.email && !cancelled ? (
                          <button type="submit" name="intent" value="resend" className="link-button">
                            {t('invitations.resend')}
                            <span className="visually-hidden">: {row.name}</span>
                          </button>
                        ) : null}
                        <button type="submit" name="intent" value="remove" className="link-button">
                          {t('invitations.remove')}
                          <span className="visually-hidden">: {row.name}</span>
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
      <Pagination page={page} pages={pages} href={(n) => pageHref(search, n)} />

      {cancelled ? null : (
        <>
          <h3>{t('invitations.addGuests')}</h3>
          <AddPersonForm
            key={`p${total}`}
            meetingId={meeting.id}
            picker={actionData?.form === 'add-person' && 'picker' in actionData ? actionData.picker : null}
            lastResult={actionData?.form === 'add-person' ? actionData.result : undefined}
          />
          <AddGuestForm key={`g${total}`} lastResult={actionData?.form === 'add-guest' ? actionData.result : undefined} />
        </>
      )}
    </>
  )
}

function SendReport({
  report,
}: {
  report: { sent: number; withoutEmail: string[]; delivery: { delivered: number; failed: number; kept: number } }
}) {
  const t = useT()
  return (
    <div className={`notice ${report.delivery.failed ? 'notice--error' : 'notice--success'}`} role="status">
      <p>{t('invitations.sentCount', { count: report.sent })}</p>
      {report.delivery.kept ? <p>{t('invitations.keptInOutbox', { count: report.delivery.kept })}</p> : null}
      {report.delivery.failed ? <p>{t('invitations.deliveryFailed', { count: report.delivery.failed })}</p> : null}
      {report.withoutEmail.length ? <p>{t('invitations.withoutEmail', { names: report.withoutEmail.join(', ') })}</p> : null}
    </div>
  )
}

type FormResult = SubmissionResult<string[]> | null | undefined

function AddPersonForm({ meetingId, picker, lastResult }: { meetingId: number; picker: PickerState | null; lastResult: FormResult }) {
  const t = useT()
  const [form, fields] = useForm({
    id: 'add-person',
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AddPersonSchema }),
    shouldValidate: 'onBlur',
  })
  return (
    <Form method="post" className="stack" {...getFormProps(form)} aria-labelledby="add-person-title">
      <h4 id="add-person-title">{t('invitations.addPersonTitle')}</h4>
      <FormErrors errors={form.errors} show={lastResult?.status === 'error'} />
      <input type="hidden" name="intent" value="add-person" />
      <Picker
        meta={fields.personId}
        kind="people"
        scope={{ meeting: meetingId }}
        label={t('invitations.person')}
        labels={picker?.labels ?? {}}
        search={picker?.search}
      />
      <div className="actions">
        <button type="submit" className="button--secondary">
          {t('invitations.addGuest')}
        </button>
      </div>
    </Form>
  )
}

function AddGuestForm({ lastResult }: { lastResult: FormResult }) {
  const t = useT()
  const [form, fields] = useForm({
    id: 'add-guest',
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AddGuestSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" className="stack" {...getFormProps(form)} aria-labelledby="add-guest-title">
      <h4 id="add-guest-title">{t('invitations.addOtherTitle')}</h4>
      <FormErrors errors={form.errors} show={lastResult?.status === 'error'} />
      <input type="hidden" name="intent" value="add-guest" />
      <TextField meta={fields.name} label={t('invitations.guestName')} autoComplete="off" />
      <TextField meta={fields.email} label={t('invitations.guestEmail')} type="email" autoComplete="off" />
      <TextField meta={fields.organisation} label={t('invitations.guestOrganisation')} optional autoComplete="off" />
      <div className="actions">
        <button type="submit" className="button--secondary">
          {t('invitations.addGuest')}
        </button>
      </div>
    </Form>
  )
}
