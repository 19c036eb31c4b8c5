import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import type { AttendanceState } from '#db/schema/enums'
import { requireMeeting } from '~/auth/access.server'
import { canInMeeting } from '~/auth/meeting-permissions'
import { safeRedirect } from '~/auth/require.server'
import { Picker } from '~/components/combobox'
import { FormErrors, TextField } from '~/components/forms'
import { FilterActions, Pagination } from '~/components/list-controls'
import { meetingPageTitle } from '~/i18n/page-title'
import { countKey } from '~/i18n/plural'
import { useLang, useT } from '~/i18n/use-t'
import {
  addAgendaPeople,
  addWalkIn,
  listAgendaPeopleNotListed,
  setAttendance,
  setHeadcount,
  summarizeAttendance,
} from '~/models/attendance.server'
import { listInvitationsPage } from '~/models/invitation.server'
import { AttendanceSchema, HeadcountSchema, WalkInSchema } from '~/schemas/invitation'
import { actorOf, redirectWithNotice } from '~/utils/http.server'
import { pageCount, pageHref, pageParam } from '~/utils/paging'
import type { PickerState } from '~/utils/picker'
import { keptInput, readPickers } from '~/utils/picker.server'

export const meta: MetaFunction = ({ matches }) => meetingPageTitle(matches, 'title.part.attendance')

// Officers record attendance; the team's members read the summary; nobody else sees the page.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, meeting } = await requireMeeting(request, params, 'meeting.readInternal', { signIn: true })
  const manage = canInMeeting(access, 'meeting.manage')
  const summary = summarizeAttendance({ meetingId: meeting.id })
  const url = new URL(request.url)
  const q = url.searchParams.get('q')?.trim() ?? ''
  const page = pageParam(url)
  const list = manage ? listInvitationsPage({ meetingId: meeting.id, q, page }) : null
  const groups: Group[] = []
  for (const { id, name, position, kind, attendance, organisation } of list?.rows ?? []) {
    const last = groups.at(-1)
    const row = { id, name, position, kind, attendance }
    if (last && last.organisation === organisation) last.rows.push(row)
    else groups.push({ organisation, rows: [row] })
  }
  const onPage = new Set(groups.map((group) => group.organisation))
  return json({
    meeting: { id: meeting.id, headcount: meeting.headcount },
    manage,
    agendaPeople: manage ? listAgendaPeopleNotListed({ meetingId: meeting.id }) : [],
    // The officer's page lists the people, paged: its summary names the institutions of that page, the totals count everyone.
    summary: manage ? { groups: summary.groups.filter((group) => onPage.has(group.organisation)), total: summary.total } : summary,
    groups: list ? groups : null,
    q,
    page,
    pages: pageCount(list?.total ?? 0),
    total: list?.total ?? 0,
  })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, meeting } = await requireMeeting(request, params, 'meeting.manage', { signIn: true })
  const actor = actorOf(user, context)
  // Back to the page and filter the form was sent from: the form's action keeps them.
  const base = `/meetings/${meeting.id}/attendance`
  const here = safeRedirect(`${base}${new URL(request.url).search}`, base)
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'attendance') {
    const submission = parseWithZod(formData, { schema: AttendanceSchema })
    if (submission.status !== 'success') throw new Response('Bad Request', { status: 400 })
    setAttendance({ meetingId: meeting.id, entries: submission.value.rows, actor })
    return redirectWithNotice(here, 'invitations.attendanceSaved')
  }
  if (intent === 'walk-in') {
    const submission = parseWithZod(formData, { schema: WalkInSchema })
    const picker = readPickers(formData, { personId: 'people' })
    if (picker.search) return json({ form: intent, result: keptInput(submission), picker })
    if (submission.status !== 'success') return json({ form: intent, result: submission.reply(), picker }, { status: 400 })
    const saved = addWalkIn({ meetingId: meeting.id, input: submission.value, actor })
    if (!saved.ok) return json({ form: intent, result: submission.reply({ fieldErrors: saved.fieldErrors }), picker }, { status: 400 })
    return redirectWithNotice(here, 'invitations.walkInAdded')
  }
  if (intent === 'agenda-people') {
    const personIds = formData
      .getAll('personId')
      .map(Number)
      .filter((id) => Number.isSafeInteger(id) && id > 0)
    if (!personIds.length) return redirectWithNotice(here, 'invitations.agendaPeopleNoneChosen')
    addAgendaPeople({ meetingId: meeting.id, personIds, actor })
    return redirectWithNotice(here, 'invitations.agendaPeopleAdded')
  }
  if (intent === 'headcount') {
    const submission = parseWithZod(formData, { schema: HeadcountSchema })
    if (submission.status !== 'success') return json({ form: intent, result: submission.reply() }, { status: 400 })
    setHeadcount({ meetingId: meeting.id, headcount: submission.value.headcount ?? null, actor })
    return redirectWithNotice(here, 'invitations.headcountSaved')
  }
  throw new Response('Bad Request', { status: 400 })
}

export default function Attendance() {
  const t = useT()
  const lang = useLang()
  const { meeting, manage, agendaPeople, summary, groups, q, page, pages, total } = useLoaderData<typeof loader>()
  const { search } = useLocation()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <h2>{t('invitations.attendanceTitle')}</h2>
      <p>
        {meeting.headcount !== null
          ? t(countKey(lang, 'invitations.headcountIs', meeting.headcount), { count: meeting.headcount })
          : t('invitations.headcountNone')}
      </p>
      <SummaryTable summary={summary} />
      {manage && groups ? (
        <>
          {agendaPeople.length ? <AgendaPeopleForm people={agendaPeople} /> : null}
          <h3 id="attendance-form-title">{t('invitations.recordAttendance')}</h3>
          <Form method="get" className="filters" aria-label={t('invitations.filterLabel')} key={q}>
            <div className="field">
              <label htmlFor="attendance-q">{t('invitations.filterName')}</label>
              <input id="attendance-q" type="search" name="q" defaultValue={q} />
            </div>
            <FilterActions clearTo={`/meetings/${meeting.id}/attendance`} />
          </Form>
          <p className="muted">{t('invitations.attendanceRowsShown', { count: total })}</p>
          {groups.length ? <AttendanceForm groups={groups} /> : <p>{t(q ? 'invitations.noneMatching' : 'invitations.none')}</p>}
          <Pagination page={page} pages={pages} href={(n) => pageHref(search, n)} />
          <HeadcountForm
            key={`h${meeting.headcount}`}
            headcount={meeting.headcount}
            lastResult={actionData?.form === 'headcount' ? actionData.result : undefined}
          />
          <WalkInForm
            key={`w${summary.total.present}`}
            meetingId={meeting.id}
            picker={actionData?.form === 'walk-in' && 'picker' in actionData ? (actionData.picker as PickerState) : null}
            lastResult={actionData?.form === 'walk-in' ? actionData.result : undefined}
          />
        </>
      ) : null}
    </>
  )
}

type Summary = ReturnType<typeof summarizeAttendance>

function SummaryTable({ summary }: { summary: Summary }) {
  const t = useT()
  const { present, absent, excused, unknown } = summary.total
  if (present + absent + excused + unknown === 0) return <p>{t('invitations.none')}</p>
  return (
    <div className="table-wrap">
      <table>
        <caption>{t('invitations.summaryCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('invitations.organisation')}</th>
            <th scope="col">{t('invitations.attendance.present')}</th>
            <th scope="col">{t('invitations.attendance.absent')}</th>
            <th scope="col">{t('invitations.attendance.excused')}</th>
            <th scope="col">{t('invitations.attendance.unknown')}</th>
          </tr>
        </thead>
        {summary.groups.length ? (
          <tbody>
            {summary.groups.map((group) => (
              <tr key={group.organisation ?? ''}>
                <th scope="row">{group.organisation ?? t('invitations.guestsGroup')}</th>
                <td>{group.present}</td>
                <td>{group.absent}</td>
                <td>{group.excused}</td>
                <td>{group.unknown}</td>
              </tr>
            ))}
          </tbody>
        ) : null}
        <tfoot>
          <tr>
            <th scope="row">{t('invitations.total')}</th>
            <td>{summary.total.present}</td>
            <td>{summary.total.absent}</td>
            <td>{summary.total.excused}</td>
            <td>{summary.total.unknown}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  )
}

type Group = {
  organisation: string | null
  rows: { id: number; name: string; position: string | null; kind: 'delegate' | 'deputy' | 'guest'; attendance: AttendanceState }[]
}

// The usual answers first; „nie odnotowano” last, to undo a slip.
const choices: AttendanceState[] = ['present', 'absent', 'excused', 'unknown']

/** One form for the page's rows: radios per person, one save; works without JavaScript. */
function AttendanceForm({ groups }: { groups: Group[] }) {
  const t = useT()
  let index = 0
  return (
    <Form method="post" aria-labelledby="attendance-form-title">
      <input type="hidden" name="intent" value="attendance" />
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('invitations.recordAttendance')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('invitations.person')}</th>
              <th scope="col">{t('invitations.attendanceColumn')}</th>
            </tr>
          </thead>
          {groups.map((group) => (
            <tbody key={group.organisation ?? ''}>
              <tr>
                <th scope="rowgroup" colSpan={2} className="group-head">
                  {group.organisation ?? t('invitations.guestsGroup')}
                </th>
              </tr>
              {group.rows.map((row) => {
                const i = index++
                return (
                  <tr key={row.id}>
                    <th scope="row">
                      {row.name}
                      {row.position ? <span className="muted"> — {row.position}</span> : null}
                      {row.kind === 'guest' ? <span className="muted"> ({t('invitations.kind.guest')})</span> : null}
                    </th>
                    <td>
                      <input type="hidden" name={`rows[${i}].invitationId`} value={row.id} />
                      <fieldset className="radio-row">
                        <legend className="visually-hidden">{t('invitations.attendanceOf', { name: row.name })}</legend>
                        {choices.map((state) => (
                          <label key={state} className="inline-choice">
                            <input type="radio" name={`rows[${i}].state`} value={state} defaultChecked={row.attendance === state} />
                            {t(`invitations.attendance.${state}`)}
                          </label>
                        ))}
                      </fieldset>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          ))}
        </table>
      </div>
      <div className="actions">
        <button type="submit">{t('invitations.saveAttendance')}</button>
      </div>
    </Form>
  )
}

/** Speakers and moderators of the agenda not on the list: all ticked, one button adds them as present. */
function AgendaPeopleForm({ people }: { people: { personId: number; name: string; position: string | null; organisation: string }[] }) {
  const t = useT()
  return (
    <Form method="post" className="stack" aria-labelledby="agenda-people-title">
      <h3 id="agenda-people-title">{t('invitations.agendaPeopleTitle')}</h3>
      <p className="muted">{t('invitations.agendaPeopleLead')}</p>
      <input type="hidden" name="intent" value="agenda-people" />
      <fieldset>
        <legend className="visually-hidden">{t('invitations.agendaPeopleTitle')}</legend>
        {people.map((person) => (
          <label key={person.personId} className="inline-choice">
            <input type="checkbox" name="personId" value={person.personId} defaultChecked />
            <span>
              {person.name}
              <span className="muted"> — {[person.position, person.organisation].filter(Boolean).join(', ')}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="actions">
        <button type="submit" className="button--secondary">
          {t('invitations.agendaPeopleAdd')}
        </button>
      </div>
    </Form>
  )
}

type FormResult = SubmissionResult<string[]> | null | undefined

function HeadcountForm({ headcount, lastResult }: { headcount: number | null; lastResult: FormResult }) {
  const t = useT()
  const [form, fields] = useForm({
    id: 'headcount',
    lastResult,
    defaultValue: { headcount: headcount === null ? undefined : String(headcount) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: HeadcountSchema }),
    shouldValidate: 'onBlur',
  })
  return (
    <Form method="post" className="stack" {...getFormProps(form)} aria-labelledby="headcount-title">
      <h3 id="headcount-title">{t('invitations.headcount')}</h3>
      <FormErrors errors={form.errors} show={lastResult?.status === 'error'} />
      <input type="hidden" name="intent" value="headcount" />
      <TextField
        meta={fields.headcount}
        label={t('invitations.headcountLabel')}
        hint={t('invitations.headcountHint')}
        inputMode="numeric"
        optional
      />
      <div className="actions">
        <button type="submit" className="button--secondary">
          {t('common.save')}
        </button>
      </div>
    </Form>
  )
}

function WalkInForm({ meetingId, picker, lastResult }: { meetingId: number; picker: PickerState | null; lastResult: FormResult }) {
  const t = useT()
  const [form, fields] = useForm({
    id: 'walk-in',
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: WalkInSchema }),
    shouldValidate: 'onSubmit',
  })
  return (
    <Form method="post" className="stack" {...getFormProps(form)} aria-labelledby="walk-in-title">
      <h3 id="walk-in-title">{t('invitations.walkInTitle')}</h3>
      <p className="muted">{t('invitations.walkInLead')}</p>
      <FormErrors errors={form.errors} show={lastResult?.status === 'error'} />
      <input type="hidden" name="intent" value="walk-in" />
      <Picker
        meta={fields.personId}
        kind="people"
        scope={{ meeting: meetingId }}
        label={t('invitations.walkInPerson')}
        optional
        labels={picker?.labels ?? {}}
        search={picker?.search}
      />
      <TextField meta={fields.name} label={t('invitations.guestName')} hint={t('invitations.walkInNameHint')} optional autoComplete="off" />
      <TextField meta={fields.organisation} label={t('invitations.guestOrganisation')} optional autoComplete="off" />
      <div className="actions">
        <button type="submit" className="button--secondary">
          {t('invitations.walkInAdd')}
        </button>
      </div>
    </Form>
  )
}
