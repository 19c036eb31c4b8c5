import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { organisationKinds } from '#db/schema/enums'
import { FieldError, FormErrors, TextAreaField, TextField, type FieldMeta } from '~/components/forms'
import { useT } from '~/i18n/use-t'
import { NewRecommendationSchema } from '~/schemas/recommendation-cycle'

/** A new recommendation document: its title, summary and addressees; the text comes on the edit page. */
export function RecommendationNewForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const t = useT()
  const [form, fields] = useForm({
    id: 'recommendation-new',
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewRecommendationSchema }),
    shouldValidate: 'onBlur',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors errors={form.errors} show={lastResult?.status === 'error'} />
      <TextField meta={fields.title} label={t('recommendations.field.title')} />
      <TextAreaField
        meta={fields.summary}
        label={t('recommendations.field.summary')}
        hint={t('recommendations.field.summaryHint')}
        optional
      />
      <AddresseeKinds meta={fields.addresseeKinds} />
      <div className="actions">
        <button type="submit">{t('recommendations.create')}</button>
      </div>
    </Form>
  )
}

/** The kinds of institution addressed, as checkboxes: the few kinds there are, each named. */
export function AddresseeKinds({ meta }: { meta: FieldMeta }) {
  const t = useT()
  const initial = meta.initialValue
  const checked = new Set(Array.isArray(initial) ? initial : typeof initial === 'string' ? [initial] : [])
  const invalid = !!meta.errors?.length
  const hintId = `${meta.id}-hint`
  return (
    <fieldset aria-describedby={[hintId, invalid ? meta.errorId : null].filter(Boolean).join(' ')} aria-invalid={invalid || undefined}>
      <legend>{t('recommendations.field.addressees')}</legend>
      <p className="field__hint" id={hintId}>
        {t('recommendations.field.addresseesHint')}
      </p>
      {organisationKinds.map((kind) => (
        <div className="inline-choice" key={kind}>
          <input
            type="checkbox"
            id={`${meta.id}-${kind}`}
            name={meta.name}
            value={kind}
            defaultChecked={checked.has(kind)}
            key={meta.key}
          />
          <label htmlFor={`${meta.id}-${kind}`}>{t(`kind.${kind}`)}</label>
        </div>
      ))}
      <FieldError meta={meta} />
    </fieldset>
  )
}
