import { and, eq, inArray, isNull, sql, type Placeholder } from 'drizzle-orm'
import type { OrganisationKind } from '#db/schema/enums'
import { db, schema } from '~/db.server'
import type { MessageKey } from '~/i18n/messages'
import { optionalEmail, optionalPhone, optionalPostalCode, optionalUrl } from '~/schemas/fields'
import { checkNip, checkRegon, digitsOf, type NumberCheck } from '~/utils/regon-nip'
import { readSpreadsheet } from '~/utils/spreadsheet.server'
import { foldText } from '~/utils/text'
import { auditRecorder, type Actor } from './audit.server'
import { columnOf, foldKey, kindOf, type ImportColumn } from './directory-import/columns.server'
import { organisationData } from './organisation.server'

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024
export const IMPORT_MAX_ROWS = 10_000
/** Title lines above the header that a file may have: the header is the first row naming „Nazwa”. */
const HEADER_SEARCH_ROWS = 5

/** What a row says wrong, as a message key and the column it is about. */
export type Problem = { key: MessageKey; column?: ImportColumn; params?: Record<string, string | number> }
export type Choice = 'update' | 'skip'
export type ImportRow = { line: number; values: Partial<Record<ImportColumn, string>> }
/** A file read and kept between the preview and its application, with the choices made on the preview. */
export type ImportFile = {
  fileName: string
  rows: ImportRow[]
  ignoredHeaders: string[]
  choices: { all: Choice; rows: Record<number, Choice> }
}

export type FileReading = { ok: true; file: ImportFile } | { ok: false; problem: Problem }

/** Reads the rows of an import file (XLSX or CSV) by their headers; nothing is checked against the directory yet. */
export async function readImportFile({ bytes, fileName }: { bytes: Buffer; fileName: string }): Promise<FileReading> {
  const sheet = await readSpreadsheet(bytes, { maxRows: IMPORT_MAX_ROWS + HEADER_SEARCH_ROWS })
  if (!sheet.ok && sheet.error === 'spreadsheet.tooManyRows')
    return { ok: false, problem: { key: 'directoryImport.error.tooManyRows', params: { max: IMPORT_MAX_ROWS, count: sheet.rowCount - 1 } } }
  if (!sheet.ok) return { ok: false, problem: { key: sheet.error } }
  const headerAt = sheet.rows.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => row.cells.some((cell) => columnOf(cell) === 'name'))
  if (headerAt < 0) return { ok: false, problem: { key: 'directoryImport.error.noHeader' } }
  const columns = sheet.rows[headerAt]!.cells.map(columnOf)
  const ignoredHeaders = sheet.rows[headerAt]!.cells.filter((cell, i) => cell && (!columns[i] || columns.indexOf(columns[i]) !== i))
  const dataRows = sheet.rows.slice(headerAt + 1)
  if (dataRows.length === 0) return { ok: false, problem: { key: 'directoryImport.error.noRows' } }
  if (dataRows.length > IMPORT_MAX_ROWS)
    return { ok: false, problem: { key: 'directoryImport.error.tooManyRows', params: { max: IMPORT_MAX_ROWS, count: dataRows.length } } }
  const rows = dataRows.map(({ line, cells }) => {
    const values: ImportRow['values'] = {}
    columns.forEach((column, i) => {
      // A cell's line breaks (Alt+Enter in Excel) and runs of spaces become one space; one leading
      // `'` is Excel's mark of text, and what the export writes before a cell that looks like a formula.
      const value = (cells[i] ?? '').replace(/\s+/g, ' ').trim().replace(/^'/, '')
      if (column && value && values[column] === undefined) values[column] = value
    })
    return { line, values }
  })
  return { ok: true, file: { fileName, rows, ignoredHeaders, choices: { all: 'skip', rows: {} } } }
}

// ——— Checking rows ———

type OrgFields = {
  name: string
  shortName?: string
  /** A kind given updates an institution of the directory (on „Zaktualizuj”) like any field; an empty cell leaves it. */
  kind?: OrganisationKind
  municipalityCode: string
  street?: string
  postalCode?: string
  city?: string
  email?: string
  phone?: string
  website?: string
  regon?: string
  nip?: string
}
type PersonFields = { name: string; position?: string; email?: string; phone?: string }
const orgFields = Object.keys(organisationData) as (keyof typeof organisationData)[]
const personFields = ['name', 'position', 'email', 'phone'] as const
export type OrgField = (typeof orgFields)[number]
export type PersonField = (typeof personFields)[number]

type Place = { code: string; municipality: string; county: string }
/** `bySixDigits`: the codes a 6-digit cell may mean, without the kind digit or without a lost leading zero. */
type Register = { byCode: Map<string, Place>; byName: Map<string, Place[]>; bySixDigits: Map<string, string[]> }

const countyKey = (name: string) => foldKey(name).replace(/^(powiat|pow|miasto|m)\s+/, '')
const placeKey = (municipality: string, county: string) => `${foldKey(municipality).replace(/^gmina\s+/, '')}|${countyKey(county)}`

function loadRegister(): Register {
  const places = db
    .select({ code: schema.municipalities.code, municipality: schema.municipalities.name, county: schema.counties.name })
    .from(schema.municipalities)
    .innerJoin(schema.counties, eq(schema.counties.code, schema.municipalities.countyCode))
    .all()
  const byName = new Map<string, Place[]>()
  for (const place of places) {
    const key = placeKey(place.municipality, place.county)
    byName.set(key, [...(byName.get(key) ?? []), place])
  }
  const bySixDigits = new Map<string, string[]>()
  const addSix = (six: string, code: string) => {
    const codes = bySixDigits.get(six) ?? []
    if (!codes.includes(code)) bySixDigits.set(six, [...codes, code])
  }
  for (const { code } of places) {
    addSix(code.slice(0, 6), code)
    if (code.startsWith('0')) addSix(code.slice(1), code)
  }
  return { byCode: new Map(places.map((p) => [p.code, p])), byName, bySixDigits }
}

/**
 * The municipality of a row: its 7-digit TERYT code; 6 digits without the kind digit, or 7
 * that lost their leading zero in a spreadsheet, when they name one municipality only; else
 * its name and its county's.
 */
function findMunicipality(values: ImportRow['values'], register: Register): { code: string } | Problem {
  const teryt = values.teryt?.replace(/[\s-]/g, '')
  if (teryt) {
    if (/^\d{7}$/.test(teryt) && register.byCode.has(teryt)) return { code: teryt }
    if (/^\d{6}$/.test(teryt)) {
      const candidates = register.bySixDigits.get(teryt) ?? []
      if (candidates.length === 1) return { code: candidates[0]! }
      if (candidates.length > 1) return { key: 'directoryImport.problem.terytAmbiguous', column: 'teryt', params: { code: teryt } }
    }
    return { key: 'directoryImport.problem.terytUnknown', column: 'teryt', params: { code: values.teryt! } }
  }
  if (!values.municipality) return { key: 'directoryImport.problem.municipalityMissing', column: 'municipality' }
  if (!values.county) return { key: 'directoryImport.problem.countyMissing', column: 'county' }
  const found = register.byName.get(placeKey(values.municipality, values.county)) ?? []
  if (found.length === 1) return { code: found[0]!.code }
  const params = { municipality: values.municipality, county: values.county }
  if (found.length > 1) return { key: 'directoryImport.problem.municipalityAmbiguous', column: 'municipality', params }
  return { key: 'directoryImport.problem.municipalityUnknown', column: 'municipality', params }
}

type FieldCheck = { safeParse: (value: unknown) => { success: boolean; data?: unknown; error?: { issues: { message: string }[] } } }

function checked(value: string | undefined, schemaOf: FieldCheck, column: ImportColumn, problems: Problem[]): string | undefined {
  if (value === undefined) return undefined
  const result = schemaOf.safeParse(value)
  if (result.success) return result.data as string | undefined
  problems.push({ key: (result.error?.issues[0]?.message ?? 'validation.invalid') as MessageKey, column })
  return undefined
}

function limited(value: string | undefined, max: number, column: ImportColumn, problems: Problem[]) {
  if (value !== undefined && value.length > max) problems.push({ key: 'validation.tooLong', column })
  return value
}

/** A REGON as a spreadsheet may have kept it: a column of numbers drops its leading zero, which the check digit tells. */
function regonOfCell(value: string): NumberCheck {
  const digits = digitsOf(value)
  if (/^(\d{8}|\d{13})$/.test(digits)) {
    const padded = checkRegon(`0${digits}`)
    if (padded.ok) return padded
  }
  return checkRegon(value)
}

function checkRow(row: ImportRow, register: Register) {
  const v = row.values
  const problems: Problem[] = []
  if (!v.name) problems.push({ key: 'directoryImport.problem.nameMissing', column: 'name' })
  // Without a kind a row may still name an institution of an earlier row or of the directory.
  const kind = v.kind ? kindOf(v.kind) : null
  if (v.kind && !kind) problems.push({ key: 'directoryImport.problem.kindUnknown', column: 'kind', params: { value: v.kind } })
  const place = findMunicipality(v, register)
  if ('key' in place) problems.push(place)
  const number = (value: string | undefined, check: (value: string) => NumberCheck, column: ImportColumn) => {
    if (!value) return undefined
    const result = check(value)
    if (result.ok) return result.digits
    problems.push({ key: result.error, column })
  }
  // „40001” is how a spreadsheet keeps „40-001” when the column holds numbers.
  const postalCode = v.postalCode && /^\d{5}$/.test(v.postalCode) ? `${v.postalCode.slice(0, 2)}-${v.postalCode.slice(2)}` : v.postalCode
  const org: Partial<OrgFields> = {
    name: limited(v.name, 300, 'name', problems),
    shortName: limited(v.shortName, 100, 'shortName', problems),
    kind: kind ?? undefined,
    municipalityCode: 'code' in place ? place.code : undefined,
    street: limited(v.street, 200, 'street', problems),
    postalCode: checked(postalCode, optionalPostalCode, 'postalCode', problems),
    city: limited(v.city, 100, 'city', problems),
    email: checked(v.email, optionalEmail, 'email', problems),
    phone: checked(v.phone, optionalPhone, 'phone', problems),
    website: checked(v.website, optionalUrl, 'website', problems),
    regon: number(v.regon, regonOfCell, 'regon'),
    nip: number(v.nip, checkNip, 'nip'),
  }
  // A person's problem leaves out the person only: the institution of the row is imported as usual.
  const personProblems: Problem[] = []
  const hasPerson = !!(v.personName || v.personPosition || v.personEmail || v.personPhone)
  if (hasPerson && !v.personName) personProblems.push({ key: 'directoryImport.problem.personNameMissing', column: 'personName' })
  const personEmail = v.personEmail && optionalEmail.safeParse(v.personEmail).success ? v.personEmail : undefined
  if (v.personEmail && !personEmail) personProblems.push({ key: 'directoryImport.problem.personEmail', params: { value: v.personEmail } })
  const person: Partial<PersonFields> | null = hasPerson
    ? {
        name: limited(v.personName, 200, 'personName', personProblems),
        position: limited(v.personPosition, 300, 'personPosition', personProblems),
        email: checked(personEmail, optionalEmail, 'personEmail', personProblems),
        phone: checked(v.personPhone, optionalPhone, 'personPhone', personProblems),
      }
    : null
  return {
    problems,
    personProblems,
    org: withoutBlanks(org) as OrgFields,
    person: person && !personProblems.length ? (withoutBlanks(person) as PersonFields) : null,
  }
}

function withoutBlanks<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== '')) as Partial<T>
}

// ——— Matching with the directory ———

const o = schema.organisations
const p = schema.people
const comparedOrg = { id: o.id, ...organisationData, nameKey: o.nameKey, archivedAt: o.archivedAt }
type ExistingOrg = Pick<typeof o.$inferSelect, keyof typeof comparedOrg>
type ExistingPerson = {
  id: number
  organisationId: number
  name: string
  position: string | null
  email: string | null
  phone: string | null
}

/** SQLite takes a bounded number of values in one `IN (…)`. */
const CHUNK = 500
function inChunks<T, R>(values: T[], query: (chunk: T[]) => R[]): R[] {
  const found: R[] = []
  for (let i = 0; i < values.length; i += CHUNK) found.push(...query(values.slice(i, i + CHUNK)))
  return found
}

/** The fields of `given` that differ from `existing`: a blank cell changes nothing. */
function changedFields<F extends string>(
  given: Partial<Record<F, string>>,
  existing: Partial<Record<F, unknown>>,
  fields: readonly F[],
): F[] {
  return fields.filter((field) => given[field] !== undefined && given[field] !== (existing[field] ?? undefined))
}

/** One institution of the file: the rows that describe it, merged. */
type Group = { firstLine: number; fields: OrgFields; existing: ExistingOrg | null; changes: OrgField[]; problem: Problem | null }

export type RowAction = 'create' | 'update' | 'skip' | 'unchanged'
export type RowPreview = {
  line: number
  name: string
  municipalityCode: string | null
  problems: Problem[]
  /** The institution, on the first row that describes it; later rows of it say `sameAs`. */
  organisation: { action: RowAction; id: number | null; changes: OrgField[] } | null
  sameAs: number | null
  person: { name: string; action: RowAction; id: number | null; changes: PersonField[] } | null
  /** Why the row's person is left out, while its institution is imported. */
  personProblems: Problem[]
  /** Whether the row would change what the directory holds, so that it may be updated or skipped. */
  choice: Choice | null
}
export type ImportSummary = {
  rows: number
  withProblems: number
  /** Rows whose differences from the directory were left as they are. */
  skipped: number
  organisations: Record<RowAction, number>
  people: Record<RowAction, number>
}

type Plan = {
  rows: RowPreview[]
  summary: ImportSummary
  writes: {
    groups: Map<number, Group>
    people: Map<number, { fields: PersonFields; existing: ExistingPerson | null; changes: PersonField[] }>
  }
}

const noActions = (): Record<RowAction, number> => ({ create: 0, update: 0, skip: 0, unchanged: 0 })

/**
 * What applying the file would do, row by row: an institution matches one in the directory by
 * its REGON, or else by its name folded as the directory folds names (`name_key`) in the same
 * municipality; a person matches by folded name among the institution's current people.
 * A handful of queries whatever the file's size.
 */
export function planImport(file: ImportFile): Plan {
  const register = loadRegister()
  const checks = file.rows.map((row) => ({ row, ...checkRow(row, register) }))

  // Rows of one institution: the same REGON, or the same name in the same municipality.
  const groups = new Map<number, Group>()
  const byRegon = new Map<string, Group>()
  const byName = new Map<string, Group>()
  const groupOfLine = new Map<number, Group>()
  for (const check of checks) {
    if (check.problems.length) continue
    const fields = check.org
    const nameKey = `${fields.municipalityCode}|${foldText(fields.name)}`
    const byR = fields.regon ? byRegon.get(fields.regon) : undefined
    const byN = byName.get(nameKey)
    if (byR && byN && byR !== byN) {
      check.problems.push({ key: 'directoryImport.problem.rowsDisagree', params: { line: byN.firstLine } })
      continue
    }
    const group = byR ?? byN
    if (!group) {
      const created: Group = { firstLine: check.row.line, fields, existing: null, changes: [], problem: null }
      groups.set(check.row.line, created)
      byName.set(nameKey, created)
      if (fields.regon) byRegon.set(fields.regon, created)
      groupOfLine.set(check.row.line, created)
      continue
    }
    const disagree = orgFields.find(
      (field) => fields[field] !== undefined && group.fields[field] !== undefined && fields[field] !== group.fields[field],
    )
    if (disagree) {
      check.problems.push({ key: 'directoryImport.problem.rowsDisagree', params: { line: group.firstLine } })
      continue
    }
    group.fields = { ...fields, ...group.fields }
    if (group.fields.regon) byRegon.set(group.fields.regon, group)
    groupOfLine.set(check.row.line, group)
  }

  const all = [...groups.values()]
  const regons = [...new Set(all.flatMap((g) => (g.fields.regon ? [g.fields.regon] : [])))]
  // Pairs of (municipality, name key): the seek the unique index of the two serves.
  const places = all.map((g) => sql`(${g.fields.municipalityCode}, ${foldText(g.fields.name)})`)
  const withRegon = new Map(
    inChunks(regons, (chunk) => db.select(comparedOrg).from(o).where(inArray(o.regon, chunk)).all()).map((org) => [org.regon!, org]),
  )
  const withName = new Map(
    inChunks(places, (chunk) =>
      db
        .select(comparedOrg)
        .from(o)
        .where(sql`(${o.municipalityCode}, ${o.nameKey}) in (values ${sql.join(chunk, sql`, `)})`)
        .all(),
    ).map((org) => [`${org.municipalityCode}|${org.nameKey}`, org]),
  )
  // The first group to match an institution has it; another that matches it too would undo that group's changes.
  const matchedBy = new Map<number, number>()
  for (const group of all) {
    const byR = group.fields.regon ? withRegon.get(group.fields.regon) : undefined
    const byN = withName.get(`${group.fields.municipalityCode}|${foldText(group.fields.name)}`)
    const found = byR ?? byN
    if (byR && byN && byR.id !== byN.id) {
      group.problem = { key: 'directoryImport.problem.regonOfAnother', params: { name: byR.name } }
    } else if (!byR && byN?.regon && group.fields.regon) {
      group.problem = { key: 'directoryImport.problem.regonDiffers', params: { regon: byN.regon } }
    } else if (!byR && !byN && !group.fields.kind) {
      group.problem = { key: 'directoryImport.problem.kindMissing', column: 'kind' }
    } else if (found?.archivedAt) {
      group.problem = { key: 'directoryImport.problem.archived' }
    } else if (found && matchedBy.has(found.id)) {
      group.problem = { key: 'directoryImport.problem.sameInstitution', params: { line: matchedBy.get(found.id)! } }
    } else if (found) {
      matchedBy.set(found.id, group.firstLine)
      group.existing = found
      group.changes = changedFields(group.fields, found, orgFields)
    }
  }

  const matchedIds = all.flatMap((g) => (g.existing ? [g.existing.id] : []))
  const peopleOf = new Map<string, ExistingPerson>()
  for (const person of inChunks(matchedIds, (chunk) =>
    db
      .select({ id: p.id, organisationId: p.organisationId, name: p.name, position: p.position, email: p.email, phone: p.phone })
      .from(p)
      .where(and(inArray(p.organisationId, chunk), isNull(p.archivedAt)))
      .all(),
  ))
    peopleOf.set(`${person.organisationId}|${foldText(person.name)}`, person)

  const summary: ImportSummary = { rows: checks.length, withProblems: 0, skipped: 0, organisations: noActions(), people: noActions() }
  const people: Plan['writes']['people'] = new Map()
  const personLines = new Map<string, number>()
  const rows = checks.map((check): RowPreview => {
    const group = groupOfLine.get(check.row.line)
    if (group?.problem) check.problems.push(group.problem)
    const preview: RowPreview = {
      line: check.row.line,
      name: check.row.values.name ?? '',
      municipalityCode: check.org.municipalityCode ?? null,
      problems: check.problems,
      organisation: null,
      sameAs: null,
      person: null,
      personProblems: check.personProblems,
      choice: null,
    }
    if (check.problems.length || !group) {
      summary.withProblems += 1
      return preview
    }
    const choice = file.choices.rows[check.row.line] ?? file.choices.all
    let changes = false
    if (group.firstLine === check.row.line) {
      const action: RowAction = !group.existing ? 'create' : group.changes.length ? choice : 'unchanged'
      changes ||= action === 'update' || action === 'skip'
      preview.organisation = { action, id: group.existing?.id ?? null, changes: group.changes }
      summary.organisations[action] += 1
    } else {
      preview.sameAs = group.firstLine
    }
    if (check.person) {
      const key = `${group.existing?.id ?? `new${group.firstLine}`}|${foldText(check.person.name)}`
      const earlier = personLines.get(key)
      if (earlier !== undefined) {
        preview.problems.push({ key: 'directoryImport.problem.personTwice', params: { line: earlier } })
        summary.withProblems += 1
        return preview
      }
      personLines.set(key, check.row.line)
      const existing = group.existing ? (peopleOf.get(key) ?? null) : null
      const personChanges = existing ? changedFields(check.person, existing, personFields) : []
      const action: RowAction = !existing ? 'create' : personChanges.length ? choice : 'unchanged'
      changes ||= action === 'update' || action === 'skip'
      preview.person = { name: check.person.name, action, id: existing?.id ?? null, changes: personChanges }
      summary.people[action] += 1
      people.set(check.row.line, { fields: check.person, existing, changes: personChanges })
    }
    preview.choice = changes ? choice : null
    if (preview.choice === 'skip') summary.skipped += 1
    return preview
  })
  return { rows, summary, writes: { groups, people } }
}

/** The preview of a file: its summary and the rows of one page. */
export function previewImport({ file, page, pageSize }: { file: ImportFile; page: number; pageSize: number }) {
  const { rows, summary } = planImport(file)
  return { summary, rows: rows.slice((page - 1) * pageSize, page * pageSize) }
}

// ——— Applying ———

const placeholders = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((key) => [key, sql.placeholder(key)])) as unknown as Record<K, Placeholder>
/** A prepared insert names every column: the ones a file leaves blank are null. */
const blanks = (fields: readonly string[]) => Object.fromEntries(fields.map((field) => [field, null]))

const searchTextOf = (fields: { name: string; shortName?: string | null }) =>
  foldText([fields.name, fields.shortName].filter(Boolean).join(' '))

/**
 * Applies the file in one transaction, planned again inside it: what is new is added, what
 * differs is updated where the preview's choice says so, each change with its audit row, and
 * one row for the import itself. A file applied again finds everything unchanged and writes nothing.
 */
export function applyImport({ file, actor }: { file: ImportFile; actor: Actor }): ImportSummary {
  return db.transaction(
    (tx) => {
      const { rows, summary, writes } = planImport(file)
      // Thousands of rows of the same few statements: each is prepared once.
      const recordAudit = auditRecorder(tx)
      const insertOrg = tx
        .insert(o)
        .values(placeholders([...orgFields, 'nameKey', 'searchText']))
        .returning({ id: o.id })
        .prepare()
      const insertPerson = tx
        .insert(p)
        .values(placeholders(['organisationId', ...personFields, 'searchText']))
        .returning({ id: p.id })
        .prepare()
      const now = new Date().toISOString()
      const audit = { actorUserId: actor.userId, ip: actor.ip, detail: `import: ${file.fileName}` }
      const orgIds = new Map<number, number>()
      for (const row of rows) {
        const group = writes.groups.get(row.line)
        if (!group || !row.organisation) continue
        const { action } = row.organisation
        if (action === 'create') {
          const { id } = insertOrg.get({
            ...blanks(orgFields),
            ...group.fields,
            nameKey: foldText(group.fields.name),
            searchText: searchTextOf(group.fields),
          })!
          recordAudit({ ...audit, action: 'organisation.created', entityType: 'organisation', entityId: id, after: group.fields })
          orgIds.set(group.firstLine, id)
        } else {
          const existing = group.existing!
          orgIds.set(group.firstLine, existing.id)
          if (action !== 'update') continue
          const after = Object.fromEntries(group.changes.map((field) => [field, group.fields[field]]))
          const merged = { ...existing, ...after }
          tx.update(o)
            .set({ ...after, nameKey: foldText(merged.name), searchText: searchTextOf(merged), updatedAt: now })
            .where(eq(o.id, existing.id))
            .run()
          const before = Object.fromEntries(group.changes.map((field) => [field, existing[field]]))
          recordAudit({ ...audit, action: 'organisation.updated', entityType: 'organisation', entityId: existing.id, before, after })
        }
      }
      for (const row of rows) {
        const person = writes.people.get(row.line)
        if (!person || !row.person) continue
        const firstLine = row.sameAs ?? row.line
        const organisationId = orgIds.get(firstLine)!
        if (row.person.action === 'create') {
          const fields = { ...person.fields, organisationId }
          const { id } = insertPerson.get({ ...blanks(personFields), ...fields, searchText: foldText(fields.name) })!
          recordAudit({ ...audit, action: 'person.created', entityType: 'person', entityId: id, after: fields })
        } else if (row.person.action === 'update') {
          const existing = person.existing!
          const after = Object.fromEntries(person.changes.map((field) => [field, person.fields[field]]))
          tx.update(p)
            .set({ ...after, searchText: foldText(person.fields.name), updatedAt: now })
            .where(eq(p.id, existing.id))
            .run()
          const before = Object.fromEntries(person.changes.map((field) => [field, existing[field]]))
          recordAudit({ ...audit, action: 'person.updated', entityType: 'person', entityId: existing.id, before, after })
        }
      }
      const wrote = summary.organisations.create + summary.organisations.update + summary.people.create + summary.people.update
      if (wrote > 0) recordAudit({ ...audit, action: 'directory.imported', after: summary })
      return summary
    },
    { behavior: 'immediate' },
  )
}
