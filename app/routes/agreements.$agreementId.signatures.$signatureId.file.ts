import type { LoaderFunctionArgs } from '@remix-run/node'
import { and, eq } from 'drizzle-orm'
import { requireAgreement } from '~/auth/access.server'
import { notFound } from '~/auth/require.server'
import { isInsider } from '~/utils/agreement-page.server'
import { db, schema } from '~/db.server'
import { fileResponse } from '~/utils/content-disposition'
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
  const pdf = row.file.subarray(0, 1024).includes('%PDF-')
  const png = row.file.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))
  return fileResponse(row.file, {
    contentType: pdf ? 'application/pdf' : png ? 'image/png' : 'image/jpeg',
    disposition: 'attachment',
    fileName: row.fileName ?? 'podpis',
  })
}
