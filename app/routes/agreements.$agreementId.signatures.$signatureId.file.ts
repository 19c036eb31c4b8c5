import type { LoaderFunctionArgs } from '@remix-run/node'
import { and, eq } from 'drizzle-orm'
import { requireAgreement } from '~/auth/access.server'
import { notFound } from '~/auth/require.server'
import { isInsider } from '~/utils/agreement-page.server'
import { db, schema } from '~/db.server'
import { fileResponse } from '~/utils/content-disposition'
import { sniffFileType } from '~/utils/file-type.server'
import { parseId } from '~/utils/http.server'

/** The file a signature was given with (the signed PDF, the scan), byte for byte, for the parties and the team's officers. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, agreement } = await requireAgreement(request, params, 'agreement.read')
  if (!isInsider(access)) throw notFound()
  const s = schema.agreementSignatures
  const row = db
    .select({ file: s.file, fileName: s.fileName })
    .from(s)
    .where(and(eq(s.id, parseId(params.signatureId)), eq(s.agreementId, agreement.id)))
    .get()
  if (!row?.file) throw notFound()
  return fileResponse(row.file, {
    // Sniffed when it was uploaded (a signed PDF or a scan); anything else is served as bytes.
    contentType: sniffFileType(row.file)?.contentType ?? 'application/octet-stream',
    disposition: 'attachment',
    fileName: row.fileName ?? 'podpis',
  })
}
