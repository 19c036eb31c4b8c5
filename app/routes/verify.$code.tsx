import { json, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { meetingAccessOf } from '~/auth/access.server'
import { notFound } from '~/auth/require.server'
import { CheckResult, DocumentDetails, PdfUploadForm } from '~/components/verification'
import { pageTitle } from '~/i18n/page-title'
import { useT } from '~/i18n/use-t'
import { getMinutesAccess } from '~/models/minutes.server'
import { maxUploadBytes } from '~/models/presentation.server'
import { getVerifiedDocument, hashUploadedPdf, normaliseVerificationCode, type UploadedPdfError } from '~/models/verification.server'

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, 'title.verifyCode'), { name: 'robots', content: 'noindex' }]

// The download link depends on who looks; the page is never kept by shared caches.
const pageHeaders = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex' }
export const headers: HeadersFunction = () => pageHeaders

/** The published document of a code; a code of nothing published is a page that does not exist. */
function requireDocument(param: string | undefined) {
  const document = param ? getVerifiedDocument({ code: param }) : undefined
  if (!document) throw notFound()
  return document
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = normaliseVerificationCode(params.code ?? '')
  if (code && code !== params.code) throw redirect(`/verify/${code}`)
  const document = requireDocument(code ?? undefined)
  const { meetingId, ...summary } = document
  const readable = getMinutesAccess({ meetingId, meeting: await meetingAccessOf(request, meetingId) }).read
  return json(
    {
      document: summary,
      downloadUrl: readable ? `/meetings/${meetingId}/minutes.pdf` : null,
      maxMb: Math.round(maxUploadBytes() / 1024 / 1024),
    },
    { headers: pageHeaders },
  )
}

type ActionData = { ok: true; genuine: boolean; sha256: string } | { ok: false; error: UploadedPdfError }

export async function action({ request, params }: ActionFunctionArgs) {
  const document = requireDocument(params.code)
  const upload = await hashUploadedPdf(request)
  if (!upload.ok) return json<ActionData>({ ok: false, error: upload.error }, { status: 400, headers: pageHeaders })
  return json<ActionData>({ ok: true, genuine: upload.sha256 === document.pdfSha256, sha256: upload.sha256 }, { headers: pageHeaders })
}

export default function VerifyDocument() {
  const t = useT()
  const { document, downloadUrl, maxMb } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as ActionData | undefined
  return (
    <>
      <h1>{t('verify.title')}</h1>
      <p>{t('verify.lead')}</p>
      <DocumentDetails doc={document} />
      {downloadUrl ? (
        <p>
          <a href={downloadUrl}>{t('verify.download')}</a>
        </p>
      ) : null}
      <section aria-labelledby="verify-check-heading">
        <h2 id="verify-check-heading">{t('verify.checkTitle')}</h2>
        <p>{t('verify.checkLead')}</p>
        {result?.ok ? (
          <CheckResult
            ok={result.genuine}
            message={result.genuine ? t('verify.genuine', { version: document.version }) : t('verify.notGenuine')}
            sha256={result.sha256}
          />
        ) : null}
        <PdfUploadForm id="verify-file" label={t('verify.checkTitle')} maxMb={maxMb} error={result && !result.ok ? result.error : null} />
      </section>
    </>
  )
}
