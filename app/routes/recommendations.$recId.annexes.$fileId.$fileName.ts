import fs from 'node:fs'
import { Readable } from 'node:stream'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireRecommendation } from '~/auth/access.server'
import { canInBody } from '~/auth/body-permissions'
import { notFound } from '~/auth/require.server'
import { getPublishedVersion } from '~/models/document/versions.server'
import type { RecommendationSnapshot } from '~/models/recommendation-snapshot'
import { annexFile } from '~/models/recommendation.server'
import { contentDisposition } from '~/utils/content-disposition'
import { parseId } from '~/utils/http.server'

/**
 * An annex's file, streamed from UPLOADS_DIR, to whoever may read the recommendations: the
 * team reads the live annexes; anyone else only those of the published version. Whoever may
 * not, or names the file wrongly, gets 404 as for a file that does not exist.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, recommendation } = await requireRecommendation(request, params, 'recommendation.read')
  const fileId = parseId(params.fileId)
  if (!canInBody(access, 'body.readInternal')) {
    const published = getPublishedVersion<RecommendationSnapshot>({ documentId: recommendation.id })
    if (!published?.snapshot.annexes.some((annex) => annex.id === fileId)) throw notFound()
  }
  const found = annexFile({ id: recommendation.id, fileId })
  if (!found || params.fileName !== found.fileName) throw notFound()
  let stat: fs.Stats
  try {
    stat = fs.statSync(found.path)
  } catch {
    throw notFound()
  }
  const stream = Readable.toWeb(fs.createReadStream(found.path)) as ReadableStream<Uint8Array>
  return new Response(stream, {
    headers: {
      'Content-Type': found.contentType,
      'Content-Length': String(stat.size),
      'Content-Disposition': contentDisposition('attachment', found.fileName),
      'Cache-Control': 'private, no-store',
    },
  })
}
