import { z } from 'zod'
import { agendaItemKinds } from '#db/schema/enums'
import { idField, optionalLine, optionalText, requiredLine } from './fields'

/** A wall-clock time in Warsaw, as a `time` input sends it: '09:30'. */
const optionalTime = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'agenda.validation.time')
  .optional()

/**
 * The speakers of an item: one or more <select name="speakerIds">, some left empty. Any
 * number of them arrives as one value or a list; the empty ones are dropped, repeats too.
 */
const speakerIds = z.preprocess(
  (value) => {
    const list = value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]
    return [...new Set(list.filter((v) => v !== undefined && v !== null && String(v).trim() !== '').map((v) => String(v).trim()))]
  },
  z.array(idField('agenda.validation.unknownPerson')).max(30, 'agenda.validation.tooManySpeakers'),
)

const baseAgendaItem = z.object({
  day: z.string({ error: 'agenda.validation.day' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'agenda.validation.day'),
  startTime: optionalTime,
  endTime: optionalTime,
  kind: z.enum(agendaItemKinds, { error: 'agenda.validation.kind' }),
  title: requiredLine(500),
  description: optionalText(5000),
  speakerIds,
  moderatorPersonId: idField('agenda.validation.unknownPerson').optional(),
  track: optionalLine(100),
})

/**
 * One agenda item. `days` are the meeting's Warsaw days (YYYY-MM-DD): given, the item must
 * fall on one of them. The browser and the server build it with the same days.
 */
export function agendaItemSchema(days?: readonly string[]) {
  return baseAgendaItem.superRefine((value, ctx) => {
    if (days && !days.includes(value.day)) ctx.addIssue({ code: 'custom', path: ['day'], message: 'agenda.validation.dayOutside' })
    if (value.endTime && !value.startTime) ctx.addIssue({ code: 'custom', path: ['startTime'], message: 'agenda.validation.startMissing' })
    if (value.startTime && value.endTime && value.endTime <= value.startTime) {
      ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'validation.endBeforeStart' })
    }
  })
}
export type AgendaItemInput = z.infer<typeof baseAgendaItem>

export const MoveAgendaItemSchema = z.object({
  itemId: z.coerce.number().int().positive(),
  direction: z.enum(['up', 'down']),
})

/** Items (ordered by day, then position) gathered under each of the meeting's days. */
export function groupAgendaByDay<T extends { day: string }>(items: readonly T[], days: readonly string[]) {
  const known = days.map((day) => ({ day, items: items.filter((item) => item.day === day) }))
  // An item left on a day the meeting no longer has is still shown, after the rest.
  const stray = [...new Set(items.map((item) => item.day).filter((day) => !days.includes(day)))].sort()
  return [...known, ...stray.map((day) => ({ day, items: items.filter((item) => item.day === day) }))]
}

/**
 * Consecutive items of one day that run at the same time on different tracks („Sala A”,
 * „Sala B”) form one block of parallel sessions; every other item is a block of its own.
 */
export function groupParallelTracks<T extends { startTime: string | null; track: string | null }>(items: readonly T[]): T[][] {
  const blocks: T[][] = []
  for (const item of items) {
    const last = blocks.at(-1)
    const head = last?.[0]
    if (
      last &&
      head &&
      item.track &&
      head.track &&
      item.startTime &&
      item.startTime === head.startTime &&
      !last.some((other) => other.track === item.track)
    ) {
      last.push(item)
    } else {
      blocks.push([item])
    }
  }
  return blocks
}
