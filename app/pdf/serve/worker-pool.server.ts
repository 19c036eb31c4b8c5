import { isMainThread, parentPort, Worker, workerData, type MessagePort } from 'node:worker_threads'
import { renderPdfJob, type PdfJob } from './render.server'

const ROLE = 'narada-pdf-renderer'

type Reply = { ok: true; bytes: Uint8Array } | { ok: false; error: string }

/**
 * Worker threads that render PDFs, one job at a time each, at most `size` of them. A worker
 * runs `entry`, the server build itself (one ESM file, pdfkit left external): this module is
 * part of it and, loaded in a thread started with our role, answers render jobs instead of
 * doing nothing. A render that takes longer than `timeoutMs` is refused and its worker
 * stopped, so a layout that hangs costs one request, not a thread for good.
 */
export class PdfWorkerPool {
  readonly #idle: Worker[] = []
  readonly #all = new Set<Worker>()
  readonly #waiting: ((worker: Worker) => void)[] = []

  constructor(
    readonly entry: URL,
    readonly size: number,
    readonly timeoutMs = 30_000,
  ) {}

  async render(job: PdfJob): Promise<Buffer> {
    const worker = await this.#acquire()
    let reply: Reply
    try {
      reply = await this.#ask(worker, job)
    } finally {
      this.#release(worker)
    }
    if (!reply.ok) throw new Error(reply.error)
    return Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength)
  }

  get threads() {
    return this.#all.size
  }

  async close() {
    await Promise.all([...this.#all].map((worker) => worker.terminate()))
  }

  #ask(worker: Worker, job: PdfJob) {
    return new Promise<Reply>((resolve, reject) => {
      const onMessage = (reply: Reply) => (stop(), resolve(reply))
      const onError = (error: Error) => (stop(), this.#retire(worker), reject(error))
      const onExit = (code: number) => (stop(), reject(new Error(`The PDF worker stopped with code ${code}`)))
      const onTimeout = () => {
        stop()
        this.#retire(worker)
        reject(new Error(`The PDF render took longer than ${this.timeoutMs} ms; its worker was stopped`))
      }
      const timer = setTimeout(onTimeout, this.timeoutMs)
      // Like the idle workers, a hung render must not keep a stopping server alive.
      timer.unref()
      const stop = () => {
        clearTimeout(timer)
        worker.off('message', onMessage).off('error', onError).off('exit', onExit)
      }
      worker.on('message', onMessage).on('error', onError).on('exit', onExit)
      worker.postMessage(job)
    })
  }

  #acquire(): Promise<Worker> {
    const idle = this.#idle.pop()
    if (idle) return Promise.resolve(idle)
    if (this.#all.size < this.size) return Promise.resolve(this.#start())
    return new Promise((resolve) => this.#waiting.push(resolve))
  }

  /** Hands the worker, or a fresh one in place of a stopped one, to the first render waiting. */
  #release(worker: Worker) {
    const alive = this.#all.has(worker)
    const wake = this.#waiting.shift()
    if (wake) wake(alive ? worker : this.#start())
    else if (alive) this.#idle.push(worker)
  }

  /** Stops a worker and forgets it at once, so that no render is given it while it exits. */
  #retire(worker: Worker) {
    this.#forget(worker)
    void worker.terminate()
  }

  #forget(worker: Worker) {
    this.#all.delete(worker)
    const index = this.#idle.indexOf(worker)
    if (index >= 0) this.#idle.splice(index, 1)
  }

  #start() {
    const worker = new Worker(this.entry, { workerData: { role: ROLE } })
    // An idle worker that fails is only dropped; a render in flight hears of it by its own listener.
    worker.on('error', () => {})
    worker.on('exit', () => this.#forget(worker))
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
