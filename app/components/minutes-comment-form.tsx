import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { FieldError, FormErrors, TextAreaField, type Option } from '~/components/forms'
import { translateMessage } from '~/i18n/messages'
import { useT } from '~/i18n/use-t'
import { MinutesCommentSchema, WHOLE_MINUTES } from '~/schemas/minutes-comment'

/**
 * A member's new comment: the part of the minutes it is about („Cała notatka” or a section,
 * preselected from `?section=`) and the text. Anchored at `#new`.
 */
export function AddCommentForm({
  sections,
  preselected,
  lastResult,
}: {
  sections: Option[]
  preselected: string
  lastResult?: SubmissionResult<string[]>
}) {
  const t = useT()
  const [form, fields] = useForm({
    id: 'minutes-comment',
    lastResult,
    defaultValue: { section: preselected },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MinutesCommentSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const section = fields.section
  return (
    <section id="new" aria-labelledby="new-comment-heading" className="comment-add">
      <h3 id="new-comment-heading">{t('minutesReview.add.title')}</h3>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} show={lastResult?.status === 'error'} />
        <input type="hidden" name="intent" value="comment" />
        <div className="field">
          <label htmlFor={section.id}>{t('minutesReview.add.section')}</label>
          <select
            id={section.id}
            name={section.name}
            defaultValue={(section.initialValue as string | undefined) ?? WHOLE_MINUTES}
            aria-invalid={section.errors?.length ? true : undefined}
            aria-describedby={section.errors?.length ? section.errorId : undefined}
            key={section.key}
          >
            <option value={WHOLE_MINUTES}>{t('minutesReview.wholeMinutes')}</option>
            {sections.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          <FieldError meta={section} />
        </div>
        <TextAreaField meta={fields.body} label={t('minutesReview.add.body')} hint={t('minutesReview.add.bodyHint')} rows={6} />
        <div className="actions">
          <button type="submit" className="button">
            {t('minutesReview.add.submit')}
          </button>
        </div>
      </Form>
    </section>
  )
}

/**
 * What a member sees when a comment came too late (or the minutes left circulation while
 * they wrote): why it was not saved, and their text, to copy elsewhere.
 */
export function RefusedComment({ error, body }: { error: string; body: string }) {
  const t = useT()
  return (
    <section id="new" aria-labelledby="refused-comment-heading" className="comment-add">
      <h3 id="refused-comment-heading">{t('minutesReview.refused.title')}</h3>
      <div className="notice notice--error" role="alert">
        <p>{translateMessage(t, error)}</p>
      </div>
      {body ? (
        <div className="field">
          <label htmlFor="refused-comment-text">{t('minutesReview.refused.keptText')}</label>
          <textarea id="refused-comment-text" readOnly rows={6} defaultValue={body} />
        </div>
      ) : null}
    </section>
  )
}
