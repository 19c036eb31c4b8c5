import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import type { ImplementationStatus } from '#db/schema/enums'
import { db, schema, type Db, type Tx } from '~/db.server'
import { enqueueJob } from '~/jobs/queue.server'
import { distributionMessage, distributionReminderMessage } from '~/mail/distribution-mail.server'
import { queueMail } from '~/mail/mailer.server'
import { pageCount, pageSlice } from '~/utils/paging'
import { recordAudit, type Actor } from './audit.server'
import { distributedDocument, hashLinkToken, isLinkToken, newLinkToken, queueDeliveries, reminderKey } from './distribution.server'
import type { StoredDocumentFile } from './document/files.server'

const rcp = schema.distributionRecipients
const links = schema.distributionLinks
const reports = schema.distributionReports
const dist = schema.distributions

const recipientColumns = {
  id: rcp.id,
  distributionId: rcp.distributionId,
  documentId: dist.documentId,
  organisationId: rcp.organisationId,
  kind: rcp.kind,
  name: rcp.name,
  street: rcp.street,
  postalCode: rcp.postalCode,
  city: rcp.city,
  email: rcp.email,
  state: rcp.state,
  sendError: rcp.sendError,
  sentAt: rcp.sentAt,
  firstOpenedAt: rcp.firstOpenedAt,
  firstOpenedBy: rcp.firstOpenedBy,
  confirmedAt: rcp.confirmedAt,
  confirmedByName: rcp.confirmedByName,
  confirmedByPosition: rcp.confirmedByPosition,
  remindersSent: rcp.remindersSent,
  lastRemindedAt: rcp.lastRemindedAt,
  lastReportStatus: rcp.lastReportStatus,
  lastReportAt: rcp.lastReportAt,
}

export type Recipient = NonNullable<ReturnType<typeof getRecipient>>

export function getRecipient({ id }: { id: number }, tx: Db | Tx = db) {
  return tx.select(recipientColumns).from(rcp).innerJoin(dist, eq(dist.id, rcp.distributionId)).where(eq(rcp.id, id)).get()
}

/** The recipient a personal link opens, while the link is not revoked; undefined for anything else. */
export function recipientByToken({ token }: { token: string }) {
  if (!isLinkToken(token)) return undefined
  const link = db
    .select({ recipientId: links.recipientId })
    .from(links)
    .where(and(eq(links.tokenHash, hashLinkToken(token)), isNull(links.revokedAt)))
    .get()
  return link ? getRecipient({ id: link.recipientId }) : undefined
}

/** The first opening, when and by whom where known (a signed-in user's name); later ones change nothing. */
export function markOpened({ id, by, now = new Date() }: { id: number; by: string | null; now?: Date }) {
  db.update(rcp)
    .set({
      firstOpenedAt: now.toISOString(),
      firstOpenedBy: by,
      state: sql`case when ${rcp.state} = 'sent' then 'opened' else ${rcp.state} end`,
    })
    .where(and(eq(rcp.id, id), isNull(rcp.firstOpenedAt)))
    .run()
}

export type ConfirmResult = { ok: true } | { ok: false; error: 'distribution.error.alreadyConfirmed' }

/** „Potwierdzam otrzymanie”: once, with the name and position of the person confirming. */
export function confirmReceipt({
  id,
  name,
  position,
  userId,
  actor,
  now = new Date(),
}: {
  id: number
  name: string
  position: string
  userId: number | null
  actor: Actor
  now?: Date
}): ConfirmResult {
  return db.transaction((tx): ConfirmResult => {
    const at = now.toISOString()
    const changed = tx
      .update(rcp)
      .set({
        confirmedAt: at,
        confirmedByName: name,
        confirmedByPosition: position,
        confirmedByUserId: userId,
        firstOpenedAt: sql`coalesce(${rcp.firstOpenedAt}, ${at})`,
        state: sql`case when ${rcp.state} = 'reported' then 'reported' else 'confirmed' end`,
      })
      .where(and(eq(rcp.id, id), isNull(rcp.confirmedAt)))
      .run().changes
    if (!changed) return { ok: false, error: 'distribution.error.alreadyConfirmed' }
    recordAudit(tx, {
      actorUserId: actor.userId,
      ip: actor.ip,
      action: 'distribution.confirmed',
      entityType: 'distribution_recipient',
      entityId: id,
      after: { name, position },
    })
    return { ok: true }
  })
}

export type ReportResult = { ok: true; reportId: number } | { ok: false; error: 'distribution.error.notConfirmed' }

/** An implementation report, kept beside the earlier ones; the recipient's last status follows it. */
export function fileReport({
  id,
  status,
  text,
  name,
  position,
  userId,
  file,
  actor,
  now = new Date(),
}: {
  id: number
  status: ImplementationStatus
  text: string
  name: string
  position: string | null
  userId: number | null
  file: StoredDocumentFile | null
  actor: Actor
  now?: Date
}): ReportResult {
  return db.transaction((tx): ReportResult => {
    const recipient = tx.select({ confirmedAt: rcp.confirmedAt }).from(rcp).where(eq(rcp.id, id)).get()
    if (!recipient?.confirmedAt) return { ok: false, error: 'distribution.error.notConfirmed' }
    const at = now.toISOString()
    const { id: reportId } = tx
      .insert(reports)
      .values({
        recipientId: id,
        status,
        text,
        filedByName: name,
        filedByPosition: position,
        filedByUserId: userId,
        fileName: file?.fileName ?? null,
        storedName: file?.storedName ?? null,
        contentType: file?.contentType ?? null,
        sizeBytes: file?.sizeBytes ?? null,
        sha256: file?.sha256 ?? null,
        filedAt: at,
      })
      .returning({ id: reports.id })
      .get()
    tx.update(rcp).set({ state: 'reported', lastReportStatus: status, lastReportAt: at }).where(eq(rcp.id, id)).run()
    recordAudit(tx, {
      actorUserId: actor.userId,
      ip: actor.ip,
      action: 'distribution.reported',
      entityType: 'distribution_recipient',
      entityId: id,
      after: { reportId, status, file: file?.fileName ?? null },
    })
    return { ok: true, reportId }
  })
}

/** A recipient's reports, newest first. */
export function listReports({ recipientId }: { recipientId: number }) {
  return db
    .select({
      id: reports.id,
      status: reports.status,
      text: reports.text,
      filedByName: reports.filedByName,
      filedByPosition: reports.filedByPosition,
      filedAt: reports.filedAt,
      fileName: reports.fileName,
      sizeBytes: reports.sizeBytes,
    })
    .from(reports)
    .where(eq(reports.recipientId, recipientId))
    .orderBy(desc(reports.filedAt), desc(reports.id))
    .all()
}

export function getReportFile({ recipientId, reportId }: { recipientId: number; reportId: number }) {
  return db
    .select({ fileName: reports.fileName, storedName: reports.storedName, contentType: reports.contentType })
    .from(reports)
    .where(and(eq(reports.id, reportId), eq(reports.recipientId, recipientId)))
    .get()
}

/**
 * Revokes every link of a recipient and, where it has an address, sends it a new one: for a
 * link that reached the wrong person. The old e-mails then open nothing.
 */
export function reissueLink({ id, actor, origin, now = new Date() }: { id: number; actor: Actor; origin: string; now?: Date }) {
  return db.transaction((tx) => {
    const recipient = getRecipient({ id }, tx)
    if (!recipient) return { ok: false as const }
    const at = now.toISOString()
    tx.update(links)
      .set({ revokedAt: at })
      .where(and(eq(links.recipientId, id), isNull(links.revokedAt)))
      .run()
    let mailed = false
    if (recipient.email) {
      const document = distributedDocument(tx, recipient.documentId)!
      const token = newLinkToken()
      tx.insert(links)
        .values({ recipientId: id, tokenHash: hashLinkToken(token), createdAt: at })
        .run()
      const outboxId = queueMail(
        tx,
        distributionMessage({ document, recipient: { name: recipient.name, email: recipient.email }, link: `${origin}/delivery/${token}` }),
      )
      queueDeliveries(tx, [outboxId], now)
      mailed = true
    }
    recordAudit(tx, {
      actorUserId: actor.userId,
      ip: actor.ip,
      action: 'distribution.linkReissued',
      entityType: 'distribution_recipient',
      entityId: id,
      after: { mailed },
    })
    return { ok: true as const, mailed }
  })
}

/**
 * One reminder of one recipient, run by the job queue in the transaction that marks the job
 * done: the reminder's e-mail, its count, and the next reminder are written together or not
 * at all, so a restart never sends it twice and never loses it. A recipient that confirmed
 * meanwhile, or whose links were all revoked, gets nothing.
 */
export function runReminder(
  tx: Tx,
  { recipientId, reminder, origin }: { recipientId: number; reminder: number; origin: string },
  now = new Date(),
) {
  const recipient = getRecipient({ id: recipientId }, tx)
  if (!recipient || recipient.confirmedAt || !recipient.email || recipient.remindersSent >= reminder) return
  const settings = tx.select().from(dist).where(eq(dist.id, recipient.distributionId)).get()!
  if (reminder > settings.maxReminders) return
  const live = tx
    .select({ id: links.id })
    .from(links)
    .where(and(eq(links.recipientId, recipientId), isNull(links.revokedAt)))
    .get()
  if (!live) return
  const at = now.toISOString()
  const token = newLinkToken()
  tx.insert(links)
    .values({ recipientId, tokenHash: hashLinkToken(token), createdAt: at })
    .run()
  const outboxId = queueMail(
    tx,
    distributionReminderMessage({
      document: distributedDocument(tx, recipient.documentId)!,
      recipient: { name: recipient.name, email: recipient.email },
      link: `${origin}/delivery/${token}`,
      sentAt: recipient.sentAt ?? settings.sentAt,
      reminder,
    }),
  )
  tx.update(rcp).set({ remindersSent: reminder, lastRemindedAt: at }).where(eq(rcp.id, recipientId)).run()
  queueDeliveries(tx, [outboxId], now)
  if (reminder < settings.maxReminders)
    enqueueJob(tx, {
      kind: 'distribution.reminder',
      key: reminderKey(recipientId, reminder + 1),
      payload: { recipientId, reminder: reminder + 1, origin },
      runAt: new Date(now.getTime() + settings.remindEveryDays * 24 * 3600 * 1000),
    })
}

/**
 * After a delivery job: a recipient whose message the mail server refused is „not sent”, with
 * the server's reason; one delivered after an earlier refusal is „sent” again.
 */
export function noteDeliveries(outboxIds: number[]) {
  if (outboxIds.length === 0) return
  const ob = schema.outbox
  const ids = sql.join(
    outboxIds.map((id) => sql`${id}`),
    sql`, `,
  )
  db.run(sql`update ${rcp} set state = 'not_sent', send_error = (select ${ob.error} from ${ob} where ${ob.id} = ${rcp.outboxId})
    where ${rcp.outboxId} in (${ids}) and ${rcp.state} = 'sent'
      and exists (select 1 from ${ob} where ${ob.id} = ${rcp.outboxId} and ${ob.error} is not null and ${ob.sentAt} is null)`)
  db.run(sql`update ${rcp} set state = 'sent', send_error = null
    where ${rcp.outboxId} in (${ids}) and ${rcp.state} = 'not_sent'
      and exists (select 1 from ${ob} where ${ob.id} = ${rcp.outboxId} and ${ob.sentAt} is not null)`)
}

/** What was distributed to an institution, newest first: its /inbox. */
export function listInbox({ organisationId, page = 1 }: { organisationId: number; page?: number }) {
  const { limit, offset } = pageSlice(page)
  const where = eq(rcp.organisationId, organisationId)
  const rows = db
    .select({
      id: rcp.id,
      state: rcp.state,
      sentAt: rcp.sentAt,
      confirmedAt: rcp.confirmedAt,
      lastReportStatus: rcp.lastReportStatus,
      title: schema.recommendations.title,
      number: schema.recommendations.number,
      bodyName: schema.bodies.name,
    })
    .from(rcp)
    .innerJoin(dist, eq(dist.id, rcp.distributionId))
    .innerJoin(schema.recommendations, eq(schema.recommendations.id, dist.documentId))
    .innerJoin(schema.documents, eq(schema.documents.id, dist.documentId))
    .innerJoin(schema.bodies, eq(schema.bodies.id, schema.documents.bodyId))
    .where(where)
    .orderBy(desc(rcp.id))
    .limit(limit)
    .offset(offset)
    .all()
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(rcp)
      .where(where)
      .get()?.n ?? 0
  return { rows, total, page, pages: pageCount(total) }
}

/** The institution a signed-in user belongs to through their directory record, if any. */
export function organisationOfPerson(personId: number | null) {
  if (!personId) return undefined
  return db
    .select({ id: schema.organisations.id, name: schema.organisations.name })
    .from(schema.people)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.people.organisationId))
    .where(eq(schema.people.id, personId))
    .get()
}
