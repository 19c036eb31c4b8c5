import os from 'node:os'
import { buildVersion } from '~/utils/build-version.server'
import { createPdfServer } from './pdf-server'
import { renderPdfJob } from './render.server'
import { PdfWorkerPool } from './worker-pool.server'

// In the server build this module is in build/index.js, which the workers load too; under
// Vitest it is TypeScript that a worker thread cannot load, so tests render in-process.
const moduleUrl = new URL(import.meta.url)
const bundled = moduleUrl.pathname.endsWith('.js')
const threads = Math.max(1, Math.min(4, os.availableParallelism() - 1))
const pdfWorkers = bundled ? new PdfWorkerPool(moduleUrl, threads) : null
// `remix dev` imports every rebuild anew: the previous build's workers would render old layouts.
const globalForPdf = globalThis as unknown as { naradaPdfWorkers?: PdfWorkerPool | null }
void globalForPdf.naradaPdfWorkers?.close()
globalForPdf.naradaPdfWorkers = pdfWorkers

const pdfServer = createPdfServer({
  render: pdfWorkers ? (job) => pdfWorkers.render(job) : renderPdfJob,
  version: buildVersion,
  concurrency: threads,
  maxWaiting: 32,
  maxBytes: 32 * 1024 * 1024,
})

/** A meeting PDF as a download: 200 with an ETag, 304 for a matching revalidation, 503 when busy. */
export const servePdf = pdfServer.respond
