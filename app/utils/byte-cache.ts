/**
 * Byte strings by key, least recently used first out, within a budget of total bytes.
 * A value larger than the whole budget is not kept.
 */
export class ByteCache {
  readonly #entries = new Map<string, Buffer>()
  #bytes = 0

  constructor(readonly maxBytes: number) {}

  get bytes() {
    return this.#bytes
  }

  get(key: string): Buffer | undefined {
    const value = this.#entries.get(key)
    if (value) {
      // Map keeps insertion order: moving the entry to the end marks it as the latest used.
      this.#entries.delete(key)
      this.#entries.set(key, value)
    }
    return value
  }

  has(key: string) {
    return this.#entries.has(key)
  }

  set(key: string, value: Buffer) {
    this.delete(key)
    if (value.byteLength > this.maxBytes) return
    this.#entries.set(key, value)
    this.#bytes += value.byteLength
    for (const oldest of this.#entries.keys()) {
      if (this.#bytes <= this.maxBytes) break
      this.delete(oldest)
    }
  }

  delete(key: string) {
    const value = this.#entries.get(key)
    if (!value) return
    this.#entries.delete(key)
    this.#bytes -= value.byteLength
  }
}
