import { translator } from '~/i18n/messages'
import type { MinutesActionItem, MinutesSnapshot } from '~/models/minutes.server'
import { formatDate, formatDay, formatDayRange, formatDue } from '~/utils/format'
import { parseMarkup, type Block } from '~/utils/markup'
import { warsawDay } from '~/utils/time'
import type { PdfMeta } from '../document.server'
import { verificationViewOf, type VerificationView } from '../layout/verification'

// The minutes are a Polish document whatever the language of the interface.
const t = translator('pl')

export interface MinutesHeaderView {
  /** „Notatka ze spotkania nr 3” */
  documentKind: string
  bodyName: string
  /** „w dniu 16.06.2009 r.” or „w dniach 14.05.2012 r. – 15.05.2012 r.” */
  dateLine: string
  /** „PROJEKT — …” in words too, for text readers, on minutes not yet approved. */
  draftNote: string | null
  place: string | null
  topic: string
}

export interface ParticipantGroupView {
  /** The institution, or „Pozostali uczestnicy” for people without one. */
  organisation: string
  /** „Anna Łęcka, Kierownik Działu Pomocy Środowiskowej” */
  people: string[]
}

export interface SectionView {
  title: string
  blocks: Block[]
}

export interface ActionItemRowView {
  number: string
  text: string
  owner: string
  due: string
  state: string
}

export interface MinutesPdfView {
  meta: PdfMeta
  watermark: string | null
  fundingNotice: string | null
  header: MinutesHeaderView
  participants: ParticipantGroupView[]
  sections: SectionView[]
  /** The decisions (ustalenia) and the table of action items under them. */
  decisions: { title: string; blocks: Block[]; actionItems: ActionItemRowView[] }
  signatures: { preparedBy: string | null; approvedBy: string | null }
  verification: VerificationView | null
  fileName: string
}

/** „notatka-ze-spotkania-nr-3.pdf” */
export const minutesFileName = (meetingNumber: number) => t('verify.pdf.fileName', { number: meetingNumber })

/** „w dniu 16.06.2009 r.”, or „w dniach 14–15 maja 2012 r.” for a meeting that spans several. */
export function minutesDateLine(startsAt: string, endsAt: string): string {
  return warsawDay(startsAt) === warsawDay(endsAt)
    ? t('verify.pdf.onDay', { date: formatDate(startsAt) })
    : t('verify.pdf.onDays', { days: formatDayRange(startsAt, endsAt) })
}

/** The meeting's day(s) without the preposition: „16.06.2009 r.”, „14–15 maja 2012 r.”. */
export function minutesDates(startsAt: string, endsAt: string): string {
  return warsawDay(startsAt) === warsawDay(endsAt) ? formatDate(startsAt) : formatDayRange(startsAt, endsAt)
}

/** Participants by institution, in the order the minutes list them. */
function participantGroups(participants: MinutesSnapshot['participants']): ParticipantGroupView[] {
  const groups = new Map<string | null, string[]>()
  for (const p of participants) {
    const key = p.organisation?.trim() || null
    const line = [p.name.trim(), p.role?.trim()].filter(Boolean).join(', ')
    groups.set(key, [...(groups.get(key) ?? []), line])
  }
  // People without an institution come last, whatever their place in the list.
  return [...groups]
    .sort(([a], [b]) => Number(a === null) - Number(b === null))
    .map(([organisation, people]) => ({ organisation: organisation ?? t('verify.pdf.noInstitution'), people }))
}

function actionItemRow(item: MinutesActionItem, index: number): ActionItemRowView {
  const state = t(`actionItems.state.${item.state}`)
  return {
    number: `${index + 1}.`,
    text: item.text,
    owner: item.owner ?? '',
    due: formatDue(item) ?? '',
    state: item.stateNote?.trim() ? `${state} (${item.stateNote.trim()})` : state,
  }
}

const sectionView = (section: MinutesSnapshot['sections'][number]): SectionView => ({
  title: section.title.trim(),
  blocks: parseMarkup(section.body),
})

/**
 * Everything the minutes PDF prints, formatted, from the snapshot alone: a published
 * version's snapshot always gives the same view, and so the same bytes.
 */
export function buildMinutesView(snapshot: MinutesSnapshot): MinutesPdfView {
  const final = snapshot.state === 'approved' || snapshot.state === 'published'
  const dates = minutesDates(snapshot.startsAt, snapshot.endsAt)
  const publication = snapshot.publication ?? null
  const createdAt = new Date(publication?.publishedAt ?? snapshot.updatedAt ?? snapshot.startsAt)
  const sections = snapshot.sections
    .filter((s) => s.kind !== 'decisions')
    .map(sectionView)
    .filter((s) => s.blocks.length > 0)
  const decisionSections = snapshot.sections.filter((s) => s.kind === 'decisions').map(sectionView)
  const approvedBy = snapshot.approvedBy?.trim() || null
  return {
    meta: {
      title: t('verify.pdf.documentTitle', { body: snapshot.bodyName, date: dates }),
      author: snapshot.bodyName,
      subject: t('verify.pdf.subject', { number: snapshot.meetingNumber, topic: snapshot.topic }),
      keywords: [t('verify.pdf.documentKind', { number: snapshot.meetingNumber }), snapshot.bodyName],
      createdAt,
    },
    watermark: final ? null : t('verify.pdf.watermark'),
    fundingNotice: snapshot.fundingNotice?.trim() || null,
    header: {
      documentKind: t('verify.pdf.documentKind', { number: snapshot.meetingNumber }),
      bodyName: snapshot.bodyName,
      dateLine: minutesDateLine(snapshot.startsAt, snapshot.endsAt),
      draftNote: final ? null : t('verify.pdf.draftNote'),
      place: snapshot.place?.trim() || null,
      topic: snapshot.topic.trim(),
    },
    participants: participantGroups(snapshot.participants),
    sections,
    decisions: {
      title: decisionSections.find((s) => s.title)?.title || t('verify.pdf.decisions'),
      blocks: decisionSections.flatMap((s) => s.blocks),
      actionItems: snapshot.actionItems.map(actionItemRow),
    },
    signatures: {
      preparedBy: snapshot.preparedBy?.trim() || null,
      approvedBy: approvedBy && snapshot.approvedOn ? `${approvedBy}, ${formatDay(snapshot.approvedOn)}` : approvedBy,
    },
    verification: publication ? verificationViewOf(publication) : null,
    fileName: minutesFileName(snapshot.meetingNumber),
  }
}
