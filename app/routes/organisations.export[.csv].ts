import type { LoaderFunctionArgs } from '@remix-run/node'
import { requirePermission } from '~/auth/require.server'
import { translator } from '~/i18n/messages'
import { columnHeader, importColumns, type ImportColumn } from '~/models/directory-import/columns.server'
import { exportOrganisations } from '~/models/organisation.server'
import { readOrganisationFilter } from '~/schemas/directory'
import { fileResponse } from '~/utils/content-disposition'
import { csvFile } from '~/utils/csv'

/** Columns the export leaves out: the voivodeship follows from the TERYT code, people are not exported. */
const leftOut: ImportColumn[] = ['voivodeship', 'personName', 'personPosition', 'personEmail', 'personPhone']
/** The import's columns an institution fills, in the template's order: an exported file imports back. */
const exportedColumns = importColumns.filter((column) => !leftOut.includes(column))

/** Every institution the directory's filter shows (`?kind=…&county=…&q=…`), not only one page, as CSV. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'directory.read')
  const filter = readOrganisationFilter(new URL(request.url).searchParams)
  const t = translator('pl')
  const rows = exportOrganisations({ filter }).map((org) => {
    const cells: Partial<Record<ImportColumn, string | null>> = {
      ...org,
      kind: t(`kind.${org.kind}`),
      teryt: org.municipalityCode,
    }
    return exportedColumns.map((column) => cells[column])
  })
  return fileResponse(csvFile(exportedColumns.map(columnHeader), rows), {
    contentType: 'text/csv; charset=utf-8',
    disposition: 'attachment',
    fileName: `instytucje-${new Date().toISOString().slice(0, 10)}.csv`,
  })
}
