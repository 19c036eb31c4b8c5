import type { directoryImport as pl } from '../pl/directory-import'

export const directoryImport: Record<keyof typeof pl, string> = {
  'org.registryNumbers': 'Registry numbers',
  'org.regon': 'REGON',
  'org.regonHint': '9 or 14 digits, e.g. 276612344.',
  'org.nip': 'NIP (tax number)',
  'org.nipHint': '10 digits, e.g. 634-001-23-47.',
  'validation.regonLength': 'A REGON has 9 or 14 digits.',
  'validation.regonCheckDigit': 'The REGON check digit does not match: check the number for a typo.',
  'validation.nipLength': 'A NIP has 10 digits.',
  'validation.nipCheckDigit': 'The NIP check digit does not match: check the number for a typo.',
  'validation.regonTaken': 'Another institution in the directory already has this REGON.',

  'directoryImport.link': 'Import from a file',
}
