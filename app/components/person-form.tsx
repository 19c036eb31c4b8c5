import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, Link } from '@remix-run/react'
import { useT } from '~/i18n/use-t'
import { PersonSchema, type PersonInput } from '~/schemas/directory'
import type { PickerState } from '~/utils/picker'
import { Picker } from './combobox'
import { FormErrors, TextField } from './forms'

type Props = {
  lastResult?: SubmissionResult<string[]> | null
  defaultValue: Partial<PersonInput>
  /** The institution's picker, when a person may move to another one; otherwise it stays fixed. */
  organisation?: PickerState
  cancelTo: string
}

export function PersonForm({ lastResult, defaultValue, organisation, cancelTo }: Props) {
  const t = useT()
  const [form, fields] = useForm({
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PersonSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <FormErrors errors={form.errors} show={lastResult?.status === 'error'} />
      <TextField meta={fields.name} label={t('person.name')} autoComplete="off" />
      <TextField meta={fields.position} label={t('person.position')} hint={t('person.positionHint')} optional />
      {organisation ? (
        <Picker
          meta={fields.organisationId}
          kind="organisations"
          scope={{ directory: 1 }}
          label={t('person.organisation')}
          labels={organisation.labels}
          search={organisation.search}
        />
      ) : (
        <input type="hidden" name={fields.organisationId.name} value={String(defaultValue.organisationId ?? '')} />
      )}
      <TextField meta={fields.email} label={t('person.email')} type="email" optional autoComplete="off" />
      <TextField meta={fields.phone} label={t('person.phone')} type="tel" optional autoComplete="off" />
      <div className="actions">
        <button type="submit">{t('common.save')}</button>
        <Link to={cancelTo}>{t('common.cancel')}</Link>
      </div>
    </Form>
  )
}
