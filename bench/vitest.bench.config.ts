import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import base from '../vitest.config.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/**
 * `npm run bench`: vitest's benchmark mode (tinybench) on a throwaway database. The files run one
 * after another in one worker, so no benchmark competes with another for the two cores, and each
 * describe block prints "N x faster than" for its tasks, all measured in the same run.
 */
export default defineConfig({
  root,
  resolve: base.resolve,
  test: {
    environment: 'node',
    globalSetup: ['bench/support/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
})
