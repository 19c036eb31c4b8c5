/** mulberry32: a small, fast PRNG whose whole state is one 32-bit seed, so a run can be repeated. */
export function createRandom(seed: number) {
  let state = seed >>> 0
  function next(): number {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  return {
    next,
    /** An integer from `min` to `max`, both included. */
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (!items.length) throw new Error('pick from an empty list')
      return items[Math.floor(next() * items.length)]!
    },
    /** `count` different items (fewer when the list is shorter), in random order. */
    sample<T>(items: readonly T[], count: number): T[] {
      const copy = items.slice()
      const n = Math.min(count, copy.length)
      for (let i = 0; i < n; i++) {
        const j = i + Math.floor(next() * (copy.length - i))
        ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
      }
      return copy.slice(0, n)
    },
    /** One of the keys, each as likely as its weight. */
    weighted<K extends string>(weights: Record<K, number>): K {
      const entries = Object.entries(weights) as [K, number][]
      let r = next() * entries.reduce((sum, [, w]) => sum + w, 0)
      for (const [key, w] of entries) if ((r -= w) < 0) return key
      return entries[entries.length - 1]![0]
    },
  }
}

export type Random = ReturnType<typeof createRandom>
