export class QueueFullError extends Error {
  constructor() {
    super('Too many tasks are waiting')
    this.name = 'QueueFullError'
  }
}

/**
 * Runs at most `concurrency` tasks at a time and lets at most `maxWaiting` more wait; a task
 * beyond that is refused at once with QueueFullError rather than queued without end.
 */
export function boundedQueue({ concurrency, maxWaiting }: { concurrency: number; maxWaiting: number }) {
  let running = 0
  const waiting: (() => void)[] = []

  // A finished task hands its slot straight to the first waiting one: were the count lowered
  // first, a task arriving before the woken one resumes would take the slot as well.
  const next = () => {
    const wake = waiting.shift()
    if (wake) wake()
    else running--
  }

  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (running >= concurrency) {
      if (waiting.length >= maxWaiting) throw new QueueFullError()
      await new Promise<void>((resolve) => waiting.push(resolve))
    } else {
      running++
    }
    try {
      return await task()
    } finally {
      next()
    }
  }
}
