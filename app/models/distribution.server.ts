import crypto from 'node:crypto'
import { and, asc, count, desc, eq, gte, inArray, isNull, lt, notInArray, or, sql, type SQL } from 'drizzle-orm'
import type { OrganisationKind } from '#db/schema/enums'
import { db, schema, type Db, type Tx } from '~/db.server'
import { enqueueJob } from '~/jobs/queue.server'
import { distributionMessage, type DistributedDocument } from '~/mail/distribution-mail.server'
import { formatAddress } from '~/mail/mailer.server'
import type { DistributionSettings, DistributionTarget } from '~/schemas/distribution'
import { pageCount, pageSlice } from '~/utils/paging'
import { recordAudit, type Actor } from './audit.server'

const o = schema.organisations
const dist = schema.distributions
const rcp = schema.distributionRecipients
const links = schema.distributionLinks
const rc = schema.recommendations
const d = schema.documents

/** 256 random bits for a recipient's link; only their SHA-256 is kept. */
export function newLinkToken(): string {
  return crypto.randomBytes(32).toString('base64url')
}

export function hashLinkToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex')
}

export const isLinkToken = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token)

/** The first code after every code that begins with `prefix`: „12” → „13”, „1261” → „1262”. */
const nextCode = (prefix: string) => String(Number(prefix) + 1).padStart(prefix.length, '0')

/**
 * The institutions a target reaches, as one condition on `organisations`: current ones of the
 * kinds within the regions, plus the single ones added, minus those left out. A TERYT
 * municipality code begins with its county's and voivodeship's codes, so every region is a
 * range of the institution's own column, which the (kind, municipality_code) index serves.
 */
function targetCondition(target: DistributionTarget): SQL {
  const ranges = [
    ...[...target.voivodeship, ...target.county].map((code) => and(gte(o.municipalityCode, code), lt(o.municipalityCode, nextCode(code)))),
    ...(target.municipality.length ? [inArray(o.municipalityCode, target.municipality)] : []),
  ]
  const byRegion = target.kind.length && ranges.length ? and(inArray(o.kind, target.kind), or(...ranges)) : undefined
  const byName = target.include.length ? inArray(o.id, target.include) : undefined
  const chosen = byRegion && byName ? or(byRegion, byName) : (byRegion ?? byName ?? sql`0`)
  return and(isNull(o.archivedAt), chosen, target.exclude.length ? notInArray(o.id, target.exclude) : undefined)!
}

const previewColumns = {
  id: o.id,
  name: o.name,
  kind: o.kind,
  city: o.city,
  email: o.email,
  municipalityCode: o.municipalityCode,
}

/**
 * What sending to a target would reach now: how many, one page of them by name, and the
 * institutions without an e-mail address (named, so the officer can complete the directory).
 */
export function previewDistribution({
  target,
  page = 1,
  withoutEmailLimit = 100,
}: {
  target: DistributionTarget
  page?: number
  withoutEmailLimit?: number
}) {
  const where = targetCondition(target)
  const { limit, offset } = pageSlice(page)
  const total = db.select({ n: count() }).from(o).where(where).get()?.n ?? 0
  const rows = db.select(previewColumns).from(o).where(where).orderBy(asc(o.nameKey), asc(o.id)).limit(limit).offset(offset).all()
  const noEmail = and(where, or(isNull(o.email), eq(o.email, '')))
  const withoutEmailCount = db.select({ n: count() }).from(o).where(noEmail).get()?.n ?? 0
  const withoutEmail = db.select(previewColumns).from(o).where(noEmail).orderBy(asc(o.nameKey), asc(o.id)).limit(withoutEmailLimit).all()
  const byKind = db.select({ kind: o.kind, n: count() }).from(o).where(where).groupBy(o.kind).all()
  return { total, rows, page, pages: pageCount(total), withoutEmail, withoutEmailCount, byKind }
}

/** The document a distribution carries, as its e-mails and pages name it. */
export function distributedDocument(
  tx: Db | Tx,
  documentId: number,
): (DistributedDocument & { documentId: number; bodyId: number }) | undefined {
  const row = tx
    .select({ documentId: d.id, bodyId: d.bodyId, title: rc.title, number: rc.number, bodyName: schema.bodies.name, convener: o.name })
    .from(d)
    .innerJoin(rc, eq(rc.id, d.id))
    .innerJoin(schema.bodies, eq(schema.bodies.id, d.bodyId))
    .innerJoin(o, eq(o.id, schema.bodies.conveningOrganisationId))
    .where(eq(d.id, documentId))
    .get()
  return row
}

export type SendResult =
  | { ok: true; distributionId: number; recipients: number; mailed: number; withoutEmail: number }
  | { ok: false; error: 'distribution.error.notPublished' | 'distribution.error.nobody' }

/** How many messages one delivery job sends: a job that fails halfway is retried for its own messages only. */
const DELIVERY_BATCH = 200

const DAY = 24 * 3600 * 1000

/**
 * Sends published recommendations to the target's institutions. In one transaction: the
 * recipient list is frozen (each keeps the name, address and e-mail the directory has now),
 * each recipient with an address gets its own link and its e-mail in the outbox, the
 * deliveries and every recipient's first reminder are queued, and the audit row is written.
 * Delivery itself runs from the job queue, so the officer's request does not wait for SMTP.
 */
export function sendDistribution({
  documentId,
  target,
  settings,
  actor,
  origin,
  now = new Date(),
}: {
  documentId: number
  target: DistributionTarget
  settings: DistributionSettings
  actor: Actor
  origin: string
  now?: Date
}): SendResult {
  return db.transaction((tx): SendResult => {
    const state = tx.select({ state: d.state }).from(d).where(eq(d.id, documentId)).get()?.state
    if (state !== 'published') return { ok: false, error: 'distribution.error.notPublished' }
    const document = distributedDocument(tx, documentId)!
    const institutions = tx
      .select({ ...previewColumns, street: o.street, postalCode: o.postalCode })
      .from(o)
      .where(targetCondition(target))
      .orderBy(asc(o.nameKey), asc(o.id))
      .all()
    if (institutions.length === 0) return { ok: false, error: 'distribution.error.nobody' }
    const sentAt = now.toISOString()
    const { id: distributionId } = tx
      .insert(dist)
      .values({
        documentId,
        kinds: JSON.stringify(target.kind),
        regionCodes: JSON.stringify([...target.voivodeship, ...target.county, ...target.municipality]),
        includedIds: JSON.stringify(target.include),
        excludedIds: JSON.stringify(target.exclude),
        ...settings,
        recipientCount: institutions.length,
        sentAt,
        sentByUserId: actor.userId,
      })
      .returning({ id: dist.id })
      .get()
    const outboxIds: number[] = []
    const firstReminder = new Date(now.getTime() + settings.remindAfterDays * DAY).toISOString()
    // Thousands of rows of the same four statements: each is prepared once.
    const ph = (name: string) => sql.placeholder(name)
    const insertMail = tx
      .insert(schema.outbox)
      .values({ to: ph('to'), subject: ph('subject'), text: ph('text') })
      .returning({ id: schema.outbox.id })
      .prepare()
    const insertRecipient = tx
      .insert(rcp)
      .values({
        distributionId,
        organisationId: ph('organisationId'),
        kind: ph('kind'),
        name: ph('name'),
        street: ph('street'),
        postalCode: ph('postalCode'),
        city: ph('city'),
        municipalityCode: ph('municipalityCode'),
        countyCode: ph('countyCode'),
        email: ph('email'),
        state: ph('state'),
        sendError: ph('sendError'),
        sentAt: ph('sentAt'),
        outboxId: ph('outboxId'),
      })
      .returning({ id: rcp.id })
      .prepare()
    const insertLink = tx
      .insert(links)
      .values({ recipientId: ph('recipientId'), tokenHash: ph('tokenHash'), createdAt: sentAt })
      .prepare()
    const insertReminder = tx
      .insert(schema.jobs)
      .values({ kind: 'distribution.reminder', key: ph('key'), payload: ph('payload'), runAt: firstReminder })
      .onConflictDoNothing({ target: schema.jobs.key })
      .prepare()
    for (const institution of institutions) {
      const email = institution.email?.trim() || null
      const token = email ? newLinkToken() : null
      let outboxId: number | null = null
      if (email && token) {
        const message = distributionMessage({ document, recipient: { name: institution.name, email }, link: `${origin}/delivery/${token}` })
        outboxId = insertMail.get({ to: formatAddress(message.to), subject: message.subject, text: message.text })!.id
        outboxIds.push(outboxId)
      }
      const { id: recipientId } = insertRecipient.get({
        organisationId: institution.id,
        kind: institution.kind,
        name: institution.name,
        street: institution.street,
        postalCode: institution.postalCode,
        city: institution.city,
        municipalityCode: institution.municipalityCode,
        countyCode: institution.municipalityCode.slice(0, 4),
        email,
        state: email ? 'sent' : 'not_sent',
        sendError: email ? null : 'noEmail',
        sentAt: email ? sentAt : null,
        outboxId,
      })!
      if (!token) continue
      insertLink.run({ recipientId, tokenHash: hashLinkToken(token) })
      if (settings.maxReminders > 0)
        insertReminder.run({ key: reminderKey(recipientId, 1), payload: JSON.stringify({ recipientId, reminder: 1, origin }) })
    }
    queueDeliveries(tx, outboxIds, now)
    recordAudit(tx, {
      actorUserId: actor.userId,
      ip: actor.ip,
      action: 'distribution.sent',
      entityType: 'distribution',
      entityId: distributionId,
      after: { documentId, target, settings, recipients: institutions.length, mailed: outboxIds.length },
    })
    return {
      ok: true,
      distributionId,
      recipients: institutions.length,
      mailed: outboxIds.length,
      withoutEmail: institutions.length - outboxIds.length,
    }
  })
}

/** One reminder of one recipient is one job, whoever queues it and however often. */
export const reminderKey = (recipientId: number, reminder: number) => `distribution.reminder:${recipientId}:${reminder}`

/** Queues the delivery of outbox messages in batches, each batch a job of its own. */
export function queueDeliveries(tx: Db | Tx, outboxIds: number[], now = new Date()) {
  for (let i = 0; i < outboxIds.length; i += DELIVERY_BATCH) {
    const batch = outboxIds.slice(i, i + DELIVERY_BATCH)
    enqueueJob(tx, { kind: 'mail.deliver', key: `mail.deliver:${batch[0]}-${batch.at(-1)}`, payload: { outboxIds: batch }, runAt: now })
  }
}

/** The distributions of one document, newest first, with their counts by state. */
export function listDistributions({ documentId }: { documentId: number }) {
  const rows = db
    .select({ id: dist.id, sentAt: dist.sentAt, recipientCount: dist.recipientCount, kinds: dist.kinds, regionCodes: dist.regionCodes })
    .from(dist)
    .where(eq(dist.documentId, documentId))
    .orderBy(desc(dist.sentAt), desc(dist.id))
    .limit(100)
    .all()
  const ids = rows.map((r) => r.id)
  const confirmed = ids.length
    ? db
        .select({ id: rcp.distributionId, n: count() })
        .from(rcp)
        .where(and(inArray(rcp.distributionId, ids), inArray(rcp.state, ['confirmed', 'reported'])))
        .groupBy(rcp.distributionId)
        .all()
    : []
  const confirmedOf = new Map(confirmed.map((c) => [c.id, c.n]))
  return rows.map((row) => ({
    ...row,
    kinds: JSON.parse(row.kinds) as OrganisationKind[],
    regionCodes: JSON.parse(row.regionCodes) as string[],
    confirmed: confirmedOf.get(row.id) ?? 0,
  }))
}

export function getDistribution({ id }: { id: number }) {
  const row = db.select().from(dist).where(eq(dist.id, id)).get()
  if (!row) return undefined
  return {
    ...row,
    kinds: JSON.parse(row.kinds) as OrganisationKind[],
    regionCodes: JSON.parse(row.regionCodes) as string[],
    includedIds: JSON.parse(row.includedIds) as number[],
    excludedIds: JSON.parse(row.excludedIds) as number[],
  }
}
