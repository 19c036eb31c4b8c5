import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, Link, useFetcher } from '@remix-run/react'
import { useRef, useState } from 'react'
import { membershipRoles, type OrganisationKind } from '#db/schema/enums'
import { translateMessage } from '~/i18n/messages'
import { useLang, useT } from '~/i18n/use-t'
import type { loader as peopleLoader } from '~/routes/bodies.$bodyId.people-options'
import { EndMembershipSchema, MembershipSchema } from '~/schemas/body'
import type { OrganisationFilter } from '~/schemas/directory'
import { BulkMembershipSchema } from '~/schemas/membership-bulk'
import { formatDate } from '~/utils/format'
import type { PickerState } from '~/utils/picker'
import { Picker } from './combobox'
import { FormErrors, SelectField, TextField, useHydrated } from './forms'
import { OrganisationFilterFields } from './organisation-filter'

export type PersonOption = { id: number; name: string; position: string | null }

/**
 * A new seat: institution, its delegate and deputy, role and dates. The people lists follow
 * the institution: with JavaScript they load as soon as it is chosen; without it, the
 * „Pokaż osoby” button sends the form back (saving nothing) and the page returns with them.
 */
export function MembershipForm({
  bodyId,
  picker,
  people,
  lastResult,
  today,
}: {
  bodyId: number
  /** The chosen institution's label, and a search step's matches without JavaScript. */
  picker: PickerState
  people: PersonOption[]
  lastResult?: SubmissionResult<string[]> | null
  today: string
}) {
  const t = useT()
  const hydrated = useHydrated()
  const fetcher = useFetcher<typeof peopleLoader>()
  const [form, fields] = useForm({
    id: 'add-membership',
    lastResult,
    defaultValue: { role: 'member', fromDate: today },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MembershipSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const [organisationId, setOrganisationId] = useState((fields.organisationId.initialValue as string | undefined) ?? '')
  const options = (fetcher.data?.people ?? people).map((p) => ({
    value: String(p.id),
    label: p.position ? `${p.name} — ${p.position}` : p.name,
  }))
  // A submission sent only to search or to load the people is not an error to report.
  const refining = lastResult?.intent?.type === 'validate'
  function chooseOrganisation([value = '']: string[]) {
    if (value === organisationId) return
    setOrganisationId(value)
    if (value) fetcher.load(`/bodies/${bodyId}/people-options?${new URLSearchParams({ organisationId: value })}`)
  }
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <FormErrors errors={form.errors} show={!refining && lastResult?.status === 'error'} />
      <input type="hidden" name="intent" value="add-membership" />
      <div className="row">
        <Picker
          meta={fields.organisationId}
          kind="organisations"
          scope={{ body: bodyId }}
          label={t('bodies.institution')}
          labels={picker.labels}
          search={picker.search}
          onChange={chooseOrganisation}
        />
        {hydrated ? null : (
          <button type="submit" name="showPeople" value="1" className="button--secondary" formNoValidate>
            {t('bodies.showPeople')}
          </button>
        )}
      </div>
      {hydrated ? null : <p className="field__hint">{t('bodies.showPeopleHint')}</p>}
      <div className="row" key={organisationId}>
        <SelectField
          meta={fields.delegatePersonId}
          label={t('bodies.delegate')}
          placeholder={options.length ? t('bodies.choosePerson') : t('bodies.noPeopleYet')}
          options={options}
          optional
        />
        <SelectField
          meta={fields.deputyPersonId}
          label={t('bodies.deputy')}
          placeholder={options.length ? t('bodies.choosePerson') : t('bodies.noPeopleYet')}
          options={options}
          optional
        />
      </div>
      <SelectField
        meta={fields.role}
        label={t('bodies.role')}
        placeholder={t('bodies.chooseRole')}
        options={membershipRoles.map((role) => ({ value: role, label: t(`bodies.membershipRole.${role}`) }))}
      />
      <div className="row">
        <TextField type="date" meta={fields.fromDate} label={t('bodies.fromDate')} />
        <TextField type="date" meta={fields.toDate} label={t('bodies.toDate')} hint={t('bodies.toDateHint')} optional />
      </div>
      <div className="actions">
        <button type="submit">{t('bodies.addMembership')}</button>
      </div>
    </Form>
  )
}

/** Ends one seat on a day; the seat stays in the history. */
export function EndMembershipForm({
  membershipId,
  organisation,
  lastResult,
  today,
}: {
  membershipId: number
  organisation: string
  lastResult?: SubmissionResult<string[]> | null
  today: string
}) {
  const t = useT()
  const [form, fields] = useForm({
    id: `end-membership-${membershipId}`,
    lastResult,
    defaultValue: { membershipId: String(membershipId), toDate: today },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EndMembershipSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" className="row" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="end-membership" />
      <input type="hidden" name={fields.membershipId.name} value={membershipId} />
      <TextField
        type="date"
        meta={fields.toDate}
        label={
          <>
            {t('bodies.endOn')}
            <span className="visually-hidden">: {organisation}</span>
          </>
        }
      />
      <button type="submit" className="button--secondary">
        {t('bodies.endMembership')}
        <span className="visually-hidden">: {organisation}</span>
      </button>
    </Form>
  )
}

export type MembershipCandidate = {
  id: number
  name: string
  shortName: string | null
  kind: OrganisationKind
  municipality: string
  member: boolean
}

/** The directory's search for new members: a GET form on the team's members page (`?bulk=1&…`). */
export function BulkMembershipSearch({ filter, picker }: { filter: OrganisationFilter; picker: PickerState }) {
  const t = useT()
  return (
    <Form method="get" className="filters stack" aria-label={t('members.searchLegend')}>
      <input type="hidden" name="bulk" value="1" />
      <OrganisationFilterFields id="bulk-search" filter={filter} picker={picker} />
      <div className="actions">
        <button type="submit">{t('members.search')}</button>
      </div>
    </Form>
  )
}

/**
 * Several institutions at once, from one page of the search: each ticked, all with one start
 * day and role. Those already on the team are shown as such, without a box to tick.
 */
export function BulkMembershipForm({
  action,
  selectPageHref,
  candidates,
  selectAll,
  today,
  teamStart,
  lastResult,
  clashing,
}: {
  /** The members page with the search's query string: the page comes back with the same results. */
  action: string
  selectPageHref: string
  candidates: MembershipCandidate[]
  /** Every box of the page ticked: the „select all” link without JavaScript. */
  selectAll: boolean
  today: string
  teamStart: string
  lastResult?: SubmissionResult<string[]> | null
  /** The names of the chosen institutions that already sit on the team on the chosen day. */
  clashing?: string[]
}) {
  const t = useT()
  const lang = useLang()
  const hydrated = useHydrated()
  const boxes = useRef<HTMLFieldSetElement>(null)
  const [form, fields] = useForm({
    id: 'add-memberships',
    lastResult,
    defaultValue: { role: 'member', start: 'today' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: BulkMembershipSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  const chosen = [fields.organisationId.initialValue ?? []].flat().map(String)
  const [start, setStart] = useState(String(fields.start.initialValue ?? 'today'))
  const institutionsError = fields.organisationId.errors?.[0]
  const startError = fields.start.errors?.[0]
  const startChoices = [
    { value: 'today', label: t('members.startToday', { date: formatDate(today, lang) }) },
    { value: 'teamStart', label: t('members.startTeam', { date: formatDate(teamStart, lang) }) },
    { value: 'other', label: t('members.startOther') },
  ]

  function selectPage() {
    for (const box of boxes.current?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:enabled') ?? []) box.checked = true
  }

  return (
    <Form method="post" action={action} className="stack" {...getFormProps(form)}>
      <FormErrors errors={form.errors} show={lastResult?.status === 'error'} />
      <input type="hidden" name="intent" value="add-memberships" />
      <fieldset
        ref={boxes}
        aria-describedby={institutionsError ? fields.organisationId.errorId : undefined}
        aria-invalid={institutionsError ? true : undefined}
      >
        <legend>{t('members.toAdd')}</legend>
        {hydrated ? (
          <button type="button" className="button--secondary" onClick={selectPage}>
            {t('members.selectPage')}
          </button>
        ) : (
          <Link to={selectPageHref}>{t('members.selectPage')}</Link>
        )}
        {candidates.map((org) => (
          <div className="inline-choice" key={org.id}>
            <input
              id={`bulk-${org.id}`}
              type="checkbox"
              name={fields.organisationId.name}
              value={org.id}
              disabled={org.member}
              defaultChecked={!org.member && (selectAll || chosen.includes(String(org.id)))}
            />
            <label htmlFor={`bulk-${org.id}`}>
              {org.name}
              {org.shortName ? ` (${org.shortName})` : ''} — {org.municipality}, {t(`kind.${org.kind}`)}
              {org.member ? <span className="badge">{t('members.alreadyMember')}</span> : null}
            </label>
          </div>
        ))}
        {institutionsError ? (
          <span className="field__error" id={fields.organisationId.errorId}>
            {institutionsError === 'members.validation.alreadyMembers' && clashing?.length
              ? t('members.validation.alreadyMembersNamed', { names: clashing.join(', ') })
              : translateMessage(t, institutionsError)}
          </span>
        ) : null}
      </fieldset>
      <fieldset aria-describedby={[`${fields.start.id}-hint`, startError ? fields.start.errorId : null].filter(Boolean).join(' ')}>
        <legend>{t('members.start')}</legend>
        <span className="field__hint" id={`${fields.start.id}-hint`}>
          {t('members.startTeamHint')}
        </span>
        {startChoices.map((choice) => (
          <div className="inline-choice" key={choice.value}>
            <input
              id={`${fields.start.id}-${choice.value}`}
              type="radio"
              name={fields.start.name}
              value={choice.value}
              checked={start === choice.value}
              onChange={() => setStart(choice.value)}
            />
            <label htmlFor={`${fields.start.id}-${choice.value}`}>{choice.label}</label>
          </div>
        ))}
        {startError ? (
          <span className="field__error" id={fields.start.errorId}>
            {translateMessage(t, startError)}
          </span>
        ) : null}
        <TextField type="date" meta={fields.fromDate} label={t('members.otherDate')} optional />
      </fieldset>
      <SelectField
        meta={fields.role}
        label={t('bodies.role')}
        placeholder={t('bodies.chooseRole')}
        options={membershipRoles.map((role) => ({ value: role, label: t(`bodies.membershipRole.${role}`) }))}
      />
      <div className="actions">
        <button type="submit">{t('members.addSelected')}</button>
      </div>
    </Form>
  )
}
