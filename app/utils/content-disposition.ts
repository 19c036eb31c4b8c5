/**
 * A Content-Disposition header (RFC 6266) naming a file: an ASCII `filename` for old clients
 * and the exact name as `filename*=UTF-8''…` (RFC 8187, formerly 5987) for everyone else.
 * „lista-obecności-nr-2.pdf” → attachment; filename="lista-obecnosci-nr-2.pdf";
 * filename*=UTF-8''lista-obecno%C5%9Bci-nr-2.pdf
 */
export function contentDisposition(type: 'inline' | 'attachment', fileName: string): string {
  const name = fileName.replace(/[\u0000-\u001f\u007f/\\]+/g, '_').trim() || 'plik'
  return `${type}; filename="${asciiFallback(name)}"; filename*=UTF-8''${encodeExtValue(name)}`
}

/** Polish letters without their marks, anything else outside printable ASCII as `_`. */
export function asciiFallback(name: string): string {
  return (
    name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/ł/g, 'l')
      .replace(/Ł/g, 'L')
      // `"` and `\` would need quoting; `%` makes some browsers percent-decode the name.
      .replace(/[^\x20-\x7e]|["\\%]/g, '_')
  )
}

/** RFC 8187 value-chars: attr-char as it is, every other octet of the UTF-8 as %XX. */
function encodeExtValue(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** A file download: its type, its name and its length; never cached by shared caches. */
export function fileResponse(
  body: Buffer | string,
  {
    contentType,
    disposition,
    fileName,
    cacheControl = 'private, no-store',
  }: { contentType: string; disposition: 'inline' | 'attachment'; fileName: string; cacheControl?: string },
): Response {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body
  // A copy typed as an ArrayBuffer view: what the fetch Response accepts.
  return new Response(Uint8Array.from(bytes), {
    headers: {
      'Content-Type': contentType,
      'Content-Disposition': contentDisposition(disposition, fileName),
      'Content-Length': String(bytes.byteLength),
      'Cache-Control': cacheControl,
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
