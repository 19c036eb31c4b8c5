/** Polish texts of the directory's filter and export. Every key here must exist in ../en/directory.ts too. */
export const directory = {
  'directory.kinds': 'Rodzaje instytucji',
  'directory.counties': 'Powiaty',
  'directory.municipalities': 'Gminy',
  'directory.placesHint': 'Instytucje z dowolnego z wybranych powiatów lub gmin.',
  'directory.activeFilter': 'Filtr: {filter}',
  'directory.chosen': 'Wybrane w filtrze',
  'directory.removeChoice': 'Usuń z filtra',
  'directory.nameContains': 'nazwa zawiera „{q}”',
  'directory.archivedOnly': 'zarchiwizowane',
  'directory.export': 'Eksportuj do CSV',
  'directory.exportHint': 'Plik zawiera wszystkie instytucje z tego filtra, nie tylko tę stronę.',
} as const
