import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, Link } from '@remix-run/react'
import { useT } from '~/i18n/use-t'
import { PersonSchema, type PersonInput } from '~/schemas/directory'
import { FormErrors, SelectField, TextField } from './forms'

type Props = {
  lastResult?: SubmissionResult<string[]> | null
  defaultValue: Partial<PersonInput>
  /** Offered when a person may move to another institution; otherwise it stays fixed. */
  organisations?: { id: number; name: string }[]
  cancelTo: string
}

export function PersonForm({ lastResult, defaultValue, organisations, cancelTo }: Props) {
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
      {organisations ? (
        <SelectField
          meta={fields.organisationId}
          label={t('person.organisation')}
          placeholder={t('validation.organisation')}
          options={organisations.map((o) => ({ value: String(o.id), label: o.name }))}
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
