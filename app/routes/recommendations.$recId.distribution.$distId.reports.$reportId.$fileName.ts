import fs from 'node:fs'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { and, eq } from 'drizzle-orm'
import { requireDistribution } from '~/auth/access.server'
import { notFound } from '~/auth/require.server'
import { db, schema } from '~/db.server'
import { documentFilePath } from '~/models/document/files.server'
import { fileResponse } from '~/utils/content-disposition'
import { parseId } from '~/utils/http.server'

/** A file a recipient attached to its report, for the distribution's officers; 404 for anything else. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { distribution } = await requireDistribution(request, params)
  const r = schema.distributionReports
  const rcp = schema.distributionRecipients
  const file = db
    .select({ fileName: r.fileName, storedName: r.storedName, contentType: r.contentType })
    .from(r)
    .innerJoin(rcp, eq(rcp.id, r.recipientId))
    .where(and(eq(r.id, parseId(params.reportId)), eq(rcp.distributionId, distribution.id)))
    .get()
  if (!file?.storedName || !file.fileName || file.fileName !== params.fileName) throw notFound()
  let bytes: Buffer
  try {
    bytes = fs.readFileSync(documentFilePath(file.storedName))
  } catch {
    throw notFound()
  }
  return fileResponse(bytes, {
    contentType: file.contentType ?? 'application/octet-stream',
    disposition: 'attachment',
    fileName: file.fileName,
  })
}
