import fs from 'node:fs'
import { Readable } from 'node:stream'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { meetingAccessOf } from '~/auth/access.server'
import { notFound } from '~/auth/require.server'
import { getPresentationFile, visibleVisibilities } from '~/models/presentation.server'
import { contentDisposition } from '~/utils/content-disposition'
import { parseId } from '~/utils/http.server'

/**
 * A presentation's file (the latest version, or `?version=N`), streamed from UPLOADS_DIR.
 * Whoever may not see it, or names it wrongly, gets 404 as for a file that does not exist.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const presentationId = parseId(params.presentationId)
  const versionParam = new URL(request.url).searchParams.get('version')
  let version: number | undefined
  if (versionParam !== null) {
    version = Number(versionParam)
    if (!Number.isSafeInteger(version) || version <= 0 || String(version) !== versionParam) throw notFound()
  }
  const found = getPresentationFile({ presentationId, version })
  if (!found) throw notFound()
  const access = await meetingAccessOf(request, found.meetingId)
  if (!visibleVisibilities(access).includes(found.visibility)) throw notFound()
  if (params.fileName !== found.file.fileName) throw notFound()
  let stat: fs.Stats
  try {
    stat = fs.statSync(found.path)
  } catch {
    throw notFound()
  }
  const stream = Readable.toWeb(fs.createReadStream(found.path)) as ReadableStream<Uint8Array>
  return new Response(stream, {
    headers: {
      'Content-Type': found.file.contentType,
      'Content-Length': String(stat.size),
      'Content-Disposition': contentDisposition('attachment', found.file.fileName),
      // X-Content-Type-Options: nosniff is set on every response by server.js.
      'Cache-Control': 'private, no-store',
    },
  })
}
