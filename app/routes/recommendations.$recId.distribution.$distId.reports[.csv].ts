import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireDistribution } from '~/auth/access.server'
import { distributionExport } from '~/utils/distribution-export.server'

/** The distribution's reports as a .csv file, for its officers. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { distribution } = await requireDistribution(request, params)
  return distributionExport(distribution.id, 'reports', 'csv')
}
