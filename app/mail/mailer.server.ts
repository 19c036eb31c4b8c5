import { count, desc, eq, inArray, sql } from 'drizzle-orm'
import nodemailer from 'nodemailer'
import { db, schema, type Db, type Tx } from '~/db.server'
import { pageCount, pageSlice } from '~/utils/paging'

export type MailAttachment = { filename: string; contentType: string; content: string }
export type MailAddress = { name?: string | null; address: string }
export type MailMessage = { to: MailAddress; subject: string; text: string; attachments?: MailAttachment[] }

const DEFAULT_FROM = 'Narada <narada@localhost>'
const o = schema.outbox

/** The From of every message: SMTP_FROM, or Narada's own address. */
export function senderAddress(): string {
  return process.env.SMTP_FROM?.trim() || DEFAULT_FROM
}

/** The sender as a name and an address, e.g. for the ORGANIZER of a calendar event. */
export function senderParts(): { name: string; email: string } {
  const from = senderAddress()
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from)
  return match ? { name: match[1]!.trim() || 'Narada', email: match[2]!.trim() } : { name: 'Narada', email: from }
}

/**
 * The origin that links in e-mails point to: APP_URL when set (behind a proxy that
 * rewrites the host), otherwise the origin the request came to.
 */
export function mailOrigin(request: Request): string {
  return appOrigin(new URL(request.url).origin)
}

/** APP_URL when it is set, else `fallback`; without a trailing slash. */
export function appOrigin(fallback: string): string {
  return (process.env.APP_URL?.trim() || fallback).replace(/\/+$/, '')
}

/** `"Jan Kowalski" <jan@example.pl>`: the name quoted, so commas and dots in it are safe. */
export function formatAddress({ name, address }: MailAddress): string {
  const clean = name?.replace(/["\\\r\n]/g, '').trim()
  return clean ? `"${clean}" <${address}>` : address
}

/**
 * Keeps a message in the outbox. Call it inside the transaction of the change that sends
 * it, then `deliver` the returned ids once the transaction has committed.
 */
export function queueMail(tx: Db | Tx, message: MailMessage): number {
  return tx
    .insert(o)
    .values({
      to: formatAddress(message.to),
      subject: message.subject,
      text: message.text,
      attachments: message.attachments?.length ? JSON.stringify(message.attachments) : null,
    })
    .returning({ id: o.id })
    .get().id
}

export type DeliveryReport = { delivered: number; failed: number; kept: number }

const transports = new Map<string, ReturnType<typeof nodemailer.createTransport>>()

function transportFor(url: string) {
  let transport = transports.get(url)
  if (!transport) {
    // Bounded waits: an officer's request must not hang on an unreachable server.
    transport = nodemailer.createTransport({ url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 })
    transports.set(url, transport)
  }
  return transport
}

/**
 * Sends the queued messages through SMTP_URL, one by one, and notes on each when it went
 * or why it did not. Without SMTP_URL they stay in the outbox, where administrators read them.
 */
export async function deliver(ids: number[]): Promise<DeliveryReport> {
  const report: DeliveryReport = { delivered: 0, failed: 0, kept: 0 }
  if (ids.length === 0) return report
  const url = process.env.SMTP_URL?.trim()
  if (!url) return { ...report, kept: ids.length }
  const rows = db
    .select({ id: o.id, to: o.to, subject: o.subject, text: o.text, attachments: o.attachments })
    .from(o)
    .where(inArray(o.id, ids))
    .all()
  const transport = transportFor(url)
  for (const row of rows) {
    const attachments = row.attachments ? (JSON.parse(row.attachments) as MailAttachment[]) : []
    try {
      await transport.sendMail({
        from: senderAddress(),
        to: row.to,
        subject: row.subject,
        text: row.text,
        attachments: attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
      })
      db.update(o).set({ sentAt: new Date().toISOString(), error: null }).where(eq(o.id, row.id)).run()
      report.delivered += 1
    } catch (error) {
      db.update(o)
        .set({ error: String((error as Error)?.message ?? error).slice(0, 1000) })
        .where(eq(o.id, row.id))
        .run()
      report.failed += 1
    }
  }
  return report
}

/** One message on its own: kept, and sent when SMTP is configured. */
export async function sendMail(message: MailMessage): Promise<DeliveryReport> {
  return deliver([queueMail(db, message)])
}

type AttachmentSummary = { filename: string; contentType: string; size: number }

/**
 * One page of the kept messages, newest first, for administrators. Tens of thousands of rows:
 * OFFSET over the id order stays cheap and a page number is what an administrator bookmarks.
 * An attachment is summed up in SQL (name, type, bytes), so its content never leaves SQLite.
 */
export function listOutbox({ page }: { page: number }) {
  const { limit, offset } = pageSlice(page)
  const rows = db
    .select({
      id: o.id,
      to: o.to,
      subject: o.subject,
      text: o.text,
      attachments: sql<string | null>`(select json_group_array(json_object(
        'filename', json_extract(value, '$.filename'),
        'contentType', json_extract(value, '$.contentType'),
        'size', length(cast(json_extract(value, '$.content') as blob))
      )) from json_each(${o.attachments}))`,
      createdAt: o.createdAt,
      sentAt: o.sentAt,
      error: o.error,
    })
    .from(o)
    .orderBy(desc(o.id))
    .limit(limit)
    .offset(offset)
    .all()
    .map(({ attachments, ...row }) => ({ ...row, attachments: attachments ? (JSON.parse(attachments) as AttachmentSummary[]) : [] }))
  const total = db.select({ n: count() }).from(o).get()?.n ?? 0
  return { rows, total, pages: pageCount(total) }
}
