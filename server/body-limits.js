// How big a request body may be, decided before anything reads it. A form or JSON body is
// at most FORM_MAX_BYTES; an upload (multipart, to a page that takes files) the biggest file
// (MAX_UPLOAD_MB, as in app/models/presentation.server.ts) plus FORM_MAX_BYTES of text
// fields, whose own limits the multipart parser (app/utils/multipart.server.ts) enforces.

export const FORM_MAX_BYTES = 1024 * 1024
/** The pages that take a file; anywhere else a multipart body is read whole into memory. */
const UPLOAD_PATHS = [
  /^\/meetings\/\d+\/presentations$/,
  /^\/verify(\/[^/]+)?$/,
  /^\/organisations\/import$/,
  /^\/recommendations\/\d+$/,
  /^\/delivery\/[A-Za-z0-9_-]{43}$/,
  /^\/inbox\/\d+$/,
  /^\/agreements\/\d+\/signatures$/,
]

/** MAX_UPLOAD_MB (default 50) in bytes. */
function maxUploadBytes() {
  const mb = Number(process.env.MAX_UPLOAD_MB ?? 50)
  return Math.floor((Number.isFinite(mb) && mb > 0 ? mb : 50) * 1024 * 1024)
}

/**
 * Express middleware: a body declared bigger than its limit is refused with 413 before a byte
 * of it is read. A chunked body of a form (no Content-Length) is held back, up to its limit,
 * until it is complete, and only then handed on; it is refused as soon as it passes the limit.
 * A chunked upload streams on as it comes, and is refused as soon as it passes its limit.
 */
export function bodyLimits() {
  const multipartMaxBytes = maxUploadBytes() + FORM_MAX_BYTES
  return (req, res, next) => {
    const multipart = /^multipart\/form-data\b/i.test(req.get('content-type') ?? '')
    const upload = multipart && UPLOAD_PATHS.some((p) => p.test(req.path))
    const limit = upload ? multipartMaxBytes : FORM_MAX_BYTES
    const declared = req.get('content-length')
    if (declared !== undefined) return Number(declared) > limit ? refuse(req, res) : next()
    // Without Content-Length nor Transfer-Encoding a request has no body.
    if (req.get('transfer-encoding') === undefined) return next()
    if (upload) return countAsItStreams(req, res, next, limit)
    holdUntilComplete(req, res, next, limit)
  }
}

/** How long a form's body may take to arrive: it is held in memory meanwhile. Uploads have the whole requestTimeout. */
const FORM_ARRIVAL_MS = 30_000

/**
 * The body reaches `req` through `req.push(chunk)` from Node's HTTP parser (then `push(null)`
 * at its end). Those chunks are kept aside, so that nothing downstream reads an unfinished
 * body, and pushed on together once the body is whole, within `limit` and FORM_ARRIVAL_MS.
 */
function holdUntilComplete(req, res, next, limit) {
  if (req.complete) return req.readableLength > limit ? refuse(req, res) : next()
  const push = req.push
  const held = []
  let size = req.readableLength
  let refused = false
  const late = setTimeout(() => {
    refused = true
    held.length = 0
    refuseLate(req, res)
  }, FORM_ARRIVAL_MS).unref()
  req.once('close', () => clearTimeout(late))
  req.push = (chunk, encoding) => {
    if (refused) return true // dropped unread: the connection closes after the answer
    if (chunk !== null) {
      size += chunk.length
      if (size <= limit) {
        held.push(chunk)
        return true
      }
      refused = true
      clearTimeout(late)
      held.length = 0
      refuse(req, res)
      return true
    }
    clearTimeout(late)
    req.push = push
    for (const c of held) push.call(req, c, encoding)
    push.call(req, null)
    // Not from inside the HTTP parser's callback, where this runs.
    process.nextTick(next)
    return false
  }
}

/**
 * An upload's chunks go on as they come (a file is streamed, never held), counted. Past `limit`
 * the rest is dropped and the body ends there for whatever reads it; the 413 goes out unless
 * the page has already answered (it refused the file itself), and the connection closes.
 */
function countAsItStreams(req, res, next, limit) {
  const push = req.push
  let size = req.readableLength
  let refused = false
  req.push = (chunk, encoding) => {
    if (refused) return true
    if (chunk === null) return push.call(req, chunk, encoding)
    size += chunk.length
    if (size <= limit) return push.call(req, chunk, encoding)
    refused = true
    push.call(req, null)
    if (!res.headersSent) {
      refuse(req, res)
      // The page's own answer to the cut-off body comes after this one, and goes nowhere.
      res.append = res.setHeader = () => res
      res.write = () => true
      res.end = () => res
    } else if (res.writableFinished) {
      lingerAndClose(req.socket)
    } else {
      res.once('finish', () => lingerAndClose(req.socket))
    }
    return true
  }
  next()
}

/**
 * How long the rest of a refused body is still read (and dropped) before the connection
 * closes: nginx's lingering_timeout, long enough for a client on a busy machine to see the answer.
 */
const LINGER_MS = 5000

/**
 * Node closes a `Connection: close` socket as soon as the answer is sent, and a client still
 * writing its body would see the connection reset instead of the answer. So, as nginx does:
 * stop writing, drop whatever still comes for LINGER_MS, then close.
 */
function lingerAndClose(socket) {
  socket.end()
  setTimeout(() => socket.destroy(), LINGER_MS).unref()
}

function closeAfterAnswer(req, res) {
  res.set('Connection', 'close')
  const socket = req.socket
  socket.destroySoon = () => lingerAndClose(socket)
}

function refuse(req, res) {
  closeAfterAnswer(req, res)
  res
    .status(413)
    .type('text/html; charset=utf-8')
    .send(tooLargePage(backLink(req)))
}

function refuseLate(req, res) {
  if (res.headersSent) return lingerAndClose(req.socket)
  closeAfterAnswer(req, res)
  res.status(408).type('text/plain; charset=utf-8').send('Formularz przesyłał się zbyt długo i nie został przyjęty. Spróbuj ponownie.')
}

/** A path of this site to go back to: only the request's own path, if it is plainly one. */
function backLink(req) {
  try {
    const { pathname } = new URL(req.originalUrl, 'http://narada.invalid')
    return /^\/(?!\/|\\)[\p{L}\p{N}/._~%-]*$/u.test(pathname) ? pathname : '/'
  } catch {
    return '/'
  }
}

const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

function tooLargePage(backTo) {
  return `<!DOCTYPE html>
<html lang="pl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Przesłane dane są zbyt duże – Narada</title>
</head>
<body>
<main>
<h1>Przesłane dane są zbyt duże</h1>
<p>Przesłane dane są zbyt duże, więc nic nie zostało zapisane. Plik może mieć najwyżej ${Math.round(maxUploadBytes() / 1024 / 1024)} MB, a tekst formularza najwyżej 1 MB.</p>
<p><a href="${escapeHtml(backTo)}">Wróć do formularza</a></p>
</main>
</body>
</html>
`
}
