import { and, asc, count, eq, gte, inArray, isNotNull, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm'
import type { SelectedFields } from 'drizzle-orm/sqlite-core'
import { db, schema } from '~/db.server'
import type { OrganisationFilter, OrganisationInput } from '~/schemas/directory'
import { pageCount, pageSlice } from '~/utils/paging'
import { escapeLike, foldText } from '~/utils/text'
import { diffFields, recordAudit, type Actor } from './audit.server'

const o = schema.organisations
const place = {
  municipality: schema.municipalities.name,
  county: schema.counties.name,
  countyCode: schema.counties.code,
  voivodeship: schema.voivodeships.name,
  voivodeshipCode: schema.voivodeships.code,
}

function withPlace<T extends SelectedFields>(columns: T) {
  return db
    .select({ ...columns, ...place })
    .from(o)
    .innerJoin(schema.municipalities, eq(schema.municipalities.code, o.municipalityCode))
    .innerJoin(schema.counties, eq(schema.counties.code, schema.municipalities.countyCode))
    .innerJoin(schema.voivodeships, eq(schema.voivodeships.code, schema.counties.voivodeshipCode))
}

/** The first code after every code that begins with `prefix`: „3201” → „3202”. */
function nextCode(prefix: string): string {
  return String(Number(prefix) + 1).padStart(prefix.length, '0')
}

function filterConditions(filter: OrganisationFilter): SQL | undefined {
  // A TERYT municipality code begins with its county's code: a county is a range of the
  // institution's own column, which the municipality index serves, and needs no join.
  const places = [
    ...(filter.county ?? []).map((county) => and(gte(o.municipalityCode, county), lt(o.municipalityCode, nextCode(county)))),
    ...(filter.municipality ?? []).map((municipality) => eq(o.municipalityCode, municipality)),
  ]
  // Nearly every institution is current: with places chosen, `+` keeps SQLite from reading all
  // of them by the archived index, and it reads the places' ranges of the municipality index.
  const archivedAt = places.length ? sql`+${o.archivedAt}` : o.archivedAt
  const conditions: (SQL | undefined)[] = [filter.archived ? isNotNull(archivedAt) : isNull(archivedAt)]
  if (filter.kind?.length) conditions.push(inArray(o.kind, filter.kind))
  if (places.length) conditions.push(or(...places))
  const words = filter.q ? foldText(filter.q).split(' ').filter(Boolean) : []
  for (const word of words) conditions.push(sql`${o.searchText} like ${`%${escapeLike(word)}%`} escape '\\'`)
  return and(...conditions)
}

/** One page of the directory under a filter, and how many institutions the filter finds in all. */
export function listOrganisations({ filter }: { filter: OrganisationFilter }) {
  const page = filter.page ?? 1
  const where = filterConditions(filter)
  const { limit, offset } = pageSlice(page)
  const rows = withPlace({ id: o.id, name: o.name, shortName: o.shortName, kind: o.kind, archivedAt: o.archivedAt })
    .where(where)
    .orderBy(asc(o.nameKey), asc(o.id))
    .limit(limit)
    .offset(offset)
    .all()
  const total = db.select({ n: count() }).from(o).where(where).get()?.n ?? 0
  return { rows, total, page, pages: pageCount(total) }
}

/** What an institution's record says, as a file of the directory carries it (the export writes it, the import reads it). */
export const organisationData = {
  name: o.name,
  shortName: o.shortName,
  kind: o.kind,
  municipalityCode: o.municipalityCode,
  street: o.street,
  postalCode: o.postalCode,
  city: o.city,
  email: o.email,
  phone: o.phone,
  website: o.website,
  regon: o.regon,
  nip: o.nip,
}

/** Every institution the filter finds, by name, with what the directory's import reads back (5,000 rows: about a megabyte). */
export function exportOrganisations({ filter }: { filter: OrganisationFilter }) {
  return withPlace(organisationData).where(filterConditions(filter)).orderBy(asc(o.nameKey), asc(o.id)).all()
}

const detailColumns = {
  id: o.id,
  name: o.name,
  shortName: o.shortName,
  kind: o.kind,
  street: o.street,
  postalCode: o.postalCode,
  city: o.city,
  municipalityCode: o.municipalityCode,
  email: o.email,
  phone: o.phone,
  website: o.website,
  regon: o.regon,
  nip: o.nip,
  archivedAt: o.archivedAt,
}

export function getOrganisation({ id }: { id: number }) {
  return withPlace(detailColumns).where(eq(o.id, id)).get()
}

/** Whether an institution exists and is not archived: what every form that names one needs. */
export function isActiveOrganisation({ id }: { id: number }): boolean {
  return !!db
    .select({ id: o.id })
    .from(o)
    .where(and(eq(o.id, id), isNull(o.archivedAt)))
    .get()
}

/** Institutions to choose from in a form: the active ones, by name. */
export function listOrganisationOptions() {
  return db.select({ id: o.id, name: o.name, shortName: o.shortName }).from(o).where(isNull(o.archivedAt)).orderBy(asc(o.nameKey)).all()
}

type Stored = Omit<typeof o.$inferInsert, 'id' | 'createdAt' | 'updatedAt' | 'archivedAt'>

function toRow(input: OrganisationInput): Stored {
  return {
    name: input.name,
    shortName: input.shortName ?? null,
    kind: input.kind,
    street: input.street ?? null,
    postalCode: input.postalCode ?? null,
    city: input.city ?? null,
    municipalityCode: input.municipalityCode,
    email: input.email ?? null,
    phone: input.phone ?? null,
    website: input.website ?? null,
    regon: input.regon ?? null,
    nip: input.nip ?? null,
    searchText: foldText([input.name, input.shortName].filter(Boolean).join(' ')),
    nameKey: foldText(input.name),
  }
}

export type SaveResult = { ok: true; id: number } | { ok: false; fieldErrors: Record<string, string[]> }

/** Problems the schema cannot see: a municipality that is not in the register, a name taken. */
function checkOrganisation(row: Stored, exceptId?: number): SaveResult | null {
  const municipality = db
    .select({ code: schema.municipalities.code })
    .from(schema.municipalities)
    .where(eq(schema.municipalities.code, row.municipalityCode))
    .get()
  if (!municipality) return { ok: false, fieldErrors: { municipalityCode: ['validation.municipality'] } }
  const clash = db
    .select({ id: o.id })
    .from(o)
    .where(and(eq(o.municipalityCode, row.municipalityCode), eq(o.nameKey, row.nameKey), exceptId ? ne(o.id, exceptId) : undefined))
    .get()
  if (clash) return { ok: false, fieldErrors: { name: ['validation.duplicateOrganisation'] } }
  const regonHolder = row.regon
    ? db
        .select({ id: o.id })
        .from(o)
        .where(and(eq(o.regon, row.regon), exceptId ? ne(o.id, exceptId) : undefined))
        .get()
    : undefined
  if (regonHolder) return { ok: false, fieldErrors: { regon: ['validation.regonTaken'] } }
  return null
}

export function createOrganisation({ input, actor }: { input: OrganisationInput; actor: Actor }): SaveResult {
  const row = toRow(input)
  return db.transaction(
    (tx) => {
      const problem = checkOrganisation(row)
      if (problem) return problem
      const { id } = tx.insert(o).values(row).returning({ id: o.id }).get()
      recordAudit(tx, {
        actorUserId: actor.userId,
        ip: actor.ip,
        action: 'organisation.created',
        entityType: 'organisation',
        entityId: id,
        after: auditable(row),
      })
      return { ok: true, id }
    },
    { behavior: 'immediate' },
  )
}

export function updateOrganisation({ id, input, actor }: { id: number; input: OrganisationInput; actor: Actor }): SaveResult {
  const row = toRow(input)
  return db.transaction(
    (tx) => {
      const before = tx.select().from(o).where(eq(o.id, id)).get()
      if (!before) throw new Response('Not Found', { status: 404 })
      const problem = checkOrganisation(row, id)
      if (problem) return problem
      const diff = diffFields(auditable(before), auditable(row))
      if (diff.changed.length === 0) return { ok: true, id }
      tx.update(o)
        .set({ ...row, updatedAt: new Date().toISOString() })
        .where(eq(o.id, id))
        .run()
      recordAudit(tx, {
        actorUserId: actor.userId,
        ip: actor.ip,
        action: 'organisation.updated',
        entityType: 'organisation',
        entityId: id,
        before: diff.before,
        after: diff.after,
      })
      return { ok: true, id }
    },
    { behavior: 'immediate' },
  )
}

export function setOrganisationArchived({ id, archived, actor }: { id: number; archived: boolean; actor: Actor }) {
  db.transaction((tx) => {
    const before = tx.select({ archivedAt: o.archivedAt }).from(o).where(eq(o.id, id)).get()
    if (!before) throw new Response('Not Found', { status: 404 })
    if (!!before.archivedAt === archived) return
    const archivedAt = archived ? new Date().toISOString() : null
    tx.update(o).set({ archivedAt, updatedAt: new Date().toISOString() }).where(eq(o.id, id)).run()
    recordAudit(tx, {
      actorUserId: actor.userId,
      ip: actor.ip,
      action: archived ? 'organisation.archived' : 'organisation.restored',
      entityType: 'organisation',
      entityId: id,
      before: { archivedAt: before.archivedAt },
      after: { archivedAt },
    })
  })
}

/** The fields a reader of the audit log cares about (not the derived search keys). */
function auditable(row: Partial<Stored>) {
  const { searchText: _s, nameKey: _n, ...fields } = row
  return fields as Record<string, unknown>
}
