import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { actionItemStates, type ActionItemState } from '#db/schema/enums'
import { translateMessage } from '~/i18n/messages'
import { useT } from '~/i18n/use-t'
import { ActionItemStateSchema } from '~/schemas/action-item'

/**
 * Marks one item open, done or dropped, with a note (required when dropped). Several sit on
 * one page, so each label names its item for screen readers.
 */
export function ActionItemStateForm({
  itemId,
  state,
  note,
  subject,
  lastResult,
}: {
  itemId: number
  state: ActionItemState
  note: string | null
  subject: string
  lastResult?: SubmissionResult<string[]>
}) {
  const t = useT()
  const [form, fields] = useForm({
    id: `state-${itemId}`,
    lastResult,
    defaultValue: { itemId: String(itemId), state, note: note ?? '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ActionItemStateSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  const noteError = fields.note.errors?.[0]
  const stateError = fields.state.errors?.[0]
  const hidden = <span className="visually-hidden"> — {subject}</span>
  return (
    <Form method="post" {...getFormProps(form)} className="stack action-item-state">
      <input type="hidden" name="intent" value="state" />
      <input type="hidden" name="itemId" value={itemId} />
      <div className="field">
        <label htmlFor={fields.state.id}>
          {t('actionItems.field.state')}
          {hidden}
        </label>
        <select
          id={fields.state.id}
          name={fields.state.name}
          defaultValue={(fields.state.initialValue as string | undefined) ?? state}
          aria-invalid={stateError ? true : undefined}
          aria-describedby={stateError ? fields.state.errorId : undefined}
          key={fields.state.key}
        >
          {actionItemStates.map((value) => (
            <option key={value} value={value}>
              {t(`actionItems.state.${value}`)}
            </option>
          ))}
        </select>
        {stateError ? (
          <span className="field__error" id={fields.state.errorId}>
            {translateMessage(t, stateError)}
          </span>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={fields.note.id}>
          {t('actionItems.field.note')}
          {hidden}
          <span className="muted"> {t('common.optional')}</span>
        </label>
        <span className="field__hint" id={`${fields.note.id}-hint`}>
          {t('actionItems.field.noteHint')}
        </span>
        <input
          id={fields.note.id}
          name={fields.note.name}
          type="text"
          defaultValue={(fields.note.initialValue as string | undefined) ?? ''}
          aria-invalid={noteError ? true : undefined}
          aria-describedby={[`${fields.note.id}-hint`, noteError ? fields.note.errorId : null].filter(Boolean).join(' ')}
          key={fields.note.key}
        />
        {noteError ? (
          <span className="field__error" id={fields.note.errorId}>
            {translateMessage(t, noteError)}
          </span>
        ) : null}
      </div>
      <div>
        <button type="submit" className="button--secondary">
          {t('actionItems.changeState')}
          {hidden}
        </button>
      </div>
    </Form>
  )
}
