import { isMainThread, parentPort, Worker, workerData, type MessagePort } from 'node:worker_threads'
import { renderPdfJob, type PdfJob } from './render.server'

const ROLE = 'narada-pdf-renderer'

type Reply = { ok: true; bytes: Uint8Array } | { ok: false; error: string }

/**
 * Worker threads that render PDFs, one job at a time each. A worker runs `entry`, the server
 * build itself (one ESM file, pdfkit left external): this module is part of it and, loaded in
 * a thread started with our role, answers render jobs instead of doing nothing.
 */
export class PdfWorkerPool {
  readonly #idle: Worker[] = []
  readonly #all = new Set<Worker>()

  constructor(
    readonly entry: URL,
    readonly size: number,
  ) {}

  /** Callers keep at most `size` renders in flight (see boundedQueue), so a worker is free. */
  async render(job: PdfJob): Promise<Buffer> {
    const worker = this.#idle.pop() ?? this.#start()
    const reply = await new Promise<Reply>((resolve, reject) => {
      const onMessage = (reply: Reply) => (stop(), resolve(reply))
      const onError = (error: Error) => (stop(), reject(error))
      const onExit = (code: number) => (stop(), reject(new Error(`The PDF worker stopped with code ${code}`)))
      const stop = () => worker.off('message', onMessage).off('error', onError).off('exit', onExit)
      worker.on('message', onMessage).on('error', onError).on('exit', onExit)
      worker.postMessage(job)
    })
    if (this.#all.has(worker)) this.#idle.push(worker)
    if (!reply.ok) throw new Error(reply.error)
    return Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength)
  }

  get threads() {
    return this.#all.size
  }

  async close() {
    await Promise.all([...this.#all].map((worker) => worker.terminate()))
  }

  #start() {
    const worker = new Worker(this.entry, { workerData: { role: ROLE } })
    // An idle worker that fails is only dropped; a render in flight hears of it by its own listener.
    worker.on('error', () => {})
    worker.on('exit', () => {
      this.#all.delete(worker)
      const index = this.#idle.indexOf(worker)
      if (index >= 0) this.#idle.splice(index, 1)
    })
    // Idle workers must not keep a stopping server alive.
    worker.unref()
    this.#all.add(worker)
    return worker
  }
}

function answerRenderJobs(port: MessagePort) {
  port.on('message', async (job: PdfJob) => {
    try {
      const rendered = await renderPdfJob(job)
      const bytes = new Uint8Array(rendered)
      port.postMessage({ ok: true, bytes } satisfies Reply, [bytes.buffer])
    } catch (error) {
      port.postMessage({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies Reply)
    }
  })
}

if (!isMainThread && parentPort && (workerData as { role?: string } | null)?.role === ROLE) answerRenderJobs(parentPort)
