/** Polish texts of the directory import (/organisations/import). Every key here must exist in ../en/directory-import.ts too. */
export const directoryImport = {
  'directoryImport.link': 'Importuj z pliku',
} as const
