import { z } from 'zod'
import { organisationKinds } from '#db/schema/enums'
import { hasNoLineBreak } from './fields'

/** How long a recommendation's parts may be: the model refuses more, the forms say so first. */
export const RECOMMENDATION_LIMITS = {
  title: 300,
  summary: 5000,
  sectionTitle: 300,
  body: 20_000,
  chapters: 50,
  items: 200,
  timeFrame: 200,
  withdrawalReason: 2000,
  annexTitle: 300,
} as const

const L = RECOMMENDATION_LIMITS

const line = (max: number) =>
  z.string().trim().min(1, 'validation.required').max(max, 'validation.tooLong').refine(hasNoLineBreak, 'validation.singleLine')
const kinds = z.array(z.enum(organisationKinds))

export const RecommendationItemInputSchema = z.object({
  id: z.number().int().positive().nullable(),
  title: line(L.sectionTitle),
  body: z.string().max(L.body, 'validation.tooLong'),
  addresseeKinds: kinds,
  timeFrame: z.string().trim().max(L.timeFrame, 'validation.tooLong').refine(hasNoLineBreak, 'validation.singleLine').nullable(),
})

export const RecommendationChapterInputSchema = z.object({
  id: z.number().int().positive().nullable(),
  title: line(L.sectionTitle),
  body: z.string().max(L.body, 'validation.tooLong'),
  items: z.array(RecommendationItemInputSchema),
})

/** The text of a recommendation as saved: what the model checks and the editor's form produces. */
export const RecommendationContentSchema = z.object({
  title: line(L.title),
  summary: z.string().trim().max(L.summary, 'validation.tooLong'),
  addresseeKinds: kinds,
  chapters: z
    .array(RecommendationChapterInputSchema)
    .max(L.chapters, 'recommendation.error.tooManyChapters')
    .refine((chapters) => chapters.reduce((n, chapter) => n + chapter.items.length, 0) <= L.items, 'recommendation.error.tooManyItems'),
})

export type RecommendationContentInput = z.infer<typeof RecommendationContentSchema>

/** A new recommendation's heading: its chapters come later, in the editor. */
export const RecommendationHeadingSchema = RecommendationContentSchema.pick({ title: true, summary: true, addresseeKinds: true })

/** A numbered recommendation's own fields, kept in its section's `details`. */
export const RecommendationItemDetailsSchema = z.object({
  addresseeKinds: kinds.catch([]),
  timeFrame: z.string().nullable().catch(null),
})
