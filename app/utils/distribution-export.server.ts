import { translator } from '~/i18n/messages'
import { exportRecipients, exportReports } from '~/models/distribution-dashboard.server'
import { fileResponse } from './content-disposition'
import { csvFile } from './csv'
import { formatDateTime } from './format'
import { xlsxFile } from './xlsx-export.server'

const t = translator('pl')
const when = (at: string | null | undefined) => (at ? formatDateTime(at, 'pl') : '')

/** Every recipient of a distribution with what it recorded, in Polish, as the exports write it. */
function recipientTable(distributionId: number) {
  const header = [
    'name',
    'kind',
    'county',
    'municipality',
    'address',
    'email',
    'state',
    'sendError',
    'sentAt',
    'openedAt',
    'openedBy',
    'confirmedAt',
    'confirmedBy',
    'confirmedPosition',
    'reminders',
    'lastReport',
    'lastReportAt',
  ].map((key) => t(`distributionDashboard.export.${key}` as Parameters<typeof t>[0]))
  const rows = exportRecipients({ distributionId }).map((r) => [
    r.name,
    t(`kind.${r.kind}`),
    r.countyCode,
    r.municipalityCode,
    [r.street, [r.postalCode, r.city].filter(Boolean).join(' ')].filter(Boolean).join(', '),
    r.email ?? '',
    t(`distribution.recipientState.${r.state}`),
    r.sendError === 'noEmail' ? t('distributionDashboard.noEmail') : (r.sendError ?? ''),
    when(r.sentAt),
    when(r.firstOpenedAt),
    r.firstOpenedBy ?? '',
    when(r.confirmedAt),
    r.confirmedByName ?? '',
    r.confirmedByPosition ?? '',
    String(r.remindersSent),
    r.lastReportStatus ? t(`distribution.status.${r.lastReportStatus}`) : '',
    when(r.lastReportAt),
  ])
  return { header, rows }
}

/** Every report filed in a distribution, oldest first for each recipient. */
function reportTable(distributionId: number) {
  const header = ['name', 'kind', 'county', 'filedAt', 'status', 'text', 'filedBy', 'confirmedPosition', 'file'].map((key) =>
    t(`distributionDashboard.export.${key}` as Parameters<typeof t>[0]),
  )
  const rows = exportReports({ distributionId }).map((r) => [
    r.recipient,
    t(`kind.${r.kind}`),
    r.countyCode,
    when(r.filedAt),
    t(`distribution.status.${r.status}`),
    r.text,
    r.filedByName,
    r.filedByPosition ?? '',
    r.fileName ?? '',
  ])
  return { header, rows }
}

export type ExportKind = 'recipients' | 'reports'

/** A distribution's export as a file: CSV for Polish Excel, or XLSX. */
export async function distributionExport(distributionId: number, kind: ExportKind, format: 'csv' | 'xlsx'): Promise<Response> {
  const { header, rows } = kind === 'recipients' ? recipientTable(distributionId) : reportTable(distributionId)
  const fileName = `dystrybucja-${distributionId}-${kind === 'recipients' ? 'odbiorcy' : 'wdrazanie'}.${format}`
  if (format === 'csv')
    return fileResponse(csvFile(header, rows), { contentType: 'text/csv; charset=utf-8', disposition: 'attachment', fileName })
  const sheet = t(kind === 'recipients' ? 'distributionDashboard.export.recipientsSheet' : 'distributionDashboard.export.reportsSheet')
  return fileResponse(await xlsxFile(sheet, header, rows), {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    disposition: 'attachment',
    fileName,
  })
}
