/**
 * Issue 8's scale in the regional dataset: a recommendation of the officer's biggest team,
 * published and distributed to every institution of the dataset (about 5,000), with a spread of
 * opened, confirmed and reported recipients written through the recipient model, as the
 * dashboard, /inbox and a delivery link are measured on it.
 */
import crypto from 'node:crypto'
import { and, eq, isNull, like } from 'drizzle-orm'
import { organisationKinds, type ImplementationStatus } from '#db/schema/enums'
import { db, schema, sqlite } from '~/db.server'
import { SYSTEM_ACTOR } from '~/models/audit.server'
import { confirmReceipt, fileReport, markOpened } from '~/models/distribution-recipient.server'
import { hashLinkToken, newLinkToken, sendDistribution } from '~/models/distribution.server'

const DAY = 24 * 3600 * 1000

/** A number in [0, 1) fixed by the recipient: the same dataset on every run. */
const share = (id: number, salt: string) => crypto.createHash('sha256').update(`${salt}:${id}`).digest().readUInt32BE(0) / 2 ** 32

const STATUSES: ImplementationStatus[] = ['planned', 'in_progress', 'implemented', 'not_applicable']

export type BenchDistribution = {
  recommendationId: number
  distributionId: number
  recipients: number
  /** The member's institution as a recipient: /inbox/:id. */
  memberRecipientId: number
  /** A confirmed recipient with reports, for its record page. */
  reportedRecipientId: number
  /** A personal link of that recipient (a benchmark database only keeps it). */
  deliveryToken: string
}

export function distributeToRegion({
  bodyId,
  memberOrganisationId,
  reference,
}: {
  bodyId: number
  memberOrganisationId: number
  reference: Date
}): BenchDistribution {
  const publishedAt = new Date(reference.getTime() - 90 * DAY)
  const recommendationId = db.transaction((tx) => {
    const document = tx
      .insert(schema.documents)
      .values({ kind: 'recommendation', bodyId, state: 'published', visibility: 'public', publishedAt: publishedAt.toISOString() })
      .returning({ id: schema.documents.id })
      .get()
    tx.insert(schema.recommendations)
      .values({
        id: document.id,
        title: 'Rekomendacje w sprawie współpracy ośrodków pomocy społecznej z urzędami pracy',
        number: 'REK/1/bench',
      })
      .run()
    return document.id
  })
  const voivodeships = db
    .selectDistinct({ code: schema.counties.voivodeshipCode })
    .from(schema.organisations)
    .innerJoin(schema.municipalities, eq(schema.municipalities.code, schema.organisations.municipalityCode))
    .innerJoin(schema.counties, eq(schema.counties.code, schema.municipalities.countyCode))
    .all()
    .map((v) => v.code)
  const sentAt = new Date(publishedAt.getTime() + DAY)
  // The member's institution is reached by e-mail, whatever the generator drew for it.
  db.update(schema.organisations)
    .set({ email: 'sekretariat@mops.tarnow.bench.invalid' })
    .where(and(eq(schema.organisations.id, memberOrganisationId), isNull(schema.organisations.email)))
    .run()
  const sent = sendDistribution({
    documentId: recommendationId,
    target: { kind: [...organisationKinds], voivodeship: voivodeships, county: [], municipality: [], include: [], exclude: [] },
    settings: { remindAfterDays: 14, remindEveryDays: 14, maxReminders: 2, escalateAfterDays: 45 },
    actor: SYSTEM_ACTOR,
    origin: 'http://localhost',
    now: sentAt,
  })
  if (!sent.ok) throw new Error(`Benchmark distribution: ${sent.error}`)

  const rcp = schema.distributionRecipients
  const recipients = db
    .select({ id: rcp.id, state: rcp.state, organisationId: rcp.organisationId })
    .from(rcp)
    .where(eq(rcp.distributionId, sent.distributionId))
    .all()
  let reportedRecipientId = 0
  sqlite.transaction(() => {
    for (const { id, state, organisationId } of recipients) {
      if (state !== 'sent') continue
      const r = organisationId === memberOrganisationId ? 0.99 : share(id, 'path')
      if (r < 0.1) continue
      const opened = new Date(sentAt.getTime() + (1 + share(id, 'opened') * 12) * DAY)
      markOpened({ id, by: null, now: opened })
      if (r < 0.25) continue
      const confirmed = new Date(opened.getTime() + share(id, 'confirmed') * 6 * DAY)
      confirmReceipt({
        id,
        name: 'Osoba potwierdzająca (benchmark)',
        position: 'kierownik',
        userId: null,
        actor: SYSTEM_ACTOR,
        now: confirmed,
      })
      if (r < 0.65) continue
      const status = STATUSES[Math.floor(share(id, 'status') * STATUSES.length)]!
      const report = (when: Date) =>
        fileReport({
          id,
          status,
          text: 'Sprawozdanie z wdrażania rekomendacji (benchmark): omówiliśmy je na naradzie kadry i wyznaczyliśmy koordynatora.',
          name: 'Osoba sprawozdająca (benchmark)',
          position: 'kierownik',
          userId: null,
          file: null,
          actor: SYSTEM_ACTOR,
          now: when,
        })
      report(new Date(confirmed.getTime() + 20 * DAY))
      if (share(id, 'again') < 0.3) report(new Date(confirmed.getTime() + 50 * DAY))
      if (!reportedRecipientId && organisationId !== memberOrganisationId) reportedRecipientId = id
    }
  })()
  // The dataset's addresses are invented: nothing is to be delivered or reminded from it.
  const done = reference.toISOString()
  db.update(schema.jobs).set({ doneAt: done }).where(like(schema.jobs.key, 'distribution.reminder:%')).run()
  db.update(schema.jobs).set({ doneAt: done }).where(like(schema.jobs.key, 'mail.deliver:%')).run()

  const member = db
    .select({ id: rcp.id })
    .from(rcp)
    .where(and(eq(rcp.distributionId, sent.distributionId), eq(rcp.organisationId, memberOrganisationId)))
    .get()
  if (!member) throw new Error('The member’s institution is not among the recipients')
  // Only hashes are kept; a known link of one recipient is added beside its own.
  const deliveryToken = newLinkToken()
  db.insert(schema.distributionLinks)
    .values({ recipientId: reportedRecipientId, tokenHash: hashLinkToken(deliveryToken) })
    .run()
  return {
    recommendationId,
    distributionId: sent.distributionId,
    recipients: sent.recipients,
    memberRecipientId: member.id,
    reportedRecipientId,
    deliveryToken,
  }
}
