import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { json } from '@remix-run/node'
import type { CycleForm } from '~/components/minutes-cycle'
import type { EditorValues, StaleInfo } from '~/components/minutes-editor'
import type { ReaderMinutes } from '~/components/minutes-reader'
import { getLang } from '~/i18n/lang.server'
import { mailOrigin } from '~/mail/mailer.server'
import type { Actor } from '~/models/audit.server'
import { sectionCommentCounts } from '~/models/document/comments.server'
import {
  approveMinutes,
  circulatedNotice,
  circulateMinutes,
  publishMinutes,
  reopenMinutes,
  type CycleResult,
} from '~/models/minutes-cycle.server'
import { getPublishedVersion, saveMinutes, type MinutesSnapshot, type MinutesView } from '~/models/minutes.server'
import {
  ApproveSchema,
  CirculateSchema,
  MinutesSchema,
  minutesInput,
  normaliseBody,
  PublishSchema,
  ReopenSchema,
  type MinutesFormValue,
} from '~/schemas/minutes'
import { redirectWithNotice } from './http.server'
import { draftKey } from './minutes-draft'

// The server side of /meetings/:meetingId/minutes: what its loader sends and its action does.

export type SaveReply = { form: 'save'; result?: SubmissionResult<string[]>; revision: number; values?: EditorValues; stale?: StaleInfo }
export type CycleReply = { form: CycleForm; result: SubmissionResult<string[]> }

/**
 * What a reader sees: the team's own people read the live minutes; anyone else only ever
 * the published version's frozen snapshot. Undefined when there is nothing they may read.
 */
export function readerMinutes(live: MinutesView, insider: boolean): ReaderMinutes | undefined {
  if (insider)
    return toReader(live.snapshot, {
      commentsDueAt: live.commentsDueAt,
      publishedAt: live.publishedAt,
      publishedBy: live.publishedByUserName,
    })
  const published = getPublishedVersion({ minutesId: live.id })
  if (!published) return undefined
  const publication = published.snapshot.publication
  return toReader(published.snapshot, {
    commentsDueAt: null,
    publishedAt: publication?.publishedAt ?? published.createdAt,
    publishedBy: publication?.publishedBy ?? null,
  })
}

function toReader(s: MinutesSnapshot, extra: Pick<ReaderMinutes, 'commentsDueAt' | 'publishedAt' | 'publishedBy'>): ReaderMinutes {
  return {
    bodyName: s.bodyName,
    meetingNumber: s.meetingNumber,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    topic: s.topic,
    place: s.place,
    participants: s.participants.map((p) => ({ organisation: p.organisation, name: p.name, role: p.role })),
    sections: s.sections.map((section) => ({ id: section.id, title: section.title, body: section.body })),
    actionItems: s.actionItems.map((a) => ({
      id: a.id,
      text: a.text,
      owner: a.owner,
      dueText: a.dueText,
      dueDate: a.dueDate,
      state: a.state,
    })),
    preparedBy: s.preparedBy,
    approvedBy: s.approvedBy,
    approvedOn: s.approvedOn,
    state: s.state,
    visibility: s.visibility,
    ...extra,
  }
}

/** How many comments each section has, by section id. */
export function minutesCommentCounts(minutesId: number): Record<string, number> {
  return sectionCommentCounts({ documentId: minutesId })
}

const EMPTY_PARTICIPANT_ROWS = 3
const emptyRows = () => ({ participants: Array.from({ length: EMPTY_PARTICIPANT_ROWS }, () => ({})), sections: [{}] })

/** The editor's fields filled with the saved minutes, plus empty rows to add people and a section. */
export function editorValues(s: MinutesSnapshot): EditorValues {
  const empty = emptyRows()
  return {
    topic: s.topic,
    place: s.place ?? '',
    preparedBy: s.preparedBy ?? '',
    participants: [
      ...s.participants.map((p) => ({ organisation: p.organisation ?? '', name: p.name, role: p.role ?? '' })),
      ...empty.participants,
    ],
    sections: [...s.sections.map((section) => ({ id: String(section.id), title: section.title, body: section.body })), ...empty.sections],
  }
}

/** The saved text as the browser's draft keeper reduces it (utils/minutes-draft.ts). */
export function savedDraftKey(s: MinutesSnapshot): string {
  return draftKey({
    topic: s.topic,
    place: s.place ?? '',
    preparedBy: s.preparedBy ?? '',
    participants: s.participants.map((p) => ({ organisation: p.organisation, name: p.name, role: p.role ?? '' })),
    sections: s.sections.map((section) => ({ title: section.title, body: section.body })),
  })
}

export function handleSave({ meetingId, formData, actor }: { meetingId: number; formData: FormData; actor: Actor }) {
  const submission = parseWithZod(formData, { schema: MinutesSchema })
  const submittedRevision = Number(formData.get('revision')) || 0
  if (submission.status !== 'success')
    return json<SaveReply>({ form: 'save', result: submission.reply(), revision: submittedRevision }, { status: 400 })
  const saved = saveMinutes({ meetingId, baseRevision: submission.value.revision, input: minutesInput(submission.value), actor })
  if (saved.ok) return redirectWithNotice(`/meetings/${meetingId}/minutes?edit`, 'minutes.saved')
  if (saved.reason === 'locked') {
    return json<SaveReply>(
      { form: 'save', result: submission.reply({ formErrors: ['minutes.error.locked'] }), revision: submittedRevision },
      { status: 409 },
    )
  }
  // Someone saved since this text was loaded: nothing is written, the writer gets their own
  // text back with what is saved now beside it, and the current revision to save the merge.
  const stale = staleInfo(submission.value, saved.current)
  return json<SaveReply>(
    { form: 'save', revision: saved.current.revision, values: mergeValues(submission.payload, saved.current.snapshot, stale.added), stale },
    { status: 409 },
  )
}

function staleInfo(mine: MinutesFormValue, current: MinutesView): StaleInfo {
  const saved = current.snapshot
  const header: StaleInfo['header'] = {}
  for (const name of ['topic', 'place', 'preparedBy'] as const) {
    if ((mine[name] ?? '').trim() !== (saved[name] ?? '').trim()) header[name] = saved[name] ?? ''
  }
  const line = (p: { organisation: string | null; name: string; role: string | null }) =>
    [p.organisation, p.name, p.role].filter(Boolean).join(' — ')
  const myParticipants = minutesInput(mine).participants.map(line)
  const savedParticipants = saved.participants.map(line)
  const sections: StaleInfo['sections'] = {}
  const mineIds = new Set<number>()
  for (const section of mine.sections) {
    if (!section.id) continue
    mineIds.add(section.id)
    const now = saved.sections.find((s) => s.id === section.id)
    if (!now) sections[section.id] = 'removed'
    else if (now.title.trim() !== (section.title ?? '').trim() || normaliseBody(now.body) !== normaliseBody(section.body ?? ''))
      sections[section.id] = { title: now.title, body: now.body }
  }
  return {
    savedBy: current.updatedByUserName,
    savedAt: current.updatedAt,
    header,
    participants: JSON.stringify(myParticipants) === JSON.stringify(savedParticipants) ? null : savedParticipants,
    sections,
    added: saved.sections.filter((s) => !mineIds.has(s.id)).map((s) => String(s.id)),
  }
}

type Row = Record<string, string | undefined>

/**
 * The writer's own fields as sent (empty rows dropped), then the sections added meanwhile by
 * someone else — left out, the next save would delete them — then fresh empty rows.
 */
function mergeValues(payload: Record<string, unknown>, saved: MinutesSnapshot, added: string[]): EditorValues {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined)
  const rows = (value: unknown): Row[] => (Array.isArray(value) ? value.filter((row): row is Row => !!row && typeof row === 'object') : [])
  const filled = (row: Row, names: string[]) => names.some((name) => text(row[name])?.trim())
  const empty = emptyRows()
  return {
    topic: text(payload.topic),
    place: text(payload.place),
    preparedBy: text(payload.preparedBy),
    participants: [...rows(payload.participants).filter((row) => filled(row, ['organisation', 'name', 'role'])), ...empty.participants],
    sections: [
      ...rows(payload.sections).filter((row) => filled(row, ['id', 'title', 'body'])),
      ...saved.sections.filter((s) => added.includes(String(s.id))).map((s) => ({ id: String(s.id), title: s.title, body: s.body })),
      ...empty.sections,
    ],
  }
}

type CycleIntent = CycleForm

/** circulate / approve / publish / reopen: validated, done by the cycle model, answered with a notice. */
export async function handleCycleAction({
  meetingId,
  intent,
  formData,
  actor,
  request,
}: {
  meetingId: number
  intent: CycleIntent
  formData: FormData
  actor: Actor
  request: Request
}) {
  const reply = (result: SubmissionResult<string[]>, status: number) => json<CycleReply>({ form: intent, result }, { status })
  let submission
  let done: CycleResult
  if (intent === 'circulate') {
    submission = parseWithZod(formData, { schema: CirculateSchema })
    if (submission.status !== 'success') return reply(submission.reply(), 400)
    const circulated = await circulateMinutes({
      meetingId,
      commentsDueAt: submission.value.commentsDueAt,
      baseRevision: submission.value.revision,
      actor,
      origin: mailOrigin(request),
    })
    if (circulated.ok) return redirectWithNotice(`/meetings/${meetingId}/minutes`, circulatedNotice(circulated, await getLang(request)))
    done = circulated
  } else if (intent === 'approve') {
    submission = parseWithZod(formData, { schema: ApproveSchema })
    if (submission.status !== 'success') return reply(submission.reply(), 400)
    done = approveMinutes({
      meetingId,
      approvedBy: submission.value.approvedBy,
      approvedOn: submission.value.approvedOn,
      baseRevision: submission.value.revision,
      actor,
    })
  } else if (intent === 'publish') {
    submission = parseWithZod(formData, { schema: PublishSchema })
    if (submission.status !== 'success') return reply(submission.reply(), 400)
    done = await publishMinutes({
      meetingId,
      visibility: submission.value.visibility,
      baseRevision: submission.value.revision,
      actor,
      origin: mailOrigin(request),
    })
  } else {
    submission = parseWithZod(formData, { schema: ReopenSchema })
    if (submission.status !== 'success') return reply(submission.reply(), 400)
    done = reopenMinutes({ meetingId, baseRevision: submission.value.revision, actor })
  }
  if (!done.ok) return reply(submission.reply({ formErrors: [done.error] }), done.error === 'minutes.error.stale' ? 409 : 400)
  return redirectWithNotice(`/meetings/${meetingId}/minutes`, `minutes.done.${intent}`)
}
