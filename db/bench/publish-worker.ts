import { closeDatabase, sqlite } from '~/db.server'
import type { ToPublish } from './minutes'
import { publishAll } from './publish'

// The second process renders half of the PDFs; DATABASE_PATH came along in its environment.
// As in the main process, a benchmark database skips the sync on every commit.
sqlite.pragma('synchronous = OFF')
process.once('message', (items: ToPublish[]) => {
  publishAll(items)
    .then(() => {
      closeDatabase()
      process.exit(0)
    })
    .catch((error: unknown) => {
      console.error(error)
      process.exit(1)
    })
})
