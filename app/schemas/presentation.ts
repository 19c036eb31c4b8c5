import { z } from 'zod'
import { presentationVisibilities } from '#db/schema/enums'
import { idField, requiredLine } from './fields'

/** A new presentation: everything but the file, which is streamed to disk on its own. */
export const PresentationSchema = z.object({
  intent: z.literal('upload'),
  title: requiredLine(300),
  presenterPersonId: idField('presentations.error.presenter').optional(),
  agendaItemId: idField('presentations.error.agendaItem').optional(),
  visibility: z.enum(presentationVisibilities).default('members'),
})

/** A new version of one presentation's file. */
export const ReplaceFileSchema = z.object({
  intent: z.literal('replace'),
  presentationId: idField('presentations.error.notFound'),
})
