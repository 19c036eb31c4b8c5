import { z } from 'zod'
import { organisationKinds } from '#db/schema/enums'
import { hasNoLineBreak, optionalText } from './fields'
import { RECOMMENDATION_LIMITS as L, type RecommendationContentInput } from './recommendation'

// The recommendation editor's form: the same schema checks it in the browser and in the action,
// within the limits the model keeps (RECOMMENDATION_LIMITS).

const id = z.coerce.number().int().positive().optional()
const line = (max: number, required: string) =>
  z.string({ error: required }).trim().min(1, required).max(max, 'validation.tooLong').refine(hasNoLineBreak, 'validation.singleLine')
const kinds = z.array(z.enum(organisationKinds)).default([])

const ItemSchema = z.object({
  id,
  title: line(L.sectionTitle, 'recommendationEditor.error.itemTitle'),
  body: z
    .string({ error: 'recommendationEditor.error.itemBody' })
    .trim()
    .min(1, 'recommendationEditor.error.itemBody')
    .max(L.body, 'validation.tooLong'),
  addresseeKinds: kinds,
  timeFrame: z.string().trim().max(L.timeFrame, 'validation.tooLong').refine(hasNoLineBreak, 'validation.singleLine').optional(),
})

const ChapterSchema = z.object({
  id,
  title: line(L.sectionTitle, 'recommendationEditor.error.chapterTitle'),
  body: optionalText(L.body),
  items: z.array(ItemSchema).default([]),
})

export const RecommendationEditorSchema = z.object({
  intent: z.literal('save'),
  revision: z.coerce.number({ error: 'validation.required' }).int().nonnegative(),
  title: line(L.title, 'recommendations.error.title'),
  summary: optionalText(L.summary),
  addresseeKinds: kinds.pipe(z.array(z.enum(organisationKinds)).min(1, 'recommendations.error.addressees')),
  chapters: z
    .array(ChapterSchema)
    .min(1, 'recommendationEditor.error.noChapters')
    .max(L.chapters, 'recommendation.error.tooManyChapters')
    .refine((chapters) => chapters.reduce((n, chapter) => n + chapter.items.length, 0) <= L.items, 'recommendation.error.tooManyItems'),
})

export type RecommendationEditorValue = z.infer<typeof RecommendationEditorSchema>

/** The form's value as the model saves it. */
export function recommendationContent(value: RecommendationEditorValue): RecommendationContentInput {
  return {
    title: value.title,
    summary: value.summary ?? '',
    addresseeKinds: value.addresseeKinds,
    chapters: value.chapters.map((chapter) => ({
      id: chapter.id ?? null,
      title: chapter.title,
      body: chapter.body ?? '',
      items: chapter.items.map((item) => ({
        id: item.id ?? null,
        title: item.title,
        body: item.body,
        addresseeKinds: item.addresseeKinds,
        timeFrame: item.timeFrame || null,
      })),
    })),
  }
}

/** A member's comment on one recommendation (an item's section id) or on the whole text. */
export const RecommendationCommentSchema = z.object({
  intent: z.literal('comment'),
  section: z
    .string({ error: 'recommendationEditor.error.comment.section' })
    .regex(/^(whole|[1-9]\d*)$/, 'recommendationEditor.error.comment.section')
    .transform((value) => (value === 'whole' ? null : Number(value))),
  body: z
    .string({ error: 'recommendationEditor.error.comment.body' })
    .trim()
    .min(1, 'recommendationEditor.error.comment.body')
    .max(5000, 'recommendationEditor.error.comment.bodyTooLong'),
})

/** The officer's decision on one comment; a comment left out of the text needs a reason. */
export const ResolveRecommendationCommentSchema = z
  .object({
    intent: z.literal('resolve'),
    commentId: z.coerce
      .number({ error: 'recommendationEditor.error.comment.commentNotFound' })
      .int('recommendationEditor.error.comment.commentNotFound')
      .positive('recommendationEditor.error.comment.commentNotFound'),
    resolution: z.enum(['accepted', 'rejected'], { error: 'recommendationEditor.error.comment.resolution' }),
    note: optionalText(2000),
  })
  .refine((value) => value.resolution !== 'rejected' || !!value.note, {
    path: ['note'],
    message: 'recommendationEditor.error.comment.rejectNote',
  })
