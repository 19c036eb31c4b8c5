import type { LoaderFunctionArgs } from '@remix-run/node'
import { requirePermission } from '~/auth/require.server'
import { buildTemplateXlsx } from '~/models/directory-import/template.server'
import { fileResponse } from '~/utils/content-disposition'

/** The import's template: the headers, an institution with two people, and sheets explaining the columns and the kinds. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'directory.edit')
  return fileResponse(await buildTemplateXlsx(), {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    disposition: 'attachment',
    fileName: 'Narada – wzór importu instytucji.xlsx',
  })
}
