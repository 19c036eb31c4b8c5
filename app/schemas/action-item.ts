import { z } from 'zod'
import { actionItemStates } from '#db/schema/enums'
import { parseDuePeriod } from '~/utils/due-period'
import { idField, isCalendarDay, optionalLine, optionalText, requiredText } from './fields'

/** One owner as a picker sends it: an institution („organisation:12”) or a person („person:34”). */
export type OwnerRef = { kind: 'organisation' | 'person'; id: number }

export function parseOwner(value: string | undefined | null): OwnerRef | null {
  const match = /^(organisation|person):(\d+)$/.exec(value ?? '')
  return match ? { kind: match[1] as OwnerRef['kind'], id: Number(match[2]) } : null
}

export function ownerValue(owner: { organisationId: number | null; personId: number | null }): string {
  return owner.personId ? `person:${owner.personId}` : `organisation:${owner.organisationId}`
}

/** One owner's value written one way („person:07” is „person:7”), so that a repeat shows as one. */
function normalOwnerValue(value: string): string {
  const owner = parseOwner(value)
  if (!owner || owner.id < 1) return value
  return ownerValue(owner.kind === 'person' ? { organisationId: null, personId: owner.id } : { organisationId: owner.id, personId: null })
}

/**
 * The owners in the order chosen: one value or a list, the empty ones and repeats dropped.
 * „MOPS i PUP” are two owners; more than a handful is no longer one task's owners.
 */
const owners = z.preprocess(
  (value) => {
    const list = value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]
    return [
      ...new Set(
        list
          .map((v) => String(v ?? '').trim())
          .filter(Boolean)
          .map(normalOwnerValue),
      ),
    ]
  },
  z.array(z.string().regex(/^(organisation|person):\d+$/, 'actionItems.error.owner')).max(20, 'actionItems.error.tooManyOwners'),
)

const baseActionItem = z.object({
  text: requiredText(2000),
  owners,
  dueText: optionalLine(200),
  dueDate: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'actionItems.error.dueDate')
    .refine(isCalendarDay, 'actionItems.error.dueDate')
    .optional(),
})
/** What the model takes: owners may be left out, as none. */
export type ActionItemInput = Omit<z.infer<typeof baseActionItem>, 'owners'> & { owners?: string[] }

/**
 * One action item. A due is optional, but words alone must name a day to sort by
 * („III kwartał 2017 r.”); `currentYear` (the meeting's) reads „br.”. The browser and the
 * server build it with the same year.
 */
export function actionItemSchema({ currentYear }: { currentYear?: number } = {}) {
  return baseActionItem.superRefine((value, ctx) => {
    if (value.dueText && !value.dueDate && parseDuePeriod(value.dueText, { currentYear }) === null) {
      ctx.addIssue({ code: 'custom', path: ['dueText'], message: 'actionItems.error.duePeriod' })
    }
  })
}

export const ActionItemStateSchema = z
  .object({
    itemId: idField('actionItems.error.notFound'),
    state: z.enum(actionItemStates, { error: 'actionItems.error.state' }),
    note: optionalText(1000),
  })
  .superRefine((value, ctx) => {
    if (value.state === 'dropped' && !value.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'actionItems.error.noteRequired' })
  })

export const MoveActionItemSchema = z.object({
  itemId: z.coerce.number().int().positive(),
  direction: z.enum(['up', 'down']),
})

/** What the team's list shows: open items unless asked for others. */
export const actionItemFilters = ['open', 'done', 'dropped', 'all'] as const
export type ActionItemFilter = (typeof actionItemFilters)[number]

export function parseActionItemFilter(value: string | null): ActionItemFilter {
  return (actionItemFilters as readonly string[]).includes(value ?? '') ? (value as ActionItemFilter) : 'open'
}
