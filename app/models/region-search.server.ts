import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { db, schema } from '~/db.server'
import { SEARCH_LIMIT, type PickerOption } from '~/utils/picker'
import { foldedGlob, foldText } from '~/utils/text'

// Counties and municipalities of the register, as the directory's filter chooses them: by
// typing part of the name. The register is small (380 counties, 2,477 municipalities) and
// has no folded copy of its names, so each word is a GLOB over the name itself.

const c = schema.counties
const g = schema.municipalities

/** „powiat bolesławiecki”, „Wrocław (miasto na prawach powiatu)”. */
const countyLabel = sql<string>`case when ${c.kind} = 'powiat' then 'powiat ' || ${c.name} else ${c.name} || ' (' || ${c.kind} || ')' end`

/** „Bolesławiec (gmina miejska, powiat bolesławiecki)”. */
const municipalityLabel = sql<string>`${g.name} || ' (' || ${g.kind} || ', ' || case when ${c.kind} = 'powiat' then 'powiat ' || ${c.name} else ${c.name} end || ')'`

function nameHolds(column: typeof c.name | typeof g.name, q: string) {
  const words = foldText(q).split(' ').filter(Boolean)
  return words.length ? and(...words.map((word) => sql`${column} glob ${foldedGlob(word)}`)) : undefined
}

const options = (rows: { code: string; label: string }[]): PickerOption[] => rows.map(({ code, label }) => ({ value: code, label }))

export function searchCounties({ q }: { q: string }): PickerOption[] {
  const holds = nameHolds(c.name, q)
  if (!holds) return []
  return options(
    db.select({ code: c.code, label: countyLabel }).from(c).where(holds).orderBy(asc(c.name), asc(c.code)).limit(SEARCH_LIMIT).all(),
  )
}

export function searchMunicipalities({ q }: { q: string }): PickerOption[] {
  const holds = nameHolds(g.name, q)
  if (!holds) return []
  return options(
    db
      .select({ code: g.code, label: municipalityLabel })
      .from(g)
      .innerJoin(c, eq(c.code, g.countyCode))
      .where(holds)
      .orderBy(asc(g.name), asc(g.code))
      .limit(SEARCH_LIMIT)
      .all(),
  )
}

export function labelCounties(codes: string[]): Record<string, string> {
  if (codes.length === 0) return {}
  const rows = db.select({ code: c.code, label: countyLabel }).from(c).where(inArray(c.code, codes)).all()
  return Object.fromEntries(rows.map(({ code, label }) => [code, label]))
}

export function labelMunicipalities(codes: string[]): Record<string, string> {
  if (codes.length === 0) return {}
  const rows = db
    .select({ code: g.code, label: municipalityLabel })
    .from(g)
    .innerJoin(c, eq(c.code, g.countyCode))
    .where(inArray(g.code, codes))
    .all()
  return Object.fromEntries(rows.map(({ code, label }) => [code, label]))
}
