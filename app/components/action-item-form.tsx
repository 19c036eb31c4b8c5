import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, Link } from '@remix-run/react'
import { translateMessage } from '~/i18n/messages'
import { useT } from '~/i18n/use-t'
import type { OwnerOption } from '~/models/action-item.server'
import { actionItemSchema } from '~/schemas/action-item'
import { type FieldMeta, FormErrors, TextAreaField, TextField } from './forms'

export type ActionItemFormValues = { text?: string; owner?: string; dueText?: string; dueDate?: string }

/** One select for the owner: each institution, itself first, then its people. */
function OwnerSelect({ meta, owners }: { meta: FieldMeta; owners: OwnerOption[] }) {
  const t = useT()
  const error = meta.errors?.[0]
  const hintId = `${meta.id}-hint`
  return (
    <div className="field">
      <label htmlFor={meta.id}>
        {t('actionItems.field.owner')}
        <span className="muted"> {t('common.optional')}</span>
      </label>
      <span className="field__hint" id={hintId}>
        {t('actionItems.field.ownerHint')}
      </span>
      <select
        id={meta.id}
        name={meta.name}
        defaultValue={(meta.initialValue as string | undefined) ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, error ? meta.errorId : null].filter(Boolean).join(' ')}
        key={meta.key}
      >
        <option value="">{t('actionItems.field.ownerNone')}</option>
        {owners.map((owner) => (
          <optgroup key={owner.organisationId} label={owner.name}>
            {owner.selectable ? (
              <option value={`organisation:${owner.organisationId}`}>
                {t('actionItems.field.ownerInstitution', { name: owner.name })}
              </option>
            ) : null}
            {owner.people.map((person) => (
              <option key={person.id} value={`person:${person.id}`}>
                {person.name} — {owner.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {error ? (
        <span className="field__error" id={meta.errorId}>
          {translateMessage(t, error)}
        </span>
      ) : null}
    </div>
  )
}

/**
 * Adding or editing one action item. The due may be words („III kwartał 2017 r.”), a date,
 * or both; words alone must name a day, checked here as on the server.
 */
export function ActionItemForm({
  formId,
  intent,
  itemId,
  owners,
  currentYear,
  lastResult,
  defaultValue,
  derivedDate,
  submitLabel,
  cancelTo,
}: {
  formId: string
  intent: 'add' | 'update'
  itemId?: number
  owners: OwnerOption[]
  currentYear: number
  lastResult?: SubmissionResult<string[]>
  defaultValue?: ActionItemFormValues
  /** The day now worked out from the words, shown while the date field is left empty. */
  derivedDate?: string | null
  submitLabel: string
  cancelTo?: string
}) {
  const t = useT()
  const [form, fields] = useForm({
    id: formId,
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: actionItemSchema({ currentYear }) }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors errors={form.errors} show={lastResult?.status === 'error'} />
      <input type="hidden" name="intent" value={intent} />
      {itemId ? <input type="hidden" name="itemId" value={itemId} /> : null}
      <TextAreaField meta={fields.text} label={t('actionItems.field.text')} rows={3} />
      <OwnerSelect meta={fields.owner} owners={owners} />
      <TextField meta={fields.dueText} label={t('actionItems.field.dueText')} hint={t('actionItems.field.dueTextHint')} optional />
      <TextField
        meta={fields.dueDate}
        type="date"
        label={t('actionItems.field.dueDate')}
        hint={derivedDate ? t('actionItems.field.dueDateDerived', { date: derivedDate }) : t('actionItems.field.dueDateHint')}
        optional
      />
      <div className="actions">
        <button type="submit" className="button">
          {submitLabel}
        </button>
        {cancelTo ? <Link to={cancelTo}>{t('common.cancel')}</Link> : null}
      </div>
    </Form>
  )
}
