import { afterEach, describe, expect, it } from 'vitest'
import type { AgendaView } from '../agenda/layout'
import type { PdfJob } from './render.server'
import { PdfWorkerPool } from './worker-pool.server'

// Stands in for the server build in a worker: answers with the number of its thread, and never
// answers a job titled „hang”, as a layout stuck in a loop would not.
const STAND_IN = `
import { parentPort, threadId } from 'node:worker_threads'
parentPort.on('message', (job) => {
  if (job.view.meta.title === 'hang') return
  parentPort.postMessage({ ok: true, bytes: new TextEncoder().encode(String(threadId)) })
})
`
const entry = new URL(`data:text/javascript,${encodeURIComponent(STAND_IN)}`)

function job(title: string): PdfJob {
  const view = { meta: { title } } as AgendaView
  return { kind: 'agenda', view }
}

const pools: PdfWorkerPool[] = []
function pool(size: number, timeoutMs?: number) {
  const created = new PdfWorkerPool(entry, size, timeoutMs)
  pools.push(created)
  return created
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((created) => created.close()))
})

const threadOf = async (rendered: Promise<Buffer>) => (await rendered).toString()

describe('PdfWorkerPool', () => {
  it('refuses a render that does not finish in time and renders the next one in a fresh worker', async () => {
    const workers = pool(1, 2000)
    const first = await threadOf(workers.render(job('Program')))
    await expect(workers.render(job('hang'))).rejects.toThrow('took longer than 2000 ms')
    const next = await threadOf(workers.render(job('Program')))
    expect(next).not.toBe(first)
    expect(workers.threads).toBe(1)
  })

  it('starts no more workers than its size, however many renders are asked for at once', async () => {
    const workers = pool(2)
    const threads = await Promise.all([1, 2, 3, 4, 5].map((n) => threadOf(workers.render(job(`Program ${n}`)))))
    expect(new Set(threads).size).toBeLessThanOrEqual(2)
    expect(workers.threads).toBeLessThanOrEqual(2)
  })
})
