export type StoredDocumentFile = { storedName: string; contentType: string; sizeBytes: number; sha256: string }
export type DocumentFileRefusal = 'fileEmpty' | 'fileTooBig' | 'fileType'

export function storeDocumentFile(_: {
  bytes: Buffer
  maxBytes?: number
}): { ok: true; file: StoredDocumentFile } | { ok: false; reason: DocumentFileRefusal } {
  throw new Error('not implemented')
}

export function documentFilePath(_storedName: string): string {
  throw new Error('not implemented')
}

export function removeDocumentFile(_storedName: string): void {
  throw new Error('not implemented')
}
