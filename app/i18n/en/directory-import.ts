import type { directoryImport as pl } from '../pl/directory-import'

export const directoryImport: Record<keyof typeof pl, string> = {
  'directoryImport.link': 'Import from a file',
}
