import { Transform } from 'node:stream'
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from '@remix-run/node'
import { isRouteErrorResponse, RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { NonceProvider } from './components/nonce'

export { shutdown, startup } from './startup.server'
export { inRequestScope } from './utils/request-scope.server'

declare module '@remix-run/node' {
  interface AppLoadContext {
    cspNonce?: string
    clientIp?: string | null
  }
}

const ABORT_DELAY = 5_000

/**
 * React 18's streaming renderer can flush the unwritten tail of its 2 KB buffer as NUL bytes
 * when a multi-byte character (any Polish letter) falls on the boundary (react#24985, fixed
 * by react#26228 only in React 19, which Remix 2 does not support). No NUL byte belongs in
 * HTML and none is part of a UTF-8 sequence, so they are dropped on the way out.
 */
function withoutNulBytes() {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, chunk.includes(0) ? chunk.filter((byte) => byte !== 0) : chunk)
    },
  })
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? ''
  // Crawlers and clients without JavaScript get the whole document at once.
  const readyEvent = isbot(request.headers.get('user-agent') ?? '') ? 'onAllReady' : 'onShellReady'
  return new Promise((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true
          const body = withoutNulBytes()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }))
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) console.error(error)
        },
      },
    )
    setTimeout(abort, ABORT_DELAY)
  })
}

export function handleError(error: unknown, { request }: { request: Request }) {
  // Aborted requests and thrown responses (404s from scanners) are not errors worth a stack.
  if (request.signal.aborted || isRouteErrorResponse(error)) return
  console.error(error)
}
