import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm'
import { z } from 'zod'
import { agreementStates, type AgreementState } from '#db/schema/enums'
import type { SessionUser } from '~/auth/session.server'
import { db, schema } from '~/db.server'
import { escapeLike, foldText } from '~/utils/text'
import { warsawDay } from '~/utils/time'
import { managedBodyIds } from '../body-access.server'
import { isPublishedState } from '../document/kinds'
import { EXPIRY_NOTICE_DAYS } from './expiry.server'

const ag = schema.agreements
const d = schema.documents
const parties = schema.agreementParties
const o = schema.organisations
const DAY = 24 * 3600 * 1000
export const REGISTER_PAGE_SIZE = 50

export const agreementValidities = ['current', 'expiring', 'ended', 'indefinite'] as const
export type AgreementValidity = (typeof agreementValidities)[number]

/** The register's filters from the query string; anything unreadable is no filter. */
export const RegisterFilterSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  county: z
    .string()
    .regex(/^\d{4}$/)
    .optional()
    .catch(undefined),
  state: z.enum(agreementStates).optional().catch(undefined),
  validity: z.enum(agreementValidities).optional().catch(undefined),
  page: z.coerce.number().int().positive().max(10_000).optional().catch(undefined),
})
export type RegisterFilter = z.infer<typeof RegisterFilterSchema>

export type RegisterRow = {
  id: number
  number: string
  title: string
  state: AgreementState
  validFrom: string
  validTo: string | null
  concludedOn: string | null
  bodyName: string
  parties: string[]
  /** Signed and ending within 30 days. */
  expiringSoon: boolean
}

const published = sql.raw(
  `(${agreementStates
    .filter((s) => isPublishedState('agreement', s))
    .map((s) => `'${s}'`)
    .join(', ')})`,
)

/**
 * What of the register the user sees: signed agreements whose parties publish them, to anyone;
 * and to the signed-in, those of the teams they convene and those their own institution is a party to.
 */
function visibleCondition(user: SessionUser | null): SQL {
  const open = sql`${d.visibility} = 'public' and ${d.state} in ${published}`
  if (user?.role === 'admin') return sql`1 = 1`
  if (!user) return open
  const conditions = [open]
  const managed = managedBodyIds(user)
  if (managed.length) conditions.push(inArray(d.bodyId, managed))
  if (user.personId)
    conditions.push(
      sql`exists (select 1 from agreement_parties p join people pe on pe.organisation_id = p.organisation_id where p.agreement_id = ${ag.id} and pe.id = ${user.personId})`,
    )
  return or(...conditions)!
}

function filterConditions(filter: RegisterFilter, today: string): SQL[] {
  const conditions: SQL[] = []
  const words = foldText(filter.q ?? '')
    .split(' ')
    .filter(Boolean)
  for (const word of words)
    conditions.push(
      sql`(exists (select 1 from agreement_parties p join organisations po on po.id = p.organisation_id where p.agreement_id = ${ag.id} and po.search_text like ${`%${escapeLike(word)}%`} escape '\\') or lower(${ag.number}) like ${`%${escapeLike(word)}%`} escape '\\')`,
    )
  if (filter.county)
    conditions.push(
      sql`exists (select 1 from agreement_parties p join organisations po on po.id = p.organisation_id where p.agreement_id = ${ag.id} and po.municipality_code >= ${filter.county} and po.municipality_code < ${`${filter.county}~`})`,
    )
  if (filter.state) conditions.push(eq(d.state, filter.state))
  const soon = warsawDay(new Date(Date.parse(`${today}T12:00:00Z`) + EXPIRY_NOTICE_DAYS * DAY))
  switch (filter.validity) {
    case 'current':
      conditions.push(sql`${d.state} = 'signed' and ${ag.validFrom} <= ${today} and (${ag.validTo} is null or ${ag.validTo} >= ${today})`)
      break
    case 'expiring':
      conditions.push(sql`${d.state} = 'signed' and ${ag.validTo} between ${today} and ${soon}`)
      break
    case 'ended':
      conditions.push(sql`(${d.state} in ('expired', 'terminated') or ${ag.validTo} < ${today})`)
      break
    case 'indefinite':
      conditions.push(sql`${ag.validTo} is null`)
      break
  }
  return conditions
}

/** One page of the register, newest first, paged in SQL; one more row is read to know whether a next page exists. */
export function listAgreements({ user, filter, now = new Date() }: { user: SessionUser | null; filter: RegisterFilter; now?: Date }) {
  const today = warsawDay(now)
  const page = filter.page ?? 1
  const rows = db
    .select({
      id: ag.id,
      number: ag.number,
      title: ag.title,
      state: d.state,
      validFrom: ag.validFrom,
      validTo: ag.validTo,
      concludedOn: ag.concludedOn,
      bodyName: schema.bodies.name,
    })
    .from(ag)
    .innerJoin(d, eq(d.id, ag.id))
    .innerJoin(schema.bodies, eq(schema.bodies.id, d.bodyId))
    // The kind first: documents are mostly minutes, and the index on kind keeps them out of the search.
    .where(and(eq(d.kind, 'agreement'), visibleCondition(user), ...filterConditions(filter, today)))
    .orderBy(desc(ag.id))
    .limit(REGISTER_PAGE_SIZE + 1)
    .offset((page - 1) * REGISTER_PAGE_SIZE)
    .all()
  const shown = rows.slice(0, REGISTER_PAGE_SIZE)
  const names = shown.length
    ? db
        .select({ agreementId: parties.agreementId, name: o.name })
        .from(parties)
        .innerJoin(o, eq(o.id, parties.organisationId))
        .where(
          inArray(
            parties.agreementId,
            shown.map((row) => row.id),
          ),
        )
        .orderBy(parties.agreementId, parties.position)
        .all()
    : []
  const soon = warsawDay(new Date(now.getTime() + EXPIRY_NOTICE_DAYS * DAY))
  const result: RegisterRow[] = shown.map((row) => ({
    ...row,
    state: row.state as AgreementState,
    parties: names.filter((n) => n.agreementId === row.id).map((n) => n.name),
    expiringSoon: row.state === 'signed' && !!row.validTo && row.validTo >= today && row.validTo <= soon,
  }))
  return { rows: result, page, hasNext: rows.length > REGISTER_PAGE_SIZE }
}

/** The signed agreements a team's parties publish, newest first: the public portal's list. */
export function publishedAgreements({ limit = 10 }: { limit?: number } = {}) {
  return db
    .select({ id: ag.id, number: ag.number, title: ag.title, concludedOn: ag.concludedOn, state: d.state })
    .from(ag)
    .innerJoin(d, eq(d.id, ag.id))
    .where(sql`${d.kind} = 'agreement' and ${d.visibility} = 'public' and ${d.state} in ${published}`)
    .orderBy(desc(d.publishedAt))
    .limit(limit)
    .all()
}

/** The counties the register's parties are in, for its filter: a short list, never the whole register. */
export function agreementCounties(): { code: string; name: string }[] {
  return db
    .select({ code: schema.counties.code, name: schema.counties.name })
    .from(schema.counties)
    .where(
      sql`${schema.counties.code} in (select distinct substr(po.municipality_code, 1, 4) from agreement_parties p join organisations po on po.id = p.organisation_id)`,
    )
    .orderBy(schema.counties.name)
    .all()
}
