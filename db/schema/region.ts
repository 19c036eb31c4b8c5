import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** Poland's territorial register (TERC): codes are TERYT codes. */
export const voivodeships = sqliteTable('voivodeships', {
  code: text('code').primaryKey(), // WOJ, e.g. '24'
  name: text('name').notNull(), // 'śląskie'
})

export const counties = sqliteTable(
  'counties',
  {
    code: text('code').primaryKey(), // WOJ+POW, e.g. '2469'
    voivodeshipCode: text('voivodeship_code')
      .notNull()
      .references(() => voivodeships.code),
    name: text('name').notNull(), // 'Katowice'
    kind: text('kind').notNull(), // 'powiat' | 'miasto na prawach powiatu' | …
  },
  (t) => [index('counties_voivodeship_idx').on(t.voivodeshipCode)],
)

export const municipalities = sqliteTable(
  'municipalities',
  {
    code: text('code').primaryKey(), // WOJ+POW+GMI+RODZ, e.g. '2469011'
    countyCode: text('county_code')
      .notNull()
      .references(() => counties.code),
    name: text('name').notNull(),
    kind: text('kind').notNull(), // 'gmina miejska' | 'gmina wiejska' | 'gmina miejsko-wiejska'
  },
  (t) => [index('municipalities_county_idx').on(t.countyCode)],
)
