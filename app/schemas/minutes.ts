import { z } from 'zod'
import { minutesVisibilities } from '#db/schema/enums'
import { fromWarsawLocal } from '~/utils/time'
import { hasNoLineBreak, isoDay, optionalLine, optionalText } from './fields'

export const MINUTES_LIMITS = { participants: 300, sections: 80, body: 30_000 } as const

const revision = z.number({ error: 'minutes.error.revision' }).int().positive()
const checkbox = z.boolean().optional()

const ParticipantRow = z.object({
  organisation: optionalLine(300),
  name: optionalLine(200),
  role: optionalLine(300),
  remove: checkbox,
})

const SectionRow = z.object({
  id: z.number().int().positive().optional(),
  title: optionalLine(300),
  body: optionalText(MINUTES_LIMITS.body),
  remove: checkbox,
})

/**
 * The editor's one form: header, participants as rows (three empty ones to add), sections
 * (one empty pair to add). Empty new rows are ignored; a row marked „usuń” goes.
 */
export const MinutesSchema = z
  .object({
    revision,
    topic: z
      .string({ error: 'minutes.error.topic' })
      .trim()
      .min(1, 'minutes.error.topic')
      .max(500, 'validation.tooLong')
      .refine(hasNoLineBreak, 'validation.singleLine'),
    place: optionalLine(500),
    preparedBy: optionalLine(300),
    participants: z.array(ParticipantRow).max(MINUTES_LIMITS.participants, 'minutes.error.tooManyRows').default([]),
    sections: z.array(SectionRow).max(MINUTES_LIMITS.sections, 'minutes.error.tooManyRows').default([]),
  })
  .superRefine((value, ctx) => {
    value.participants.forEach((p, i) => {
      if (!p.remove && !p.name && (p.organisation || p.role))
        ctx.addIssue({ code: 'custom', path: ['participants', i, 'name'], message: 'minutes.error.participantName' })
    })
    value.sections.forEach((s, i) => {
      if (!s.remove && !s.title && (s.body || s.id))
        ctx.addIssue({ code: 'custom', path: ['sections', i, 'title'], message: 'minutes.error.sectionTitle' })
    })
  })
export type MinutesFormValue = z.infer<typeof MinutesSchema>

type Participant = { organisation: string | null; name: string; role: string | null }

/**
 * Participants gathered by institution in the order each institution first appears, so a
 * person added at the bottom joins their colleagues; people keep their order within it.
 */
export function groupParticipants<T extends { organisation: string | null }>(rows: readonly T[]): T[] {
  const order: (string | null)[] = []
  for (const row of rows) if (!order.includes(row.organisation)) order.push(row.organisation)
  return order.flatMap((organisation) => rows.filter((row) => row.organisation === organisation))
}

/** What the editor's form says, as the model saves it. */
export function minutesInput(value: MinutesFormValue) {
  const participants: Participant[] = value.participants
    .filter((p) => !p.remove && p.name)
    .map((p) => ({ organisation: p.organisation ?? null, name: p.name!, role: p.role ?? null }))
  return {
    topic: value.topic,
    place: value.place ?? null,
    preparedBy: value.preparedBy ?? null,
    participants: groupParticipants(participants),
    sections: value.sections
      .filter((s) => !s.remove && (s.title || s.body || s.id))
      .map((s) => ({ id: s.id ?? null, title: s.title ?? '', body: normaliseBody(s.body ?? '') })),
  }
}

/** Line ends as the browser may send them (CRLF) are stored and compared as LF. */
export function normaliseBody(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim()
}

export const CirculateSchema = z.object({
  revision,
  commentsDueAt: z
    .string({ error: 'validation.dateTime' })
    .transform((value, ctx) => fromWarsawLocal(value) ?? (ctx.addIssue({ code: 'custom', message: 'validation.dateTime' }), z.NEVER)),
})

export const ApproveSchema = z.object({
  revision,
  approvedBy: z
    .string({ error: 'minutes.error.approvedBy' })
    .trim()
    .min(1, 'minutes.error.approvedBy')
    .max(300, 'validation.tooLong')
    .refine(hasNoLineBreak, 'validation.singleLine'),
  approvedOn: isoDay,
})

export const PublishSchema = z.object({
  revision,
  visibility: z.enum(minutesVisibilities, { error: 'minutes.error.visibility' }),
})

export const ReopenSchema = z.object({ revision })
