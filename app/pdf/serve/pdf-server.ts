import crypto from 'node:crypto'
import { translator } from '~/i18n/messages'
import { fileResponse } from '~/utils/content-disposition'
import { matchesEtag } from '~/utils/etag'
import { boundedQueue, QueueFullError } from './bounded-queue'
import { ByteCache } from '~/utils/byte-cache'
import type { PdfJob } from './render.server'

// The bytes depend on the view only, never on who asks: access is checked before serving,
// so a client must still ask every time (no-cache) but may keep its copy and revalidate.
const CACHE_CONTROL = 'private, no-cache'
const RETRY_AFTER_SECONDS = 5

export type PdfRenderer = (job: PdfJob) => Promise<Buffer>

/**
 * Serves meeting PDFs by what they show: the SHA-256 of the view model (with `version`) is the
 * ETag, a revalidation that names it is answered 304 without rendering, rendered bytes are kept
 * in a byte-bounded LRU, a render already under way is shared, and renders beyond
 * `concurrency + maxWaiting` are refused with 503 rather than left to pile up.
 */
export function createPdfServer({
  render,
  version,
  concurrency,
  maxWaiting,
  maxBytes,
}: {
  render: PdfRenderer
  version: string
  concurrency: number
  maxWaiting: number
  maxBytes: number
}) {
  const cache = new ByteCache(maxBytes)
  const inFlight = new Map<string, Promise<Buffer>>()
  const run = boundedQueue({ concurrency, maxWaiting })

  function rendered(etag: string, job: PdfJob): Promise<Buffer> {
    const cached = cache.get(etag)
    if (cached) return Promise.resolve(cached)
    let pending = inFlight.get(etag)
    if (!pending) {
      pending = run(() => render(job))
        .then((bytes) => (cache.set(etag, bytes), bytes))
        .finally(() => inFlight.delete(etag))
      inFlight.set(etag, pending)
    }
    return pending
  }

  async function respond(request: Request, job: PdfJob): Promise<Response> {
    const etag = `"${viewDigest(job, version)}"`
    if (matchesEtag(request.headers.get('If-None-Match'), etag)) {
      return new Response(null, { status: 304, headers: { ETag: etag, 'Cache-Control': CACHE_CONTROL } })
    }
    let bytes: Buffer
    try {
      bytes = await rendered(etag, job)
    } catch (error) {
      if (!(error instanceof QueueFullError)) throw error
      // Polish, like the documents themselves (see pdfText).
      return new Response(translator('pl')('calendar.pdf.busy'), {
        status: 503,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': String(RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' },
      })
    }
    const response = fileResponse(bytes, {
      contentType: 'application/pdf',
      disposition: 'attachment',
      fileName: job.view.fileName,
      cacheControl: CACHE_CONTROL,
    })
    response.headers.set('ETag', etag)
    return response
  }

  return { respond, cache }
}

/** SHA-256 of the job as canonical JSON: keys sorted, dates as ISO strings. */
export function viewDigest(job: PdfJob, version: string): string {
  return crypto
    .createHash('sha256')
    .update(JSON.stringify([version, canonical(job)]))
    .digest('base64url')
}

function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map(canonical)
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, canonical(record[key])]),
    )
  }
  return value
}
