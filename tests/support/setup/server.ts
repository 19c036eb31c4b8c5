import { inject } from 'vitest'

// Factories in tests/http and tests/e2e (e.g. createTestAccount) write straight into the
// running server's database; app modules read DATABASE_PATH when first imported.
process.env.DATABASE_PATH = inject('serverDatabasePath')
process.env.UPLOADS_DIR = inject('serverUploadsDir')
process.env.SEED = 'none'
