// Builds the application when build/ is missing or older than its sources: `npm start` and the
// load benchmark (bench/load.ts) serve what the sources say, never a stale build.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

function newestChange(dir) {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestChange(full) : fs.statSync(full).mtimeMs)
  }
  return newest
}

/** Runs `remix build` if needed; returns its exit status (0 when the build was already current). */
export function buildIfStale() {
  const builtAt = fs.existsSync(path.join(root, 'build/index.js')) ? fs.statSync(path.join(root, 'build/index.js')).mtimeMs : 0
  const sourcesAt = Math.max(
    newestChange(path.join(root, 'app')),
    newestChange(path.join(root, 'db/schema')),
    newestChange(path.join(root, 'db/seed')),
    fs.statSync(path.join(root, 'remix.config.js')).mtimeMs,
    fs.statSync(path.join(root, 'package.json')).mtimeMs,
  )
  if (builtAt >= sourcesAt) return 0
  console.log('Narada: building the application…')
  const result = spawnSync(path.join(root, 'node_modules/.bin/remix'), ['build'], { cwd: root, stdio: 'inherit' })
  return result.status ?? 1
}
