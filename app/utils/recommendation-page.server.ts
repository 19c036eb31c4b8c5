import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { json } from '@remix-run/node'
import { canInBody } from '~/auth/body-permissions'
import { notFound } from '~/auth/require.server'
import type { ReaderRecommendation } from '~/components/recommendation-reader'
import { getLang } from '~/i18n/lang.server'
import { mailOrigin } from '~/mail/mailer.server'
import type { Actor } from '~/models/audit.server'
import { getPublishedPdf, getPublishedVersion } from '~/models/document/versions.server'
import { maxUploadBytes } from '~/models/presentation.server'
import {
  adoptRecommendation,
  consultationNotice,
  publishRecommendation,
  returnToDrafting,
  startConsultation,
  withdrawRecommendation,
} from '~/models/recommendation-cycle.server'
import type { RecommendationSnapshot } from '~/models/recommendation-snapshot'
import type { RecommendationView } from '~/models/recommendation.server'
import { addAnnex } from '~/models/recommendation.server'
import { AnnexSchema, cycleSchemas, type CycleStep } from '~/schemas/recommendation-cycle'
import { readMultipartForm } from './multipart.server'
import { fileResponse } from './content-disposition'
import { redirectWithNotice } from './http.server'

// The server side of /recommendations/:recId: what its loaders read and its action does.

type BodyAccess = Parameters<typeof canInBody>[0]

export type CycleReply = { form: CycleStep; result: SubmissionResult<string[]> }
export type AnnexReply = { form: 'annex'; result: SubmissionResult<string[]>; fileError: string | null }

/**
 * What a reader sees: the team's own people read the live text; anyone else only ever the
 * published version's frozen snapshot, with the withdrawal if there was one. 404 when there
 * is nothing they may read.
 */
export function readerRecommendation(live: RecommendationView, access: BodyAccess): { rec: ReaderRecommendation; insider: boolean } {
  const record = {
    state: live.state,
    number: live.number,
    visibility: live.visibility,
    withdrawnAt: live.withdrawnAt,
    withdrawnReason: live.withdrawnReason,
  }
  if (canInBody(access, 'body.readInternal')) {
    return {
      insider: true,
      rec: {
        ...textOf(live.snapshot),
        ...record,
        commentsDueAt: live.commentsDueAt,
        publishedAt: live.publishedAt,
        publishedBy: live.publishedByUserName,
      },
    }
  }
  const published = getPublishedVersion<RecommendationSnapshot>({ documentId: live.id })
  if (!published) throw notFound()
  const { snapshot } = published
  return {
    insider: false,
    rec: {
      ...textOf(snapshot),
      ...record,
      number: snapshot.number,
      visibility: snapshot.visibility,
      commentsDueAt: null,
      publishedAt: snapshot.publication?.publishedAt ?? published.createdAt,
      publishedBy: snapshot.publication?.publishedBy ?? null,
    },
  }
}

function textOf(s: RecommendationSnapshot) {
  return {
    documentId: s.documentId,
    bodyName: s.bodyName,
    title: s.title,
    summary: s.summary,
    addresseeKinds: s.addresseeKinds,
    chapters: s.chapters,
    annexes: s.annexes,
    members: s.members,
    adoption: s.adoption,
  }
}

/** Where a refusal of the model is said: beside its field, or above the form. */
const errorField: Record<string, string> = {
  'recommendation.error.deadlinePast': 'commentsDueAt',
  'recommendation.error.meeting': 'meetingId',
  'recommendation.error.reasonMissing': 'reason',
}

/** consult / return / adopt / publish / withdraw: validated, done by the cycle model, answered with a notice. */
export async function handleCycleStep({
  id,
  step,
  formData,
  actor,
  request,
}: {
  id: number
  step: CycleStep
  formData: FormData
  actor: Actor
  request: Request
}) {
  const reply = (result: SubmissionResult<string[]>, status: number) => json<CycleReply>({ form: step, result }, { status })
  const here = `/recommendations/${id}`
  const origin = mailOrigin(request)
  let done
  let notice
  const submission = parseWithZod(formData, { schema: cycleSchemas[step] })
  if (submission.status !== 'success') return reply(submission.reply(), 400)
  const value = submission.value as Record<string, unknown> & { revision: number }
  const baseRevision = value.revision
  if (step === 'consult') {
    const started = await startConsultation({ id, commentsDueAt: value.commentsDueAt as Date, baseRevision, actor, origin })
    if (started.ok) {
      return redirectWithNotice(here, [{ key: 'recommendations.cycle.consulted' }, ...consultationNotice(started, await getLang(request))])
    }
    done = started
  } else if (step === 'return') {
    done = returnToDrafting({ id, baseRevision, actor })
    notice = 'recommendations.cycle.returned' as const
  } else if (step === 'adopt') {
    done = adoptRecommendation({ id, meetingId: value.meetingId as number, baseRevision, actor })
    notice = 'recommendations.cycle.adopted' as const
  } else if (step === 'publish') {
    done = await publishRecommendation({ id, visibility: value.visibility as 'members' | 'public', baseRevision, actor, origin })
    notice = 'recommendations.cycle.published' as const
  } else {
    done = withdrawRecommendation({ id, reason: value.reason as string, baseRevision, actor })
    notice = 'recommendations.cycle.withdrawn' as const
  }
  if (done.ok) return redirectWithNotice(here, notice!)
  const field = errorField[done.error]
  return reply(submission.reply(field ? { fieldErrors: { [field]: [done.error] } } : { formErrors: [done.error] }), 409)
}

/** The annex form: its title and the file's bytes, at most MAX_UPLOAD_MB; a refusal says why beside the file. */
export async function handleAnnexUpload({ id, request, actor }: { id: number; request: Request; actor: Actor }) {
  const maxBytes = maxUploadBytes()
  let file: { fileName: string; bytes: Buffer } | null = null
  let fileError: string | null = null
  const fields = await readMultipartForm(request, async (part) => {
    if (part.field !== 'file' || file || fileError) return
    if (!part.fileName) return
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of part.data) {
      size += chunk.byteLength
      if (size > maxBytes) {
        fileError = 'recommendations.annex.error.tooLarge'
        return
      }
      chunks.push(Buffer.from(chunk))
    }
    if (size > 0) file = { fileName: part.fileName, bytes: Buffer.concat(chunks) }
  })
  if (fields.get('intent') !== 'add-annex') throw new Response('Bad Request', { status: 400 })
  const submission = parseWithZod(fields, { schema: AnnexSchema })
  if (!file && !fileError) fileError = 'recommendations.annex.error.file'
  const reply = (result: SubmissionResult<string[]>, error: string | null, status = 400) =>
    json<AnnexReply>({ form: 'annex', result, fileError: error }, { status })
  if (submission.status !== 'success') return reply(submission.reply(), fileError)
  if (!file) return reply(submission.reply({ formErrors: [] }), fileError)
  const added = addAnnex({ id, title: submission.value.title, file, actor })
  if (added.ok) return redirectWithNotice(`/recommendations/${id}`, 'recommendations.annex.added')
  if (added.error === 'recommendation.error.annex.title') return reply(submission.reply({ fieldErrors: { title: [added.error] } }), null)
  return reply(submission.reply(), added.error, added.error === 'recommendation.error.wrongState' ? 409 : 400)
}

/** „rekomendacje-ROPS-KR-REK-1-2014.pdf”, or „rekomendacje-projekt-12.pdf” before a number is given. */
export const recommendationPdfFileName = (id: number, number: string | null) =>
  number ? `rekomendacje-${number.replace(/[/\\\s]+/g, '-')}.pdf` : `rekomendacje-projekt-${id}.pdf`

/**
 * The archived bytes of the recommendations' published version, the file their verification
 * code vouches for, as a PDF response; null before publication. 404 if the bytes are missing.
 */
export function publishedRecommendationPdf(
  documentId: number,
  cacheControl?: (snapshot: RecommendationSnapshot) => string,
): Response | null {
  const published = getPublishedVersion<RecommendationSnapshot>({ documentId })
  if (!published) return null
  const bytes = getPublishedPdf({ versionId: published.id })
  if (!bytes) throw notFound()
  return fileResponse(bytes, {
    contentType: 'application/pdf',
    disposition: 'inline',
    fileName: recommendationPdfFileName(documentId, published.snapshot.number),
    cacheControl: cacheControl?.(published.snapshot) ?? 'private, no-store',
  })
}
