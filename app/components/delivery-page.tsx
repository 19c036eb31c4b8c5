import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { implementationStatuses, type ImplementationStatus } from '#db/schema/enums'
import { FieldError, FormErrors, TextAreaField, TextField } from '~/components/forms'
import { isMessageKey } from '~/i18n/messages'
import { useLang, useT } from '~/i18n/use-t'
import { ConfirmReceiptSchema, ImplementationReportSchema } from '~/schemas/distribution'
import { formatDateTime, formatFileSize } from '~/utils/format'

export type DeliveryData = {
  recipient: {
    name: string
    sentAt: string | null
    confirmedAt: string | null
    confirmedByName: string | null
    confirmedByPosition: string | null
  }
  document: { title: string; number: string | null; bodyName: string; convener: string }
  pdf: string
  reports: {
    id: number
    status: ImplementationStatus
    text: string
    filedByName: string
    filedByPosition: string | null
    filedAt: string
    fileName: string | null
    sizeBytes: number | null
  }[]
  defaults: { name: string; position: string }
  maxMb: number
}

type Reply = { form: 'confirm' | 'report'; result: SubmissionResult<string[]>; fileError?: string | null } | undefined

/**
 * One institution's delivery of recommendations: the document, „Potwierdzam otrzymanie”, and
 * afterwards its reports on how it applies them, each kept. The same for the personal link
 * and for /inbox; nothing about the team or other recipients.
 */
export function DeliveryPage({ data, reply }: { data: DeliveryData; reply: Reply }) {
  const t = useT()
  const lang = useLang()
  const { recipient, document } = data
  return (
    <>
      <div className="page-head">
        <h1>{document.title}</h1>
        <p>{t('delivery.for', { name: recipient.name })}</p>
      </div>
      <dl className="details">
        {document.number ? (
          <>
            <dt>{t('delivery.number')}</dt>
            <dd>{document.number}</dd>
          </>
        ) : null}
        <dt>{t('delivery.team')}</dt>
        <dd>{document.bodyName}</dd>
        <dt>{t('delivery.from')}</dt>
        <dd>{document.convener}</dd>
        {recipient.sentAt ? (
          <>
            <dt>{t('delivery.sentAt')}</dt>
            <dd>{formatDateTime(recipient.sentAt, lang)}</dd>
          </>
        ) : null}
      </dl>
      <p className="actions">
        <a href={data.pdf} className="button">
          {t('delivery.readPdf')}
        </a>
      </p>
      {recipient.confirmedAt ? (
        <section aria-labelledby="delivery-confirmed" className="notice notice--success">
          {/* A second confirmation (another tab, a colleague) is refused: say so, beside who confirmed first. */}
          {reply?.form === 'confirm' ? <p role="alert">{t('distribution.error.alreadyConfirmed')}</p> : null}
          <h2 id="delivery-confirmed">{t('delivery.confirmedTitle')}</h2>
          <p>
            {t('delivery.confirmedBy', {
              when: formatDateTime(recipient.confirmedAt, lang),
              name: recipient.confirmedByName ?? '',
              position: recipient.confirmedByPosition ?? '',
            })}
          </p>
        </section>
      ) : (
        <ConfirmForm defaults={data.defaults} result={reply?.form === 'confirm' ? reply.result : undefined} />
      )}
      {recipient.confirmedAt ? (
        <ReportForm defaults={data.defaults} maxMb={data.maxMb} reply={reply?.form === 'report' ? reply : undefined} />
      ) : null}
      <section aria-labelledby="reports">
        <h2 id="reports">{t('delivery.reports')}</h2>
        {data.reports.length ? (
          <ol className="stack-list" reversed>
            {data.reports.map((r) => (
              <li key={r.id}>
                <p>
                  <strong>{t(`distribution.status.${r.status}`)}</strong> —{' '}
                  {t('delivery.reportBy', {
                    when: formatDateTime(r.filedAt, lang),
                    name: r.filedByName,
                    position: r.filedByPosition ? `, ${r.filedByPosition}` : '',
                  })}
                </p>
                <p className="preserve-lines">{r.text}</p>
                {r.fileName ? (
                  <p>{t('delivery.reportFile', { fileName: r.fileName, size: formatFileSize(r.sizeBytes ?? 0, lang) })}</p>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('delivery.noReports')}</p>
        )}
      </section>
    </>
  )
}

function ConfirmForm({ defaults, result }: { defaults: DeliveryData['defaults']; result?: SubmissionResult<string[]> }) {
  const t = useT()
  const [form, fields] = useForm({
    id: 'delivery-confirm',
    lastResult: result,
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ConfirmReceiptSchema }),
    shouldValidate: 'onBlur',
    // An error goes as the field is corrected, not on the blur of clicking submit: the button
    // would move up under the pointer and the click be lost.
    shouldRevalidate: 'onInput',
  })
  return (
    <section aria-labelledby="delivery-confirm-title" className="minutes-cycle__step">
      <h2 id="delivery-confirm-title">{t('delivery.confirmTitle')}</h2>
      <p>{t('delivery.confirmLead')}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} show={result?.status === 'error'} />
        <input type="hidden" name="intent" value="confirm" />
        <TextField meta={fields.name} label={t('delivery.field.name')} autoComplete="name" />
        <TextField meta={fields.position} label={t('delivery.field.position')} autoComplete="organization-title" />
        <div className="actions">
          <button type="submit">{t('delivery.confirm')}</button>
        </div>
      </Form>
    </section>
  )
}

function ReportForm({ defaults, maxMb, reply }: { defaults: DeliveryData['defaults']; maxMb: number; reply?: NonNullable<Reply> }) {
  const t = useT()
  const [form, fields] = useForm({
    id: 'delivery-report',
    lastResult: reply?.result,
    defaultValue: { ...defaults, status: '', text: '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ImplementationReportSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const fileError = reply?.fileError ?? null
  const status = fields.status
  return (
    <section aria-labelledby="delivery-report-title" className="minutes-cycle__step">
      <h2 id="delivery-report-title">{t('delivery.reportTitle')}</h2>
      <p>{t('delivery.reportLead')}</p>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} show={!!reply && (!!fileError || reply.result.status === 'error')} />
        <input type="hidden" name="intent" value="report" />
        <fieldset aria-describedby={status.errors?.length ? status.errorId : undefined}>
          <legend>{t('delivery.field.status')}</legend>
          {implementationStatuses.map((value) => (
            <div className="inline-choice" key={value}>
              <input
                type="radio"
                id={`${status.id}-${value}`}
                name={status.name}
                value={value}
                defaultChecked={status.initialValue === value}
              />
              <label htmlFor={`${status.id}-${value}`}>{t(`distribution.status.${value}`)}</label>
            </div>
          ))}
          <FieldError meta={status} />
        </fieldset>
        <TextAreaField meta={fields.text} label={t('delivery.field.text')} hint={t('delivery.field.textHint')} rows={6} />
        <div className="field">
          <label htmlFor="delivery-report-file">
            {t('delivery.field.file')} <span className="muted">{t('common.optional')}</span>
          </label>
          <span className="field__hint" id="delivery-report-file-hint">
            {t('delivery.field.fileHint', { mb: maxMb })}
          </span>
          <input
            id="delivery-report-file"
            type="file"
            name="file"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? 'delivery-report-file-hint delivery-report-file-error' : 'delivery-report-file-hint'}
          />
          {fileError ? (
            <span className="field__error" id="delivery-report-file-error">
              {isMessageKey(fileError) ? t(fileError, { mb: maxMb }) : fileError}
            </span>
          ) : null}
        </div>
        <TextField meta={fields.name} label={t('delivery.field.name')} autoComplete="name" />
        <TextField meta={fields.position} label={t('delivery.field.position')} optional autoComplete="organization-title" />
        <div className="actions">
          <button type="submit">{t('delivery.report')}</button>
        </div>
      </Form>
    </section>
  )
}
