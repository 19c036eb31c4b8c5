import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { DocumentKind } from '#db/schema/enums'
import type { MessageKey, Translate } from '~/i18n/messages'
import { useLang, useT } from '~/i18n/use-t'
import { formatDate, formatDateTime } from '~/utils/format'

/** What the verification pages show of a published document of any kind (see VerifiedDocument). */
export type DocumentSummary = {
  code: string
  kind: DocumentKind
  version: number
  title: string
  bodyName: string
  publishedAt: string
  publishedBy: string | null
  pdfSha256: string
  visibility: 'members' | 'public'
  /** The kind's own lines, already in the reader's language. */
  facts: { label: MessageKey; value: string }[]
  withdrawn: { at: string; reason: string } | null
}

/** „Notatka ze spotkania „Zatrudnienie wspierane” zespołu „…””: a document named in one line. */
export function documentName(t: Translate, doc: Pick<DocumentSummary, 'kind' | 'title' | 'bodyName'>) {
  return t('verify.documentName', { kind: t(`documents.kind.${doc.kind}`), title: doc.title, body: doc.bodyName })
}

/** A withdrawn document is still what was published; the page says so first, with when and why. */
export function WithdrawnNotice({ withdrawn }: { withdrawn: NonNullable<DocumentSummary['withdrawn']> }) {
  const t = useT()
  const lang = useLang()
  return (
    <div className="notice notice--error">
      <p>
        <strong>{t('verify.withdrawnTitle')}</strong>
      </p>
      <p>{t('verify.withdrawnNotice', { date: formatDate(withdrawn.at, lang), reason: withdrawn.reason })}</p>
    </div>
  )
}

export function DocumentDetails({ doc }: { doc: DocumentSummary }) {
  const t = useT()
  const lang = useLang()
  const published = formatDateTime(doc.publishedAt, lang)
  return (
    <dl className="details">
      <dt>{t('verify.kind')}</dt>
      <dd>{t(`documents.kind.${doc.kind}`)}</dd>
      <dt>{t(doc.kind === 'minutes' ? 'verify.topicLabel' : 'verify.titleLabel')}</dt>
      <dd>{doc.title}</dd>
      <dt>{t('verify.body')}</dt>
      <dd>{doc.bodyName}</dd>
      {doc.facts.map((fact) => (
        <Fact key={fact.label} label={t(fact.label)} value={fact.value} />
      ))}
      <dt>{t('verify.code')}</dt>
      <dd>
        <code>{doc.code}</code>
      </dd>
      <dt>{t('verify.version')}</dt>
      <dd>{doc.version}</dd>
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

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
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
