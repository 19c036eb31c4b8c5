// The production server: Express in front of the Remix build. It adds what Remix leaves
// to the host: security headers with a per-request CSP nonce, the same-origin check for
// every request that changes something, static files, and the client's address.
import crypto from 'node:crypto'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import { broadcastDevReady, installGlobals } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import helmet from 'helmet'
import { bodyLimits } from './server/body-limits.js'

installGlobals({ nativeFetch: true })

const root = path.dirname(fileURLToPath(import.meta.url))
const build = await import(path.join(root, 'build/index.js'))
await build.entry.module.startup()

// With APP_URL set, the site answers at that address alone (a DNS-rebinding page calls itself
// by another name) and that is the only origin of its own pages.
const appUrl = process.env.APP_URL?.trim() ? new URL(process.env.APP_URL.trim()) : null
if (!appUrl && process.env.NODE_ENV === 'production') {
  console.warn(
    'Narada: APP_URL is not set. Behind an HTTPS proxy every form is then refused (403), as the ' +
      'browser names https:// while the server is reached over http://; set APP_URL to the public address.',
  )
}

const trustedOrigins = (process.env.TRUSTED_ORIGINS ?? '')
  .split(',')
  .map((o) => o.trim())
  .filter(Boolean)

/**
 * A browser names the page a request came from in Origin (or, failing that, Referer).
 * Anything that changes state must come from our own origin; a request that names no
 * origin at all is not a browser's cross-site request (curl, a test) and passes.
 */
export function isForeignRequest(req) {
  if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return false
  const claimed = req.get('origin') ?? originOf(req.get('referer'))
  if (claimed === undefined) return false
  const own = appUrl?.origin ?? `${req.protocol}://${req.get('host')}`
  return claimed !== own && !trustedOrigins.includes(claimed)
}

// A Host is a name or an address, and a port: nothing else. The URL parser would take
// `host/x`, `user@host`, `host?q`, `host#f` or `host\x` for the host in front.
const HOST_SYNTAX = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i

/** Whether a Host header names APP_URL's host (any case, the default port written or not). */
function isOwnHost(host) {
  if (!host) return false
  try {
    return new URL(`${appUrl.protocol}//${host}`).host === appUrl.host
  } catch {
    return false
  }
}

function originOf(url) {
  if (!url) return undefined
  try {
    return new URL(url).origin
  } catch {
    return 'null'
  }
}

const app = express()
app.disable('x-powered-by')
// While stopping, an open keep-alive connection would go on carrying new requests: every
// answer not yet begun, in flight or new, closes its connection, and each one that ends
// closes those left idle.
let stopping = false
const unanswered = new Set()
app.use((req, res, next) => {
  if (stopping) res.set('Connection', 'close')
  else unanswered.add(res)
  res.on('close', () => unanswered.delete(res))
  res.on('finish', () => {
    if (stopping) server.closeIdleConnections()
  })
  next()
})
// X-Forwarded-For names the client only when a proxy the operator named sent it; anyone
// can write the header, and the sign-in throttle counts by that address.
const trustProxy = process.env.TRUST_PROXY?.trim()
// A number counts proxy hops; anything else is Express's list of addresses and names (`loopback`).
app.set('trust proxy', !trustProxy ? false : /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy)

// A proxy on this machine or the local network sends X-Forwarded-For; without TRUST_PROXY every
// client then has the proxy's address, and one client's failed sign-ins slow them all down.
const nearbyPeers = new net.BlockList()
for (const [network, prefix] of [
  ['127.0.0.0', 8],
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
]) {
  nearbyPeers.addSubnet(network, prefix, 'ipv4')
}
nearbyPeers.addAddress('::1', 'ipv6')
nearbyPeers.addSubnet('fc00::', 7, 'ipv6')
function isNearbyPeer(address) {
  const peer = address?.replace(/^::ffff:(?=\d+\.)/, '')
  return !!peer && nearbyPeers.check(peer, net.isIPv4(peer) ? 'ipv4' : 'ipv6')
}
let warnedOfProxy = false
app.use((req, res, next) => {
  if (!trustProxy && !warnedOfProxy && req.get('x-forwarded-for') && isNearbyPeer(req.socket.remoteAddress)) {
    warnedOfProxy = true
    console.warn(
      `Narada: a request from ${req.socket.remoteAddress} came through a proxy (X-Forwarded-For), but TRUST_PROXY ` +
        "is not set: every client has the proxy's address. Set TRUST_PROXY (e.g. loopback) and APP_URL.",
    )
  }
  next()
})
app.use(compression())

app.use((req, res, next) => {
  res.locals.cspNonce = crypto.randomBytes(16).toString('base64')
  next()
})
app.use(
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'", (_req, res) => `'nonce-${res.locals.cspNonce}'`],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'self'"],
        'object-src': ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // HSTS only makes sense where the site is served over HTTPS; the proxy in front sets it.
    strictTransportSecurity: false,
  }),
)

app.use((req, res, next) => {
  const host = req.get('host')
  if (host !== undefined && !HOST_SYNTAX.test(host)) {
    return res.status(400).type('text/plain; charset=utf-8').send('Bad Request: malformed Host')
  }
  // A health check asks by the machine's own name.
  if (!appUrl || req.path === '/healthz' || isOwnHost(host)) return next()
  res.status(421).type('text/plain; charset=utf-8').send('Misdirected Request: unknown host')
})

// Before anything reads a body: an oversized one is refused, unread, with 413.
app.use(bodyLimits())

app.use((req, res, next) => {
  if (!isForeignRequest(req)) return next()
  res.status(403).type('text/plain; charset=utf-8').send('Forbidden: cross-origin request')
})

app.use('/build', express.static(path.join(root, 'public/build'), { immutable: true, maxAge: '1y' }))
app.use(express.static(path.join(root, 'public'), { maxAge: '1h' }))

// The load benchmark's baseline page (bench/load.ts) exists only in a server started for it.
if (process.env.BENCH_BARE_PAGE !== '1') {
  app.all('/bench/bare', (req, res) => res.status(404).type('text/plain; charset=utf-8').send('Not Found'))
}

const handleWithRemix = createRequestHandler({
  build,
  mode: process.env.NODE_ENV,
  getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce, clientIp: req.ip ?? null }),
})
// The loaders of one request share what they look up (the session, the user's teams).
app.all('*', (req, res, next) => build.entry.module.inRequestScope(() => handleWithRemix(req, res, next)))

const port = Number(process.env.PORT ?? 3000)
const server = app.listen(port, () => {
  console.log(`Narada: listening on http://localhost:${port}`)
  // Under `npm run dev`, remix dev restarts this server on every rebuild and waits for this.
  if (process.env.NODE_ENV === 'development') broadcastDevReady(build)
})
// A client that sends its headers or its body slowly holds a connection open: 20 s for the
// headers, 5 min for the whole request (a 50 MB upload over a slow uplink). An idle
// keep-alive connection closes sooner than headersTimeout, as Node requires.
server.headersTimeout = 20_000
server.requestTimeout = 300_000
server.keepAliveTimeout = 5_000

// A stop (systemd, docker stop, Ctrl+C) takes no new connections, lets the requests in
// flight finish for up to DRAIN_MS, then cuts what is left, and only then checkpoints and
// closes the database: nothing is left half-written and no -wal file is needed beside it.
const DRAIN_MS = 10_000
function stop(signal) {
  if (stopping) return
  stopping = true
  const closeDatabase = build.entry.module.shutdown()
  for (const res of unanswered) if (!res.headersSent) res.set('Connection', 'close')
  console.log(`Narada: ${signal}, finishing the requests in flight`)
  const cutOff = setTimeout(() => server.closeAllConnections(), DRAIN_MS)
  server.close(async () => {
    clearTimeout(cutOff)
    try {
      await closeDatabase()
    } catch (error) {
      console.error('Narada: could not close the database', error)
      process.exit(1)
    }
    console.log('Narada: stopped')
    process.exit(0)
  })
  server.closeIdleConnections()
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(signal))
