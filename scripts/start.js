// `npm start`: build when the build is missing or older than the sources, then serve.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildIfStale } from './build-if-stale.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
process.env.NODE_ENV ??= 'production'

const status = buildIfStale()
if (status !== 0) process.exit(status)

process.chdir(root)
await import('../server.js')
