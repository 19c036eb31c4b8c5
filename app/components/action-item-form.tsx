import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, Link } from '@remix-run/react'
import { useT } from '~/i18n/use-t'
import { actionItemSchema } from '~/schemas/action-item'
import type { PickerState } from '~/utils/picker'
import { Picker } from './combobox'
import { FormErrors, TextAreaField, TextField } from './forms'

export type ActionItemFormValues = { text?: string; owners?: string[]; dueText?: string; dueDate?: string }

/**
 * Adding or editing one action item. The due may be words („III kwartał 2017 r.”), a date,
 * or both; words alone must name a day, checked here as on the server.
 */
export function ActionItemForm({
  formId,
  intent,
  itemId,
  meetingId,
  picker,
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
  meetingId: number
  /** The chosen owners' labels, and a search step's matches without JavaScript. */
  picker: PickerState
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
      <Picker
        meta={fields.owners}
        kind="owners"
        scope={{ meeting: meetingId }}
        label={t('actionItems.field.owner')}
        hint={t('actionItems.field.ownerHint')}
        optional
        multiple
        labels={picker.labels}
        search={picker.search}
      />
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
