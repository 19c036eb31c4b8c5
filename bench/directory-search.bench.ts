import './support/setup'
import { desc, eq, isNull, sql } from 'drizzle-orm'
import { bench, describe } from 'vitest'
import { config } from '~/config.server'
import { db, schema } from '~/db.server'
import { listOrganisations } from '~/models/organisation.server'
import { PAGE_SIZE } from '~/utils/paging'
import { foldText } from '~/utils/text'
import { seedOrganisations } from './support/organisations'

const ORGANISATIONS = 20_000
const QUERY = 'slaska fundacja'
// The naive side takes ~100–300 ms a query: enough samples for a steady mean.
const TIMING = { time: 2_000, warmupTime: 500 }

if (!config.databasePath.includes('narada-bench-')) throw new Error(`Not the benchmark database: ${config.databasePath}`)
const started = performance.now()
seedOrganisations(ORGANISATIONS)
console.log(`Directory: ${ORGANISATIONS.toLocaleString('en')} organisations generated in ${Math.round(performance.now() - started)} ms`)

// The county with the most active organisations, so that both sides return a full page.
const o = schema.organisations
const m = schema.municipalities
const COUNTY = db
  .select({ code: m.countyCode })
  .from(o)
  .innerJoin(m, eq(m.code, o.municipalityCode))
  .where(isNull(o.archivedAt))
  .groupBy(m.countyCode)
  .orderBy(desc(sql`count(*)`), m.countyCode)
  .all()
  .at(0)!.code

/**
 * What the directory would do without the stored `search_text`: load every active institution
 * with its place, fold the names in JavaScript, filter, sort and cut the page.
 */
function naiveList(filter: { q?: string; county?: string[] }) {
  const words = filter.q ? foldText(filter.q).split(' ').filter(Boolean) : []
  const matches = db
    .select({
      id: o.id,
      name: o.name,
      shortName: o.shortName,
      kind: o.kind,
      archivedAt: o.archivedAt,
      countyCode: schema.counties.code,
      county: schema.counties.name,
      municipality: m.name,
    })
    .from(o)
    .innerJoin(m, eq(m.code, o.municipalityCode))
    .innerJoin(schema.counties, eq(schema.counties.code, m.countyCode))
    .where(isNull(o.archivedAt))
    .all()
    .filter((row) => !filter.county || filter.county.includes(row.countyCode))
    .map((row) => ({ row, key: foldText(row.name), text: foldText([row.name, row.shortName].filter(Boolean).join(' ')) }))
    .filter(({ text }) => words.every((word) => text.includes(word)))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  return { rows: matches.slice(0, PAGE_SIZE).map(({ row }) => row), total: matches.length }
}

// Both sides must give the same answer, or the ratio means nothing.
for (const filter of [{ q: QUERY }, { county: [COUNTY] }]) {
  const inSql = listOrganisations({ filter })
  const naive = naiveList(filter)
  const names = (rows: { name: string }[]) => rows.map((row) => row.name).join('\n')
  if (inSql.total !== naive.total || names(inSql.rows) !== names(naive.rows)) {
    throw new Error(`listOrganisations and the naive search disagree for ${JSON.stringify(filter)}: ${inSql.total} vs ${naive.total}`)
  }
  if (inSql.total < PAGE_SIZE) throw new Error(`Only ${inSql.total} matches for ${JSON.stringify(filter)}`)
  console.log(`Directory: ${JSON.stringify(filter)} matches ${inSql.total} of ${ORGANISATIONS.toLocaleString('en')}`)
}

describe(`directory search "${QUERY}", ${ORGANISATIONS.toLocaleString('en')} organisations`, () => {
  bench(
    'listOrganisations (folded search_text LIKE in SQL)',
    () => {
      listOrganisations({ filter: { q: QUERY } })
    },
    TIMING,
  )
  bench(
    'load all names, fold in JavaScript',
    () => {
      naiveList({ q: QUERY })
    },
    TIMING,
  )
})

describe(`directory filter by county ${COUNTY}`, () => {
  bench(
    'listOrganisations (county in SQL)',
    () => {
      listOrganisations({ filter: { county: [COUNTY] } })
    },
    TIMING,
  )
  bench(
    'load all, filter and fold in JavaScript',
    () => {
      naiveList({ county: [COUNTY] })
    },
    TIMING,
  )
})
