import type { LoaderFunctionArgs } from '@remix-run/node'
import { requirePermission } from '~/auth/require.server'
import { translator } from '~/i18n/messages'
import { exportOrganisations } from '~/models/organisation.server'
import { readOrganisationFilter } from '~/schemas/directory'
import { fileResponse } from '~/utils/content-disposition'
import { csvFile } from '~/utils/csv'

/** The columns of the directory's import template, in its order: an exported file imports back. */
const HEADER = [
  'Nazwa',
  'Nazwa skrócona',
  'Rodzaj',
  'Kod TERYT',
  'Gmina',
  'Powiat',
  'Ulica',
  'Kod pocztowy',
  'Miejscowość',
  'E-mail',
  'Telefon',
  'Strona WWW',
  'REGON',
  'NIP',
]

/** Every institution the directory's filter shows (`?kind=…&county=…&q=…`), not only one page, as CSV. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'directory.read')
  const filter = readOrganisationFilter(new URL(request.url).searchParams)
  const t = translator('pl')
  const rows = exportOrganisations({ filter }).map((org) => [
    org.name,
    org.shortName,
    t(`kind.${org.kind}`),
    org.municipalityCode,
    org.municipality,
    org.county,
    org.street,
    org.postalCode,
    org.city,
    org.email,
    org.phone,
    org.website,
    org.regon,
    org.nip,
  ])
  return fileResponse(csvFile(HEADER, rows), {
    contentType: 'text/csv; charset=utf-8',
    disposition: 'attachment',
    fileName: `instytucje-${new Date().toISOString().slice(0, 10)}.csv`,
  })
}
