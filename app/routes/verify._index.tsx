import { json, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { CheckResult, documentName, PdfUploadForm, type DocumentSummary } from '~/components/verification'
import { getLang } from '~/i18n/lang.server'
import { pageTitle } from '~/i18n/page-title'
import { useLang, useT } from '~/i18n/use-t'
import { formatDate } from '~/utils/format'
import { maxUploadBytes } from '~/models/presentation.server'
import {
  findPublishedDocumentBySha256,
  hashUploadedPdf,
  normaliseVerificationCode,
  type UploadedPdfError,
} from '~/models/verification.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'title.verify')

const pageHeaders = { 'Cache-Control': 'private, no-store' }
export const headers: HeadersFunction = () => pageHeaders

/** `?code=…` from the code form goes to that code's page; a malformed one stays here with an error. */
export async function loader({ request }: LoaderFunctionArgs) {
  const typed = new URL(request.url).searchParams.get('code')
  const code = typed === null ? null : normaliseVerificationCode(typed)
  if (code) throw redirect(`/verify/${code}`)
  return json(
    {
      typed: typed ?? '',
      codeError: typed === null ? null : ('verify.error.code' as const),
      maxMb: Math.round(maxUploadBytes() / 1024 / 1024),
    },
    { headers: pageHeaders },
  )
}

type Found = Pick<DocumentSummary, 'code' | 'kind' | 'version' | 'title' | 'bodyName' | 'withdrawn'>
type ActionData = { ok: true; sha256: string; found: Found | null } | { ok: false; error: UploadedPdfError }

/** Which published document, if any, is exactly the uploaded file. */
export async function action({ request }: ActionFunctionArgs) {
  const upload = await hashUploadedPdf(request)
  if (!upload.ok) return json<ActionData>({ ok: false, error: upload.error }, { status: 400, headers: pageHeaders })
  const document = findPublishedDocumentBySha256({ sha256: upload.sha256, lang: await getLang(request) })
  const found = document
    ? {
        code: document.code,
        kind: document.kind,
        version: document.version,
        title: document.title,
        bodyName: document.bodyName,
        withdrawn: document.withdrawn,
      }
    : null
  return json<ActionData>({ ok: true, sha256: upload.sha256, found }, { headers: pageHeaders })
}

export default function VerifyIndex() {
  const t = useT()
  const lang = useLang()
  const { typed, codeError, maxMb } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as ActionData | undefined
  return (
    <>
      <h1>{t('verify.indexTitle')}</h1>
      <p>{t('verify.indexLead')}</p>
      <section aria-labelledby="verify-file-heading">
        <h2 id="verify-file-heading">{t('verify.fileTitle')}</h2>
        <p>{t('verify.checkLead')}</p>
        {result?.ok ? (
          <CheckResult
            ok={!!result.found}
            sha256={result.sha256}
            message={
              result.found ? (
                <>
                  {t('verify.found', { document: documentName(t, result.found), version: result.found.version })}{' '}
                  {result.found.withdrawn ? (
                    <>{t('verify.foundWithdrawn', { date: formatDate(result.found.withdrawn.at, lang) })} </>
                  ) : null}
                  <Link to={`/verify/${result.found.code}`}>{t('verify.foundLink')}</Link>
                </>
              ) : (
                t('verify.notFound')
              )
            }
          />
        ) : null}
        <PdfUploadForm
          id="verify-any-file"
          label={t('verify.fileTitle')}
          maxMb={maxMb}
          error={result && !result.ok ? result.error : null}
        />
      </section>
      <section aria-labelledby="verify-code-heading">
        <h2 id="verify-code-heading">{t('verify.codeTitle')}</h2>
        <Form method="get" className="stack" aria-labelledby="verify-code-heading">
          <div className="field">
            <label htmlFor="verify-code">{t('verify.field.code')}</label>
            <span className="field__hint" id="verify-code-hint">
              {t('verify.codeHint')}
            </span>
            <input
              id="verify-code"
              name="code"
              type="text"
              required
              autoComplete="off"
              spellCheck={false}
              defaultValue={typed}
              aria-invalid={codeError ? true : undefined}
              aria-describedby={codeError ? 'verify-code-hint verify-code-error' : 'verify-code-hint'}
            />
            {codeError ? (
              <span className="field__error" id="verify-code-error">
                {t(codeError)}
              </span>
            ) : null}
          </div>
          <div className="actions">
            <button type="submit" className="button">
              {t('verify.showCode')}
            </button>
          </div>
        </Form>
      </section>
    </>
  )
}
