// The part of autocannon 8's API that bench/load.ts uses (the package ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  interface Options {
    url: string
    connections?: number
    /** Seconds. */
    duration?: number
    /** Requests to send; when given, the run lasts until every one is answered. */
    amount?: number
    /** Seconds to wait for a response. */
    timeout?: number
    headers?: Record<string, string>
  }

  interface Result {
    /** Seconds. */
    duration: number
    errors: number
    timeouts: number
    non2xx: number
    '2xx': number
    statusCodeStats: Record<string, { count: number }>
  }

  interface Instance extends EventEmitter, PromiseLike<Result> {
    /** A response: the connection, its status, its size in bytes and its time in milliseconds. */
    on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, milliseconds: number) => void): this
  }

  function autocannon(options: Options): Instance
  export default autocannon
}
