import type { LoaderFunctionArgs } from '@remix-run/node'
import { requirePermission } from '~/auth/require.server'
import { buildTemplateCsv } from '~/models/directory-import/template.server'
import { fileResponse } from '~/utils/content-disposition'

/** The import's template as CSV (semicolons, UTF-8 with a BOM), as Polish Excel opens it. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'directory.edit')
  return fileResponse(buildTemplateCsv(), {
    contentType: 'text/csv; charset=utf-8',
    disposition: 'attachment',
    fileName: 'Narada – wzór importu instytucji.csv',
  })
}
