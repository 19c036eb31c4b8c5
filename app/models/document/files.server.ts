import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { config } from '~/config.server'
import { keptFileName, sniffFileType, SNIFF_TAIL_BYTES } from '~/utils/file-type.server'
import { maxUploadBytes } from '../presentation.server'

/** A document's file as stored: under a random name in UPLOADS_DIR/documents, its type sniffed from its bytes. */
export type StoredDocumentFile = { fileName: string; storedName: string; contentType: string; sizeBytes: number; sha256: string }
export type DocumentFileRefusal = 'fileEmpty' | 'fileTooBig' | 'fileType'

function documentsDir() {
  const dir = path.join(config.uploadsDir, 'documents')
  fs.mkdirSync(dir, { recursive: true })
  return dir
}

/** Stores the bytes of a document's file when they are of an allowed type and at most MAX_UPLOAD_MB. */
export function storeDocumentFile({
  fileName,
  bytes,
  maxBytes = maxUploadBytes(),
}: {
  /** The sender's name, kept (Polish letters too) with the sniffed type's extension. */
  fileName: string
  bytes: Buffer
  maxBytes?: number
}): { ok: true; file: StoredDocumentFile } | { ok: false; reason: DocumentFileRefusal } {
  if (bytes.length === 0) return { ok: false, reason: 'fileEmpty' }
  if (bytes.length > maxBytes) return { ok: false, reason: 'fileTooBig' }
  const type = sniffFileType(bytes, bytes.subarray(Math.max(0, bytes.length - SNIFF_TAIL_BYTES)), bytes.length)
  if (!type) return { ok: false, reason: 'fileType' }
  const storedName = `${crypto.randomBytes(16).toString('hex')}.${type.extension}`
  fs.writeFileSync(path.join(documentsDir(), storedName), bytes, { flag: 'wx', mode: 0o600 })
  return {
    ok: true,
    file: {
      fileName: keptFileName(fileName, type),
      storedName,
      contentType: type.contentType,
      sizeBytes: bytes.length,
      sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
    },
  }
}

export function documentFilePath(storedName: string): string {
  return path.join(config.uploadsDir, 'documents', path.basename(storedName))
}

/** Removes a stored file; one already gone is no error. */
export function removeDocumentFile(storedName: string): void {
  fs.rmSync(documentFilePath(storedName), { force: true })
}
