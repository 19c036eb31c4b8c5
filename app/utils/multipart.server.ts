import { Readable } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import busboy from 'busboy'

/** The most a text field, and all text fields together, may hold. */
export const FIELD_MAX_BYTES = 64 * 1024
export const FIELDS_MAX_BYTES = 1024 * 1024
/** Far more parts than any of our forms has. */
const PARTS_MAX = 200

/** One file of a form as it streams in; its name as the browser sent it, possibly empty. */
export type FilePart = { field: string; fileName: string; data: AsyncIterable<Uint8Array> }

export const badRequest = () => new Response('Bad Request', { status: 400 })
export const payloadTooLarge = () => new Response('Payload Too Large', { status: 413 })

/**
 * Reads a multipart form as it streams in: the text fields into a FormData, each file to
 * `onFile`, one after another. Whatever of a file `onFile` leaves unread is skipped, so it
 * may stop reading half-way. A malformed body throws a 400 Response, text over the limits
 * (FIELD_MAX_BYTES a field, FIELDS_MAX_BYTES in all) or too many parts a 413; an error
 * thrown by `onFile` stops the reading and is thrown as it is.
 */
export function readMultipartForm(request: Request, onFile: (file: FilePart) => Promise<void>): Promise<FormData> {
  if (!request.body) return Promise.reject(badRequest())
  let parser: busboy.Busboy
  try {
    parser = busboy({
      headers: { 'content-type': request.headers.get('Content-Type') ?? '' },
      // Browsers send a file's name as raw UTF-8 in the part's header.
      defParamCharset: 'utf8',
      limits: { fieldSize: FIELD_MAX_BYTES, fieldNameSize: 200, parts: PARTS_MAX },
    })
  } catch {
    return Promise.reject(badRequest()) // not multipart/form-data, or no boundary
  }
  const source = Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>)
  const fields = new FormData()
  let textBytes = 0
  let files = Promise.resolve()

  return new Promise<FormData>((resolve, reject) => {
    let settled = false
    // Stops reading; the file being read breaks off, and only once its reader has cleaned up
    // (its temp file removed) is the error thrown.
    const fail = (error: unknown) => {
      if (settled) return
      settled = true
      // The rest of the body is dropped, not cut off: cancelling it would close the connection
      // under the answer still to be sent.
      source.unpipe(parser)
      source.resume()
      parser.destroy()
      void files.finally(() => reject(error))
    }
    parser.on('field', (name, value, info) => {
      textBytes += Buffer.byteLength(name) + Buffer.byteLength(value)
      if (info.nameTruncated || info.valueTruncated || textBytes > FIELDS_MAX_BYTES) return fail(payloadTooLarge())
      fields.append(name, value)
    })
    parser.on('file', (field, stream, info) => {
      stream.on('error', () => {}) // a broken-off file: its reader hears of it, or nobody waits
      files = files.then(async () => {
        if (settled) return void stream.resume()
        try {
          await onFile({ field, fileName: info.filename ?? '', data: stream.iterator({ destroyOnReturn: false }) })
        } catch (error) {
          fail(error)
        } finally {
          stream.resume()
        }
      })
    })
    parser.on('partsLimit', () => fail(payloadTooLarge()))
    parser.on('fieldsLimit', () => fail(payloadTooLarge()))
    parser.on('error', () => fail(badRequest()))
    parser.on('close', () => {
      void files.then(() => {
        if (settled) return
        settled = true
        resolve(fields)
      })
    })
    source.on('error', fail)
    source.pipe(parser)
  })
}
