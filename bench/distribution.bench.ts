import './support/setup'
import { sql } from 'drizzle-orm'
import { bench, describe } from 'vitest'
import { organisationKinds } from '#db/schema/enums'
import { db, schema } from '~/db.server'
import { SYSTEM_ACTOR } from '~/models/audit.server'
import { previewDistribution, sendDistribution } from '~/models/distribution.server'
import { DEFAULT_DISTRIBUTION_SETTINGS, type DistributionTarget } from '~/schemas/distribution'
import { seedOrganisations } from './support/organisations'

// Issue 8's target: a distribution to 5,000 institutions frozen and queued in under a second.
// The baseline is a distribution to 50 institutions sent the same way, in the same run.
const TIMING = { time: 5_000, warmupIterations: 1, iterations: 5 }

// 5,000 current institutions (the generator archives about one in twenty), each with an address.
seedOrganisations(5_265)
db.update(schema.organisations)
  .set({ email: sql`'org' || ${schema.organisations.id} || '@bench.invalid'` })
  .run()
const everyone: DistributionTarget = {
  kind: [...organisationKinds],
  voivodeship: db
    .select({ code: schema.voivodeships.code })
    .from(schema.voivodeships)
    .all()
    .map((v) => v.code),
  county: [],
  municipality: [],
  include: [],
  exclude: [],
}
const fifty: DistributionTarget = {
  ...everyone,
  kind: [],
  voivodeship: [],
  include: db
    .select({ id: schema.organisations.id })
    .from(schema.organisations)
    .limit(50)
    .all()
    .map((o) => o.id),
}

/** A published document to send: its team convened by one of the institutions. */
function publishedDocument(): number {
  const convener = db.select({ id: schema.organisations.id }).from(schema.organisations).limit(1).get()!.id
  const body = db
    .insert(schema.bodies)
    .values({ name: 'Zespół do benchmarku', kind: 'working_group', conveningOrganisationId: convener })
    .returning({ id: schema.bodies.id })
    .get()
  const document = db
    .insert(schema.documents)
    .values({ kind: 'recommendation', bodyId: body.id, state: 'published', visibility: 'public', publishedAt: new Date().toISOString() })
    .returning({ id: schema.documents.id })
    .get()
  db.insert(schema.recommendations).values({ id: document.id, title: 'Rekomendacje do benchmarku', number: 'REK/1/2026' }).run()
  return document.id
}
const documentId = publishedDocument()
const send = (target: DistributionTarget) => {
  const sent = sendDistribution({
    documentId,
    target,
    settings: DEFAULT_DISTRIBUTION_SETTINGS,
    actor: SYSTEM_ACTOR,
    origin: 'http://localhost',
  })
  if (!sent.ok) throw new Error(sent.error)
  return sent
}

const started = performance.now()
const first = send(everyone)
console.log(
  `Distribution: ${first.recipients} recipients frozen, ${first.mailed} e-mails and their reminders queued in ${Math.round(performance.now() - started)} ms (target: under 1,000 ms)`,
)

describe('sending a distribution', () => {
  bench('to 50 institutions (baseline)', () => void send(fifty), TIMING)
  bench(`to ${first.recipients} institutions`, () => void send(everyone), TIMING)
})

describe('previewing a distribution', () => {
  bench('50 institutions (baseline)', () => void previewDistribution({ target: fifty }), TIMING)
  bench(`${first.recipients} institutions, first page`, () => void previewDistribution({ target: everyone }), TIMING)
})
