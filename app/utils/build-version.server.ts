import crypto from 'node:crypto'
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * The code that is running: in the server build this module is part of build/index.js, so a new
 * build gives a new version. Cached answers that depend on how they are rendered (PDFs, feeds)
 * put it in their ETags, so no client keeps an old layout because the data did not change.
 */
export const buildVersion = crypto
  .createHash('sha256')
  .update(fs.readFileSync(fileURLToPath(import.meta.url)))
  .digest('base64url')
  .slice(0, 16)
