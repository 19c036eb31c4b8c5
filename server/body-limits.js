// How big a request body may be, decided before anything reads it. A form or JSON body is
// at most FORM_MAX_BYTES; an upload (multipart, to a page that takes files) the biggest file
// (MAX_UPLOAD_MB, as in app/models/presentation.server.ts) plus FORM_MAX_BYTES of text
// fields, whose own limits the multipart parser (app/utils/multipart.server.ts) enforces.

export const FORM_MAX_BYTES = 1024 * 1024
/** The pages that take a file; anywhere else a multipart body is read whole into memory. */
const UPLOAD_PATHS = [/^\/meetings\/\d+\/presentations$/, /^\/verify(\/[^/]+)?$/]

/** MAX_UPLOAD_MB (default 50) in bytes. */
function maxUploadBytes() {
  const mb = Number(process.env.MAX_UPLOAD_MB ?? 50)
  return Math.floor((Number.isFinite(mb) && mb > 0 ? mb : 50) * 1024 * 1024)
}

/**
 * Express middleware: a body declared bigger than its limit is refused with 413 before a byte
 * of it is read. A chunked body of a form (no Content-Length) is held back, up to its limit,
 * until it is complete, and only then handed on; it is refused as soon as it passes the limit.
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
    if (req.get('transfer-encoding') === undefined || upload) return next()
    holdUntilComplete(req, res, next, limit)
  }
}

/**
 * The body reaches `req` through `req.push(chunk)` from Node's HTTP parser (then `push(null)`
 * at its end). Those chunks are kept aside, so that nothing downstream reads an unfinished
 * body, and pushed on together once the body is whole and within `limit`.
 */
function holdUntilComplete(req, res, next, limit) {
  const push = req.push
  const held = []
  let size = req.readableLength
  let refused = false
  req.push = (chunk, encoding) => {
    if (refused) return true // dropped unread: the connection closes after the 413
    if (chunk !== null) {
      size += chunk.length
      if (size <= limit) {
        held.push(chunk)
        return true
      }
      refused = true
      held.length = 0
      refuse(req, res)
      return true
    }
    req.push = push
    for (const c of held) push.call(req, c, encoding)
    push.call(req, null)
    next()
    return false
  }
}

/** How long the rest of a refused body is still read (and dropped) before the connection closes. */
const LINGER_MS = 2000

function refuse(req, res) {
  res.set('Connection', 'close')
  // Node closes a `Connection: close` socket as soon as the answer is sent, and a client still
  // writing its body would see the connection reset instead of the answer. So, as nginx does:
  // stop writing, drop whatever still comes for LINGER_MS, then close.
  const socket = req.socket
  socket.destroySoon = () => {
    socket.end()
    setTimeout(() => socket.destroy(), LINGER_MS).unref()
  }
  res.status(413).type('text/html; charset=utf-8').send(tooLargePage(req.originalUrl))
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
<p><a href="${escapeHtml(backTo.startsWith('/') && !backTo.startsWith('//') ? backTo : '/')}">Wróć do formularza</a></p>
</main>
</body>
</html>
`
}
