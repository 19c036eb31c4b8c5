import { eq, like } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { createInvitationScene, createTestOrganisation } from '#tests/support/invitations'
import { publishedRecommendation } from '#tests/support/published-recommendation'
import { db, schema } from '~/db.server'
import { registerJobHandlers } from '~/jobs/handlers.server'
import { runDueJobs } from '~/jobs/queue.server'
import { DEFAULT_DISTRIBUTION_SETTINGS, type DistributionTarget } from '~/schemas/distribution'
import { confirmReceipt, fileReport, recipientByToken } from './distribution-recipient.server'
import { previewDistribution, sendDistribution } from './distribution.server'

type Scene = Awaited<ReturnType<typeof createInvitationScene>>

const DAY = 24 * 3600 * 1000
const origin = 'http://localhost'
const target = (t: Partial<DistributionTarget>): DistributionTarget => ({
  kind: [],
  voivodeship: [],
  county: [],
  municipality: [],
  include: [],
  exclude: [],
  ...t,
})

let scene: Scene
let documentId: number
const actor = () => ({ userId: scene.accounts.officer.user.id, ip: null })

// Two counties of Podkarpacie (18) and one of Lubusz (08), each with an OPS and a PUP; codes from the register.
const places = { krosno: '1861011', sanok: '1817011', zielonaGora: '0862011' }
const orgs: Record<string, number> = {}

beforeAll(async () => {
  scene = await createInvitationScene()
  documentId = publishedRecommendation({ bodyId: scene.bodyId, bodyName: 'Zespół testowy', meetingId: scene.meetingId } as never, {
    code: `DIST-${Date.now()}`,
    sha256: 'a'.repeat(64),
  })
  const tag = Date.now()
  for (const [place, code] of Object.entries(places)) {
    orgs[`ops-${place}`] = createTestOrganisation(`OPS ${place} ${tag}`, {
      kind: 'ops',
      municipalityCode: code,
      email: `ops-${place}-${tag}@test.invalid`,
    })
    orgs[`pup-${place}`] = createTestOrganisation(`PUP ${place} ${tag}`, {
      kind: 'pup',
      municipalityCode: code,
      email: `pup-${place}-${tag}@test.invalid`,
    })
    orgs[`pcpr-${place}`] = createTestOrganisation(`PCPR ${place} ${tag}`, { kind: 'pcpr', municipalityCode: code })
  }
  registerJobHandlers()
})

const recipientsOf = (distributionId: number) =>
  db.select().from(schema.distributionRecipients).where(eq(schema.distributionRecipients.distributionId, distributionId)).all()

/** The personal link of a recipient, as only its e-mail carries it. */
function tokenIn(outboxId: number): string {
  const text = db.select({ text: schema.outbox.text }).from(schema.outbox).where(eq(schema.outbox.id, outboxId)).get()!.text
  return /\/delivery\/([A-Za-z0-9_-]{43})/.exec(text)![1]!
}

describe('choosing the recipients', () => {
  it('reaches exactly the OPS and PUP of two named counties, plus one added and minus one left out', () => {
    const counties = [places.krosno.slice(0, 4), places.sanok.slice(0, 4)]
    const preview = previewDistribution({ target: target({ kind: ['ops', 'pup'], county: counties }) })
    const ours = (ids: number[]) => ids.filter((id) => Object.values(orgs).includes(id))
    expect(ours(preview.rows.map((r) => r.id)).sort()).toEqual(
      [orgs['ops-krosno'], orgs['pup-krosno'], orgs['ops-sanok'], orgs['pup-sanok']].sort(),
    )
    const narrowed = previewDistribution({
      target: target({ kind: ['ops', 'pup'], county: counties, include: [orgs['pcpr-zielonaGora']!], exclude: [orgs['pup-sanok']!] }),
    })
    expect(ours(narrowed.rows.map((r) => r.id)).sort()).toEqual(
      [orgs['ops-krosno'], orgs['pup-krosno'], orgs['ops-sanok'], orgs['pcpr-zielonaGora']].sort(),
    )
    // The PCPR of Zielona Góra has no address: the preview names it.
    expect(narrowed.withoutEmail.map((o) => o.id)).toContain(orgs['pcpr-zielonaGora'])
  })

  it('takes a whole voivodeship by its code', () => {
    const preview = previewDistribution({ target: target({ kind: ['pcpr'], voivodeship: ['08'] }) })
    expect(preview.rows.map((r) => r.id)).toContain(orgs['pcpr-zielonaGora'])
    expect(preview.rows.map((r) => r.id)).not.toContain(orgs['pcpr-krosno'])
  })
})

describe('sending', () => {
  it('freezes the list, gives each addressed recipient its own link and e-mail, and queues deliveries and reminders', () => {
    const sent = sendDistribution({
      documentId,
      target: target({ include: [orgs['ops-krosno']!, orgs['pcpr-krosno']!] }),
      settings: DEFAULT_DISTRIBUTION_SETTINGS,
      actor: actor(),
      origin,
    })
    if (!sent.ok) throw new Error(sent.error)
    expect(sent).toMatchObject({ recipients: 2, mailed: 1, withoutEmail: 1 })
    const [ops, pcpr] = [...recipientsOf(sent.distributionId)].sort((a, b) => a.kind.localeCompare(b.kind))
    expect(ops).toMatchObject({ kind: 'ops', state: 'sent', countyCode: '1861' })
    expect(pcpr).toMatchObject({ kind: 'pcpr', state: 'not_sent', sendError: 'noEmail', outboxId: null })

    // The directory changes later; the recipient keeps what it was sent as.
    db.update(schema.organisations)
      .set({ name: 'Nowa nazwa OPS', email: 'inny@test.invalid' })
      .where(eq(schema.organisations.id, orgs['ops-krosno']!))
      .run()
    const kept = recipientsOf(sent.distributionId).find((r) => r.kind === 'ops')!
    expect(kept.name).toMatch(/^OPS krosno /)
    expect(kept.email).toMatch(/^ops-krosno-/)

    const token = tokenIn(ops!.outboxId!)
    expect(recipientByToken({ token })?.id).toBe(ops!.id)
    // Only the token's hash is kept.
    expect(JSON.stringify(db.select().from(schema.distributionLinks).all())).not.toContain(token)
    const jobs = db
      .select({ kind: schema.jobs.kind, key: schema.jobs.key })
      .from(schema.jobs)
      .where(like(schema.jobs.key, `%:${ops!.id}:%`))
      .all()
    expect(jobs).toEqual([{ kind: 'distribution.reminder', key: `distribution.reminder:${ops!.id}:1` }])
  })

  it('refuses a document that is not published, and a target that reaches nobody', () => {
    const draft = db.insert(schema.documents).values({ kind: 'recommendation', bodyId: scene.bodyId, state: 'adopted' }).returning().get()
    db.insert(schema.recommendations).values({ id: draft.id, title: 'Przyjęte, nieopublikowane' }).run()
    expect(
      sendDistribution({
        documentId: draft.id,
        target: target({ include: [orgs['ops-sanok']!] }),
        settings: DEFAULT_DISTRIBUTION_SETTINGS,
        actor: actor(),
        origin,
      }),
    ).toEqual({
      ok: false,
      error: 'distribution.error.notPublished',
    })
    expect(
      sendDistribution({ documentId, target: target({ kind: ['ops'] }), settings: DEFAULT_DISTRIBUTION_SETTINGS, actor: actor(), origin }),
    ).toEqual({
      ok: false,
      error: 'distribution.error.nobody',
    })
  })
})

describe('receipt, reports and reminders', () => {
  it('reminds the unconfirmed once per reminder, however often the queue runs, and never the confirmed', async () => {
    const sent = sendDistribution({
      documentId,
      target: target({ include: [orgs['ops-sanok']!, orgs['pup-sanok']!] }),
      settings: { remindAfterDays: 3, remindEveryDays: 2, maxReminders: 2, escalateAfterDays: 10 },
      actor: actor(),
      origin,
    })
    if (!sent.ok) throw new Error(sent.error)
    const [ops, pup] = [...recipientsOf(sent.distributionId)].sort((a, b) => a.kind.localeCompare(b.kind))
    expect(confirmReceipt({ id: pup!.id, name: 'Ewa Nowak', position: 'dyrektor', userId: null, actor: actor() })).toEqual({ ok: true })
    expect(confirmReceipt({ id: pup!.id, name: 'Ktoś Inny', position: 'x', userId: null, actor: actor() })).toEqual({
      ok: false,
      error: 'distribution.error.alreadyConfirmed',
    })

    const reminders = () =>
      db
        .select()
        .from(schema.outbox)
        .where(like(schema.outbox.subject, 'Przypomnienie:%'))
        .all()
        .filter((m) => m.to.includes(ops!.email!) || m.to.includes(pup!.email!))
    const start = new Date()
    // Before the first reminder is due nothing is sent; a worker that runs again and again sends each reminder once.
    await runDueJobs({ owner: 'a', now: new Date(start.getTime() + 2 * DAY) })
    expect(reminders()).toHaveLength(0)
    for (const owner of ['a', 'b', 'a']) await runDueJobs({ owner, now: new Date(start.getTime() + 3.5 * DAY) })
    expect(reminders().map((m) => m.to)).toEqual([expect.stringContaining(ops!.email!)])
    for (const owner of ['b', 'a']) await runDueJobs({ owner, now: new Date(start.getTime() + 6 * DAY) })
    expect(reminders()).toHaveLength(2)
    // The most it is told to send: no third reminder.
    await runDueJobs({ owner: 'a', now: new Date(start.getTime() + 30 * DAY) })
    expect(reminders()).toHaveLength(2)
    expect(recipientsOf(sent.distributionId).find((r) => r.id === ops!.id)).toMatchObject({ remindersSent: 2 })
    // Each reminder's link opens the same delivery.
    const second = reminders().at(-1)!
    expect(recipientByToken({ token: /\/delivery\/([A-Za-z0-9_-]{43})/.exec(second.text)![1]! })?.id).toBe(ops!.id)

    expect(
      fileReport({ id: ops!.id, status: 'planned', text: 'Plan.', name: 'Jan', position: null, userId: null, file: null, actor: actor() }),
    ).toEqual({
      ok: false,
      error: 'distribution.error.notConfirmed',
    })
    const first = fileReport({
      id: pup!.id,
      status: 'in_progress',
      text: 'Zaczęliśmy.',
      name: 'Ewa Nowak',
      position: 'dyrektor',
      userId: null,
      file: null,
      actor: actor(),
    })
    const again = fileReport({
      id: pup!.id,
      status: 'implemented',
      text: 'Wdrożone.',
      name: 'Ewa Nowak',
      position: 'dyrektor',
      userId: null,
      file: null,
      actor: actor(),
    })
    expect(first.ok && again.ok).toBe(true)
    expect(db.select().from(schema.distributionReports).where(eq(schema.distributionReports.recipientId, pup!.id)).all()).toHaveLength(2)
    expect(recipientsOf(sent.distributionId).find((r) => r.id === pup!.id)).toMatchObject({
      state: 'reported',
      lastReportStatus: 'implemented',
    })
  })
})
