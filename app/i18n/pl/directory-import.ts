/** Polish texts of the directory import (/organisations/import) and of REGON and NIP. Every key here must exist in ../en/directory-import.ts too. */
export const directoryImport = {
  'org.registryNumbers': 'Numery w rejestrach',
  'org.regon': 'REGON',
  'org.regonHint': '9 lub 14 cyfr, np. 276612344.',
  'org.nip': 'NIP',
  'org.nipHint': '10 cyfr, np. 634-001-23-47.',
  'validation.regonLength': 'REGON ma 9 albo 14 cyfr.',
  'validation.regonCheckDigit': 'Cyfra kontrolna REGON się nie zgadza: sprawdź, czy numer jest przepisany bez pomyłki.',
  'validation.nipLength': 'NIP ma 10 cyfr.',
  'validation.nipCheckDigit': 'Cyfra kontrolna NIP się nie zgadza: sprawdź, czy numer jest przepisany bez pomyłki.',
  'validation.regonTaken': 'Ten REGON ma już inna instytucja w katalogu.',

  'directoryImport.link': 'Importuj z pliku',
} as const
