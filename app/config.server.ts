import path from 'node:path'

/** The operating contract of DESIGN.md, read once from the environment. */
export const config = {
  port: Number(process.env.PORT ?? 3000),
  databasePath: path.resolve(process.env.DATABASE_PATH ?? './data/narada.db'),
  uploadsDir: path.resolve(process.env.UPLOADS_DIR ?? './data/uploads'),
  adminEmail: (process.env.ADMIN_EMAIL ?? 'admin@narada.local').trim().toLowerCase(),
  adminPassword: process.env.ADMIN_PASSWORD || null,
  seed: parseSeed(process.env.SEED),
  migrationsDir: path.resolve(process.env.MIGRATIONS_DIR ?? './db/migrations'),
  registerCsv: path.resolve(process.env.REGISTER_CSV ?? './db/register/TERC-2024-01-01.csv'),
  /** Extra origins allowed to POST besides the request's own host, comma-separated. */
  trustedOrigins: (process.env.TRUSTED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean),
  isProduction: process.env.NODE_ENV === 'production',
  /** How many months back calendar feeds reach (everything ahead is always in them). */
  feedMonthsBack: parseWholeNumber('FEED_MONTHS_BACK', process.env.FEED_MONTHS_BACK, 12),
  /** What the accessibility statement says of its operator; unset, the page says what to configure. */
  accessibility: {
    entity: process.env.ACCESSIBILITY_ENTITY?.trim() || null,
    publishedOn: parseDay('ACCESSIBILITY_PUBLISHED_ON', process.env.ACCESSIBILITY_PUBLISHED_ON),
    contactName: process.env.ACCESSIBILITY_CONTACT_NAME?.trim() || null,
    contactEmail: process.env.ACCESSIBILITY_CONTACT_EMAIL?.trim() || null,
    contactPhone: process.env.ACCESSIBILITY_CONTACT_PHONE?.trim() || null,
    architecture: process.env.ACCESSIBILITY_ARCHITECTURE?.trim() || null,
  },
}

function parseDay(name: string, value: string | undefined): string | null {
  if (!value?.trim()) return null
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) throw new Error(`${name} must be a day as YYYY-MM-DD, not "${value}"`)
  return value.trim()
}

function parseWholeNumber(name: string, value: string | undefined, fallback: number): number {
  if (!value?.trim()) return fallback
  const number = Number(value)
  if (!Number.isSafeInteger(number) || number < 0) throw new Error(`${name} must be a whole number, not "${value}"`)
  return number
}

function parseSeed(value: string | undefined): 'demo' | 'none' {
  const seed = value?.trim() || 'demo'
  if (seed !== 'demo' && seed !== 'none') throw new Error(`SEED must be "demo" or "none", not "${seed}"`)
  return seed
}
