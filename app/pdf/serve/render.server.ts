import { renderAgendaPdf } from '../agenda/build.server'
import type { AgendaView } from '../agenda/layout'
import { renderAttendancePdf } from '../attendance/build.server'
import type { AttendanceView } from '../attendance/layout'

/** A meeting document to render: plain data, so it crosses to a worker thread as it is. */
export type PdfJob = { kind: 'agenda'; view: AgendaView } | { kind: 'attendance'; view: AttendanceView }

export function renderPdfJob(job: PdfJob): Promise<Buffer> {
  return job.kind === 'agenda' ? renderAgendaPdf(job.view) : renderAttendancePdf(job.view)
}
