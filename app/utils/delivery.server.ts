import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { json, type AppLoadContext } from '@remix-run/node'
import { eq } from 'drizzle-orm'
import type { SessionUser } from '~/auth/session.server'
import { db, schema } from '~/db.server'
import { SYSTEM_ACTOR, type Actor } from '~/models/audit.server'
import { confirmReceipt, fileReport, listReports, markOpened, type Recipient } from '~/models/distribution-recipient.server'
import { distributedDocument } from '~/models/distribution.server'
import { removeDocumentFile, storeDocumentFile, type StoredDocumentFile } from '~/models/document/files.server'
import { notFound } from '~/auth/require.server'
import { ConfirmReceiptSchema, DISTRIBUTION_LIMITS, ImplementationReportSchema } from '~/schemas/distribution'
import { redirectWithNotice } from './http.server'
import { publishedRecommendationPdf } from './recommendation-page.server'
import { readMultipartForm } from './multipart.server'

/**
 * What a recipient's page shows, reached by its personal link (no account) or from /inbox
 * (a member of the recipient institution): that delivery and nothing else. The first visit
 * is recorded as the opening.
 */
export function deliveryPage(recipient: Recipient, user: SessionUser | null, links: { pdf: string }) {
  markOpened({ id: recipient.id, by: user?.name ?? null })
  const document = distributedDocument(db, recipient.documentId)!
  const person = user?.personId
    ? db
        .select({ name: schema.people.name, position: schema.people.position })
        .from(schema.people)
        .where(eq(schema.people.id, user.personId))
        .get()
    : undefined
  return {
    recipient: {
      name: recipient.name,
      sentAt: recipient.sentAt,
      confirmedAt: recipient.confirmedAt,
      confirmedByName: recipient.confirmedByName,
      confirmedByPosition: recipient.confirmedByPosition,
    },
    document: { title: document.title, number: document.number, bodyName: document.bodyName, convener: document.convener },
    pdf: links.pdf,
    reports: listReports({ recipientId: recipient.id }),
    // A signed-in member confirms in their own name; the form stays editable.
    defaults: { name: person?.name ?? user?.name ?? '', position: person?.position ?? '' },
    maxMb: Math.round(DISTRIBUTION_LIMITS.reportFileBytes / 1024 / 1024),
  }
}

export type DeliveryReply = { form: 'confirm' | 'report'; result: SubmissionResult<string[]>; fileError?: string | null }

/** The confirmation and the reports of a recipient's page, for both ways in. */
export async function deliveryAction({
  request,
  recipient,
  user,
  context,
  here,
}: {
  request: Request
  recipient: Recipient
  user: SessionUser | null
  context: AppLoadContext
  here: string
}) {
  const actor: Actor = { userId: user?.id ?? SYSTEM_ACTOR.userId, ip: context.clientIp ?? null }
  if (/^multipart\/form-data\b/i.test(request.headers.get('Content-Type') ?? ''))
    return reportAction({ request, recipient, user, actor, here })
  const formData = await request.formData()
  if (formData.get('intent') !== 'confirm') throw new Response('Bad Request', { status: 400 })
  const submission = parseWithZod(formData, { schema: ConfirmReceiptSchema })
  if (submission.status !== 'success') return json<DeliveryReply>({ form: 'confirm', result: submission.reply() }, { status: 400 })
  const confirmed = confirmReceipt({ id: recipient.id, ...submission.value, userId: user?.id ?? null, actor })
  if (!confirmed.ok)
    return json<DeliveryReply>({ form: 'confirm', result: submission.reply({ formErrors: [confirmed.error] }) }, { status: 409 })
  return redirectWithNotice(here, 'delivery.confirmed')
}

async function reportAction({
  request,
  recipient,
  user,
  actor,
  here,
}: {
  request: Request
  recipient: Recipient
  user: SessionUser | null
  actor: Actor
  here: string
}) {
  let upload: { fileName: string; bytes: Buffer } | null = null
  let fileError: string | null = null
  const fields = await readMultipartForm(request, async (part) => {
    if (part.field !== 'file' || upload || fileError || !part.fileName) return
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of part.data) {
      size += chunk.byteLength
      if (size > DISTRIBUTION_LIMITS.reportFileBytes) {
        fileError = 'delivery.error.fileTooBig'
        return
      }
      chunks.push(Buffer.from(chunk))
    }
    if (size > 0) upload = { fileName: part.fileName, bytes: Buffer.concat(chunks) }
  })
  if (fields.get('intent') !== 'report') throw new Response('Bad Request', { status: 400 })
  const submission = parseWithZod(fields, { schema: ImplementationReportSchema })
  const reply = (result: SubmissionResult<string[]>, error: string | null, status = 400) =>
    json<DeliveryReply>({ form: 'report', result, fileError: error }, { status })
  if (submission.status !== 'success' || fileError) return reply(submission.reply(), fileError)
  let stored: StoredDocumentFile | null = null
  if (upload) {
    const kept = storeDocumentFile({ ...(upload as { fileName: string; bytes: Buffer }), maxBytes: DISTRIBUTION_LIMITS.reportFileBytes })
    if (!kept.ok) return reply(submission.reply(), `delivery.error.${kept.reason}`)
    stored = kept.file
  }
  const filed = fileReport({
    id: recipient.id,
    ...submission.value,
    position: submission.value.position ?? null,
    userId: user?.id ?? null,
    file: stored,
    actor,
  })
  if (!filed.ok) {
    if (stored) removeDocumentFile(stored.storedName)
    return reply(submission.reply({ formErrors: [filed.error] }), null, 409)
  }
  return redirectWithNotice(`${here}#reports`, 'delivery.reported')
}

/**
 * Headers of a page reached by a token in its address: never cached, and its address never
 * passed on to another site. `same-origin`, not `no-referrer`: under `no-referrer` a browser
 * sends `Origin: null` with the page's own forms, and the server refuses them as cross-origin.
 */
export const deliveryHeaders = {
  'Cache-Control': 'private, no-store',
  'Referrer-Policy': 'same-origin',
  'X-Robots-Tag': 'noindex, nofollow',
}

/** The publication a delivery carries, the archived file; its own links are followed without the token's address. */
export function publishedPdfResponse(documentId: number): Response {
  const response = publishedRecommendationPdf(documentId)
  if (!response) throw notFound()
  response.headers.set('Referrer-Policy', 'no-referrer')
  return response
}
