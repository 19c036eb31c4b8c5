import './support/setup'
import fs from 'node:fs'
import path from 'node:path'
import { bench, describe } from 'vitest'
import { config } from '~/config.server'
import { parseRegister } from '~/models/region.server'

const csv = fs.readFileSync(config.registerCsv, 'utf8')
const parsed = parseRegister(csv)
console.log(
  `Register: ${path.basename(config.registerCsv)}, ${parsed.voivodeships.length} voivodeships, ${parsed.counties.length} counties, ${parsed.municipalities.length} municipalities`,
)

describe('territorial register', () => {
  bench(`parseRegister ${path.basename(config.registerCsv)}`, () => {
    parseRegister(csv)
  })
})
