import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, useFetcher } from '@remix-run/react'
import { useState } from 'react'
import { membershipRoles } from '#db/schema/enums'
import { useT } from '~/i18n/use-t'
import type { loader as peopleLoader } from '~/routes/bodies.$bodyId.people-options'
import { EndMembershipSchema, MembershipSchema } from '~/schemas/body'
import type { PickerState } from '~/utils/picker'
import { Picker } from './combobox'
import { FormErrors, SelectField, TextField, useHydrated } from './forms'

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
