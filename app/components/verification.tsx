import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { Lang, MessageKey, Translate } from '~/i18n/messages'
import { useLang, useT } from '~/i18n/use-t'
import { formatDate, formatDateTime, formatDay, formatDayRange } from '~/utils/format'
import { warsawDay } from '~/utils/time'

/** What the verification pages show of a published document (see VerifiedDocument). */
export type DocumentSummary = {
  code: string
  version: number
  bodyName: string
  meetingNumber: number
  startsAt: string
  endsAt: string
  topic: string
  approvedBy: string | null
  approvedOn: string | null
  publishedAt: string
  publishedBy: string | null
  pdfSha256: string
  visibility: 'members' | 'public'
}

/** „Notatka ze spotkania nr 3 zespołu „…”, w dniu 16.06.2009 r.” */
export function documentName(t: Translate, lang: Lang, doc: Pick<DocumentSummary, 'meetingNumber' | 'bodyName' | 'startsAt' | 'endsAt'>) {
  const when =
    warsawDay(doc.startsAt) === warsawDay(doc.endsAt)
      ? t('verify.pdf.onDay', { date: formatDate(doc.startsAt, lang) })
      : t('verify.pdf.onDays', { days: formatDayRange(doc.startsAt, doc.endsAt, lang) })
  return t('verify.documentName', { number: doc.meetingNumber, body: doc.bodyName, when })
}

export function DocumentDetails({ doc }: { doc: DocumentSummary }) {
  const t = useT()
  const lang = useLang()
  const approvedOn = doc.approvedOn ? formatDay(doc.approvedOn, lang) : null
  const approval =
    doc.approvedBy && approvedOn
      ? t('verify.approvedValue', { by: doc.approvedBy, date: approvedOn })
      : (doc.approvedBy ?? approvedOn ?? t('verify.notApproved'))
  const published = formatDateTime(doc.publishedAt, lang)
  return (
    <dl className="details">
      <dt>{t('verify.document')}</dt>
      <dd>{documentName(t, lang, doc)}</dd>
      <dt>{t('verify.topic')}</dt>
      <dd>{doc.topic}</dd>
      <dt>{t('verify.code')}</dt>
      <dd>
        <code>{doc.code}</code>
      </dd>
      <dt>{t('verify.version')}</dt>
      <dd>{doc.version}</dd>
      <dt>{t('verify.approved')}</dt>
      <dd>{approval}</dd>
      <dt>{t('verify.published')}</dt>
      <dd>{doc.publishedBy ? t('verify.publishedValue', { date: published, name: doc.publishedBy }) : published}</dd>
      <dt>{t('verify.sha256')}</dt>
      <dd>
        <code className="hash">{doc.pdfSha256}</code>
      </dd>
      <dt>{t('verify.visibility')}</dt>
      <dd>{t(`minutes.visibility.${doc.visibility}`)}</dd>
    </dl>
  )
}

/** One PDF to check, streamed to the action and never stored; its error next to the field. */
export function PdfUploadForm({
  id,
  error,
  maxMb,
  label,
  children,
}: {
  id: string
  error: MessageKey | null
  maxMb: number
  label: string
  children?: ReactNode
}) {
  const t = useT()
  const errorId = `${id}-error`
  return (
    <Form method="post" encType="multipart/form-data" className="stack" aria-label={label}>
      <div className="field">
        <label htmlFor={id}>{t('verify.field.file')}</label>
        <span className="field__hint" id={`${id}-hint`}>
          {t('verify.fileHint', { mb: maxMb })}
        </span>
        <input
          id={id}
          name="file"
          type="file"
          required
          accept=".pdf,application/pdf"
          aria-invalid={error ? true : undefined}
          aria-describedby={[`${id}-hint`, error ? errorId : null].filter(Boolean).join(' ')}
        />
        {error ? (
          <span className="field__error" id={errorId}>
            {t(error, { mb: maxMb })}
          </span>
        ) : null}
      </div>
      {children}
      <div className="actions">
        <button type="submit" className="button">
          {t('verify.check')}
        </button>
      </div>
    </Form>
  )
}

/** The answer about a checked file: a clear yes or no, and the file's own SHA-256. */
export function CheckResult({ ok, message, sha256 }: { ok: boolean; message: ReactNode; sha256: string }) {
  const t = useT()
  return (
    <div className={`notice ${ok ? 'notice--success' : 'notice--error'}`} role={ok ? 'status' : 'alert'}>
      <p>
        <strong>{message}</strong>
      </p>
      <p>
        {t('verify.fileSha256')} <code className="hash">{sha256}</code>
      </p>
    </div>
  )
}
