import { organisationKinds, type OrganisationKind } from '#db/schema/enums'
import { en } from '~/i18n/en'
import { pl } from '~/i18n/pl'
import { foldText } from '~/utils/text'

/** The columns an import file may have, in the template's order. */
export const importColumns = [
  'name',
  'shortName',
  'kind',
  'teryt',
  'municipality',
  'county',
  'voivodeship',
  'street',
  'postalCode',
  'city',
  'email',
  'phone',
  'website',
  'regon',
  'nip',
  'personName',
  'personPosition',
  'personEmail',
  'personPhone',
] as const
export type ImportColumn = (typeof importColumns)[number]

/** The template's header of each column: the first of its names. */
export const columnHeaders: Record<ImportColumn, string[]> = {
  name: ['Nazwa', 'Nazwa instytucji', 'Pełna nazwa', 'Name'],
  shortName: ['Nazwa skrócona', 'Skrót', 'Nazwa skrocona', 'Short name'],
  kind: ['Rodzaj', 'Rodzaj instytucji', 'Typ', 'Kind', 'Type'],
  teryt: ['Kod TERYT', 'TERYT', 'Kod TERYT gminy', 'Kod gminy', 'TERYT code', 'Municipality code'],
  municipality: ['Gmina', 'Municipality'],
  county: ['Powiat', 'County'],
  voivodeship: ['Województwo', 'Voivodeship'],
  street: ['Ulica', 'Ulica i numer', 'Adres', 'Street', 'Address'],
  postalCode: ['Kod pocztowy', 'Postal code'],
  city: ['Miejscowość', 'Miasto', 'Poczta', 'City', 'Town'],
  email: ['E-mail', 'Email', 'Adres e-mail', 'E-mail instytucji'],
  phone: ['Telefon', 'Tel.', 'Nr telefonu', 'Telefon instytucji', 'Phone'],
  website: ['Strona WWW', 'Strona internetowa', 'WWW', 'Website'],
  regon: ['REGON'],
  nip: ['NIP'],
  personName: ['Imię i nazwisko', 'Osoba', 'Przedstawiciel', 'Osoba do kontaktu', 'Person', 'Person name'],
  personPosition: ['Stanowisko', 'Funkcja', 'Position'],
  personEmail: ['E-mail osoby', 'Email osoby', 'Person e-mail', 'Person email'],
  personPhone: ['Telefon osoby', 'Person phone'],
}

/** The header the template and the export write for a column. */
export const columnHeader = (column: ImportColumn) => columnHeaders[column][0]!

/** A header or a value as the import compares it: folded, without punctuation. */
export function foldKey(value: string): string {
  return foldText(value.replace(/[.\-_:()/]/g, ' '))
}

const columnByHeader = new Map(importColumns.flatMap((column) => columnHeaders[column].map((header) => [foldKey(header), column] as const)))

/** The column a header names, whatever its case and accents („NAZWA SKROCONA”), or null. */
export function columnOf(header: string): ImportColumn | null {
  return columnByHeader.get(foldKey(header)) ?? null
}

/** The abbreviations and names the sector uses for its kinds of institution, beside the dictionaries' labels. */
const kindAliases: Record<OrganisationKind, string[]> = {
  ops: [
    'MOPS',
    'GOPS',
    'OPS',
    'MGOPS',
    'MOPR',
    'MGOPR',
    'ośrodek pomocy społecznej',
    'miejski ośrodek pomocy społecznej',
    'gminny ośrodek pomocy społecznej',
    'miejsko-gminny ośrodek pomocy społecznej',
    'miejski ośrodek pomocy rodzinie',
    'centrum usług społecznych',
    'CUS',
  ],
  pcpr: ['PCPR', 'powiatowe centrum pomocy rodzinie'],
  pup: ['PUP', 'MUP', 'powiatowy urząd pracy', 'miejski urząd pracy', 'urząd pracy'],
  wup: ['WUP', 'wojewódzki urząd pracy'],
  rops: ['ROPS', 'regionalny ośrodek polityki społecznej', 'regionalne centrum polityki społecznej'],
  city_hall: [
    'UG',
    'UM',
    'UMiG',
    'urząd gminy',
    'urząd miasta',
    'urząd miejski',
    'urząd miasta i gminy',
    'urząd miejsko-gminny',
    'gmina',
    'miasto',
  ],
  ohp: ['OHP', 'Ochotnicze Hufce Pracy', 'hufiec pracy'],
  ngo: ['NGO', 'organizacja pozarządowa', 'fundacja', 'stowarzyszenie'],
  cis: ['CIS', 'KIS', 'centrum integracji społecznej', 'klub integracji społecznej'],
  school: ['szkoła', 'uczelnia', 'uniwersytet', 'szkoła wyższa'],
  other: ['inna', 'inne', 'inny'],
}

const kindByName = new Map<string, OrganisationKind>(
  organisationKinds.flatMap((kind) =>
    [kind, pl[`kind.${kind}`], en[`kind.${kind}`], ...kindAliases[kind]].map((name) => [foldKey(name), kind] as const),
  ),
)

/** The kind a cell names: its code (`ops`), its label, or a usual abbreviation („MOPS”, „urząd gminy”). */
export function kindOf(value: string): OrganisationKind | null {
  return kindByName.get(foldKey(value)) ?? null
}
