import { describe, expect, it } from 'vitest'
import type { AgendaView } from '../agenda/layout'
import { boundedQueue, QueueFullError } from './bounded-queue'
import { ByteCache } from '~/utils/byte-cache'
import { matchesEtag } from '~/utils/etag'
import { createPdfServer } from './pdf-server'
import type { PdfJob } from './render.server'

function agendaJob(title: string): PdfJob {
  const view: AgendaView = {
    meta: { title, author: 'Urząd', subject: title, keywords: [], createdAt: new Date('2025-03-29T08:00:00Z') },
    fundingNotice: null,
    bodyName: 'Zespół',
    subtitle: 'Spotkanie nr 1',
    dateLine: '29 marca 2025 r.',
    details: [],
    cancelled: null,
    days: [],
    fileName: 'program-spotkania-nr-1.pdf',
  }
  return { kind: 'agenda', view }
}

/** A renderer whose renders finish only when the test says so. */
function heldRenderer() {
  const held: { job: PdfJob; finish(): void }[] = []
  const render = (job: PdfJob) =>
    new Promise<Buffer>((resolve) => held.push({ job, finish: () => resolve(Buffer.from(`%PDF-${job.view.meta.title}`)) }))
  return { render, held }
}

const get = (headers: Record<string, string> = {}) => new Request('http://narada.test/meetings/1/agenda.pdf', { headers })
const settle = () => new Promise((resolve) => setImmediate(resolve))

describe('createPdfServer', () => {
  it('answers 200 with a strong ETag, then 304 without a body to a revalidation naming it', async () => {
    const { render, held } = heldRenderer()
    const server = createPdfServer({ render, version: 'v1', concurrency: 1, maxWaiting: 1, maxBytes: 1024 })
    const first = server.respond(get(), agendaJob('Program'))
    await settle()
    held[0]!.finish()
    const response = await first
    expect(response.status).toBe(200)
    expect(response.headers.get('Cache-Control')).toBe('private, no-cache')
    expect(response.headers.get('Content-Type')).toBe('application/pdf')
    expect(response.headers.get('Content-Length')).toBe(String('%PDF-Program'.length))
    const etag = response.headers.get('ETag')!
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/)
    expect(await response.text()).toBe('%PDF-Program')

    const revalidated = await server.respond(get({ 'If-None-Match': etag }), agendaJob('Program'))
    expect(revalidated.status).toBe(304)
    expect(revalidated.headers.get('ETag')).toBe(etag)
    expect(await revalidated.text()).toBe('')

    const again = await server.respond(get(), agendaJob('Program'))
    expect(await again.text()).toBe('%PDF-Program')
    expect(held).toHaveLength(1)
  })

  it('gives another ETag to another view, and to the same view rendered by another build', async () => {
    const render = async (job: PdfJob) => Buffer.from(job.view.meta.title)
    const v1 = createPdfServer({ render, version: 'v1', concurrency: 1, maxWaiting: 1, maxBytes: 1024 })
    const v2 = createPdfServer({ render, version: 'v2', concurrency: 1, maxWaiting: 1, maxBytes: 1024 })
    const etag = async (server: typeof v1, title: string) => (await server.respond(get(), agendaJob(title))).headers.get('ETag')
    expect(await etag(v1, 'Program')).toBe(await etag(v1, 'Program'))
    expect(await etag(v1, 'Program')).not.toBe(await etag(v1, 'Program zmieniony'))
    expect(await etag(v1, 'Program')).not.toBe(await etag(v2, 'Program'))
  })

  it('renders a view once for requests that ask for it at the same time', async () => {
    const { render, held } = heldRenderer()
    const server = createPdfServer({ render, version: 'v1', concurrency: 1, maxWaiting: 0, maxBytes: 1024 })
    const responses = [1, 2, 3].map(() => server.respond(get(), agendaJob('Program')))
    await settle()
    expect(held).toHaveLength(1)
    held[0]!.finish()
    for (const response of await Promise.all(responses)) expect(await response.text()).toBe('%PDF-Program')
  })

  it('refuses a render beyond the running and waiting ones with 503, Retry-After and a Polish message', async () => {
    const { render, held } = heldRenderer()
    const server = createPdfServer({ render, version: 'v1', concurrency: 1, maxWaiting: 1, maxBytes: 1024 })
    const running = server.respond(get(), agendaJob('Pierwszy'))
    const waiting = server.respond(get(), agendaJob('Drugi'))
    const refused = await server.respond(get(), agendaJob('Trzeci'))
    expect(refused.status).toBe(503)
    expect(refused.headers.get('Retry-After')).toMatch(/^\d+$/)
    expect(await refused.text()).toBe('Serwer przygotowuje teraz wiele dokumentów PDF. Spróbuj ponownie za kilka sekund.')

    held[0]!.finish()
    await settle()
    held[1]!.finish()
    expect(await (await running).text()).toBe('%PDF-Pierwszy')
    expect(await (await waiting).text()).toBe('%PDF-Drugi')
    const later = server.respond(get(), agendaJob('Trzeci'))
    await settle()
    held[2]!.finish()
    expect((await later).status).toBe(200)
  })
})

describe('boundedQueue', () => {
  it('starts the waiting task when a running one ends, and refuses one more than it may hold', async () => {
    const run = boundedQueue({ concurrency: 1, maxWaiting: 1 })
    let finishFirst!: () => void
    const started: string[] = []
    const first = run(() => (started.push('first'), new Promise<void>((resolve) => (finishFirst = resolve))))
    const second = run(async () => void started.push('second'))
    await expect(run(async () => started.push('third'))).rejects.toBeInstanceOf(QueueFullError)
    await settle()
    expect(started).toEqual(['first'])
    finishFirst()
    await Promise.all([first, second])
    expect(started).toEqual(['first', 'second'])
  })

  it('runs no more than its concurrency when a task arrives just as a running one ends', async () => {
    const run = boundedQueue({ concurrency: 1, maxWaiting: 2 })
    let active = 0
    let mostActive = 0
    const finishers: (() => void)[] = []
    const task = () => {
      mostActive = Math.max(mostActive, ++active)
      return new Promise<void>((resolve) => finishers.push(() => (active--, resolve())))
    }
    const tasks = [run(task), run(task)]
    await settle()
    finishers[0]!()
    // Arrives after the first task ends, before the waiting one has resumed.
    queueMicrotask(() => tasks.push(run(task)))
    await settle()
    expect(mostActive).toBe(1)
    finishers[1]!()
    await settle()
    finishers[2]!()
    await Promise.all(tasks)
    expect(finishers).toHaveLength(3)
  })
})

describe('ByteCache', () => {
  it('drops the least recently used entries once the total passes its budget', () => {
    const cache = new ByteCache(10)
    cache.set('a', Buffer.alloc(4))
    cache.set('b', Buffer.alloc(4))
    cache.get('a')
    cache.set('c', Buffer.alloc(4))
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([true, false, true])
    expect(cache.bytes).toBe(8)
    cache.set('huge', Buffer.alloc(11))
    expect(cache.has('huge')).toBe(false)
    expect(cache.bytes).toBe(8)
  })
})

describe('matchesEtag', () => {
  it('matches the tag in a list, weakly, and *', () => {
    expect(matchesEtag('"x", "abc"', '"abc"')).toBe(true)
    expect(matchesEtag('W/"abc"', '"abc"')).toBe(true)
    expect(matchesEtag('*', '"abc"')).toBe(true)
    expect(matchesEtag('"abcd"', '"abc"')).toBe(false)
    expect(matchesEtag(null, '"abc"')).toBe(false)
  })
})
