import { json, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import type { DocumentKind } from '#db/schema/enums'
import { meetingAccessOf, requireAgreement } from '~/auth/access.server'
import { canInRecommendation } from '~/auth/recommendation-permissions'
import { getUser, notFound } from '~/auth/require.server'
import { CheckResult, DocumentDetails, PdfUploadForm, WithdrawnNotice } from '~/components/verification'
import { getLang } from '~/i18n/lang.server'
import type { Lang } from '~/i18n/messages'
import { pageTitle } from '~/i18n/page-title'
import { useT } from '~/i18n/use-t'
import { getBodyAccess } from '~/models/body-access.server'
import { getMinutesAccess, getMinutesMeetingId } from '~/models/minutes.server'
import { maxUploadBytes } from '~/models/presentation.server'
import {
  getVerifiedDocument,
  hashUploadedPdf,
  normaliseVerificationCode,
  type UploadedPdfError,
  type VerifiedDocument,
} from '~/models/verification.server'

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, 'title.verifyCode'), { name: 'robots', content: 'noindex' }]

// The download link depends on who looks; the page is never kept by shared caches.
const pageHeaders = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex' }
export const headers: HeadersFunction = () => pageHeaders

/** The published document of a code; a code of nothing published is a page that does not exist. */
function requireDocument(param: string | undefined, lang: Lang) {
  const document = param ? getVerifiedDocument({ code: param, lang }) : undefined
  if (!document) throw notFound()
  return document
}

/** Whether this visitor may open the document itself, as its own pages would decide. */
const readable: Record<DocumentKind, (request: Request, document: VerifiedDocument) => Promise<boolean>> = {
  async minutes(request, { documentId }) {
    const meetingId = getMinutesMeetingId({ minutesId: documentId })
    return meetingId !== undefined && getMinutesAccess({ meetingId, meeting: await meetingAccessOf(request, meetingId) }).read
  },
  // Whatever /verify finds of a recommendation is published, or withdrawn after its publication.
  async recommendation(request, { bodyId, visibility, withdrawn }) {
    const access = getBodyAccess({ bodyId, user: await getUser(request) })
    const status = { state: withdrawn ? ('withdrawn' as const) : ('published' as const), visibility, commentsDueAt: null }
    return canInRecommendation(access, status, 'recommendation.read')
  },
  async agreement(request, { documentId }) {
    return requireAgreement(request, { agreementId: String(documentId) }, 'agreement.read').then(
      () => true,
      () => false,
    )
  },
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = normaliseVerificationCode(params.code ?? '')
  if (code && code !== params.code) throw redirect(`/verify/${code}`)
  const document = requireDocument(code ?? undefined, await getLang(request))
  const { documentId, bodyId, documentHref, pdfHref, ...summary } = document
  const open = await readable[document.kind](request, document)
  return json(
    {
      document: summary,
      documentUrl: open ? documentHref : null,
      downloadUrl: open ? pdfHref : null,
      maxMb: Math.round(maxUploadBytes() / 1024 / 1024),
    },
    { headers: pageHeaders },
  )
}

type ActionData = { ok: true; genuine: boolean; sha256: string } | { ok: false; error: UploadedPdfError }

export async function action({ request, params }: ActionFunctionArgs) {
  const document = requireDocument(params.code, await getLang(request))
  const upload = await hashUploadedPdf(request)
  if (!upload.ok) return json<ActionData>({ ok: false, error: upload.error }, { status: 400, headers: pageHeaders })
  return json<ActionData>({ ok: true, genuine: upload.sha256 === document.pdfSha256, sha256: upload.sha256 }, { headers: pageHeaders })
}

export default function VerifyDocument() {
  const t = useT()
  const { document, documentUrl, downloadUrl, maxMb } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as ActionData | undefined
  return (
    <>
      <h1>{t('verify.title')}</h1>
      <p>{t('verify.lead')}</p>
      {document.withdrawn ? <WithdrawnNotice withdrawn={document.withdrawn} /> : null}
      <DocumentDetails doc={document} />
      {documentUrl || downloadUrl ? (
        <p className="actions">
          {documentUrl ? <Link to={documentUrl}>{t('verify.open')}</Link> : null}
          {downloadUrl ? <a href={downloadUrl}>{t('verify.download')}</a> : null}
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
