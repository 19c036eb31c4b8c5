import { translator } from '~/i18n/messages'
import { countKey } from '~/i18n/plural'
import type { PdfMeta } from '../document.server'
import { DETAILS_LABEL_WIDTH } from '../meeting-details'
import {
  drawKeyValues,
  drawParagraph,
  drawSectionHeading,
  drawTable,
  drawTitleBlock,
  tableLeadHeight,
  type Doc,
  type KeyValueRow,
  type TableData,
} from '../layout'

const t = translator('pl')

export interface AgendaItemView {
  /** „09:00–10:30” */
  time: string
  title: string
  /** „Prezentacja”, „Warsztat”… */
  kind: string
  description: string | null
  /** A parallel track („Sala A”), for workshops that run at the same time. */
  track: string | null
  /** „Anna Nowak (MOPS Bolesławiec)”, by speakerLine */
  speakers: string[]
  moderator: string | null
}

export interface AgendaDay {
  /** „Dzień 1 — 14 maja 2012 r.”, or only the date for a one-day meeting. */
  heading: string
  items: AgendaItemView[]
}

export interface AgendaView {
  meta: PdfMeta
  fundingNotice: string | null
  bodyName: string
  subtitle: string
  dateLine: string
  details: KeyValueRow[]
  cancelled: string | null
  days: AgendaDay[]
  fileName: string
}

function programmeCell(item: AgendaItemView) {
  return [item.title, item.track ? `${item.kind} · ${t('calendar.pdf.track', { track: item.track })}` : item.kind, item.description]
    .filter(Boolean)
    .join('\n')
}

function peopleCell(item: AgendaItemView) {
  return [
    ...(item.speakers.length ? [t(countKey('pl', 'agenda.speakers', item.speakers.length)), ...item.speakers] : []),
    ...(item.moderator ? [`${t('agenda.moderatorIs')} ${item.moderator}`] : []),
  ].join('\n')
}

/** „Program spotkania”: the title block, when and where, and a table of the agenda per day. */
export function drawAgenda(doc: Doc, view: AgendaView) {
  drawTitleBlock(doc, {
    documentKind: t('calendar.pdf.agendaTitle'),
    bodyName: view.bodyName,
    subtitle: view.subtitle,
    dateLine: view.dateLine,
  })
  drawKeyValues(doc, view.details, { labelWidth: DETAILS_LABEL_WIDTH })
  if (view.cancelled) drawParagraph(doc, [{ text: view.cancelled, bold: true }])
  if (view.days.length === 0) {
    drawParagraph(doc, t('calendar.pdf.noAgenda'))
    return
  }
  for (const day of view.days) {
    const table: TableData = {
      columns: [
        { header: t('calendar.pdf.time'), width: 2 },
        { header: t('calendar.pdf.item'), width: 7 },
        { header: t('calendar.pdf.people'), width: 5 },
      ],
      rows: day.items.map((item) => [item.time, programmeCell(item), peopleCell(item)]),
    }
    // A day's heading never sits alone at the foot of a page: its table's header and first row come with it.
    drawSectionHeading(doc, day.heading, { keepWith: tableLeadHeight(doc, table) })
    drawTable(doc, table)
  }
}
