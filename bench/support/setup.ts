import path from 'node:path'
import { inject } from 'vitest'

// Imported first by every benchmark, before any app module: config.server reads these once,
// when it is first imported. Run without bench/vitest.bench.config.ts there is no benchmark
// folder, and this stops the run before anything opens ./data.
const dir = inject('benchDir')
if (!dir) throw new Error('Run the benchmarks with `npm run bench` (bench/vitest.bench.config.ts).')
process.env.DATABASE_PATH = path.join(dir, 'bench.db')
process.env.UPLOADS_DIR = path.join(dir, 'uploads')
process.env.SEED = 'none'
