import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { FormErrors, TextField } from '~/components/forms'
import { isMessageKey } from '~/i18n/messages'
import { useT } from '~/i18n/use-t'
import { AnnexSchema } from '~/schemas/recommendation-cycle'

/** An annex while the text is drafted: its title and its file, sent as one multipart form. */
export function RecommendationAnnexForm({
  lastResult,
  fileError,
  maxMb,
}: {
  lastResult?: SubmissionResult<string[]>
  fileError: string | null
  maxMb: number
}) {
  const t = useT()
  const [form, fields] = useForm({
    id: 'recommendation-annex',
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AnnexSchema }),
    shouldValidate: 'onBlur',
  })
  const hintId = 'recommendation-annex-file-hint'
  const errorId = 'recommendation-annex-file-error'
  return (
    <section aria-labelledby="recommendation-annex-title">
      <h3 id="recommendation-annex-title">{t('recommendations.annex.add')}</h3>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} show={!!lastResult && (!!fileError || lastResult.status === 'error')} />
        <input type="hidden" name="intent" value="add-annex" />
        <TextField meta={fields.title} label={t('recommendations.annex.title')} />
        <div className="field">
          <label htmlFor="recommendation-annex-file">{t('recommendations.annex.file')}</label>
          <span className="field__hint" id={hintId}>
            {t('recommendations.annex.fileHint', { mb: maxMb })}
          </span>
          <input
            id="recommendation-annex-file"
            type="file"
            name="file"
            required
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? `${hintId} ${errorId}` : hintId}
          />
          {fileError ? (
            <span className="field__error" id={errorId}>
              {isMessageKey(fileError) ? t(fileError, { mb: maxMb }) : fileError}
            </span>
          ) : null}
        </div>
        <div className="actions">
          <button type="submit">{t('recommendations.annex.upload')}</button>
        </div>
      </Form>
    </section>
  )
}
