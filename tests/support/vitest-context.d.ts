import 'vitest'

// What the global setups hand to the tests (`inject('baseURL')`).
declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated database with the register and nothing else, copied by every worker. */
    baseDatabasePath: string
    /** The production server that tests/http and tests/e2e talk to, e.g. http://localhost:41234. */
    baseURL: string
    /** The server's own database and uploads: factories may write to them directly. */
    serverDatabasePath: string
    serverUploadsDir: string
    /** ADMIN_EMAIL / ADMIN_PASSWORD of the first administrator the server created. */
    adminEmail: string
    adminPassword: string
    /** Where the server's stdout and stderr go. */
    serverLogPath: string
  }
}
