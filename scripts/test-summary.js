// Reads Vitest's JSON report and prints, as the last line, "N passed, N failed[, N skipped]".
// Exits non-zero when anything failed, when the report is missing, or (with
// --require-browser-tests) when no browser test in tests/e2e/ passed.
import fs from 'node:fs'
import path from 'node:path'

const args = process.argv.slice(2)
const requireBrowser = args.includes('--require-browser-tests')
const reportPath = path.resolve(args.find((arg) => !arg.startsWith('--')) ?? 'test-results/vitest.json')

let report
try {
  report = JSON.parse(fs.readFileSync(reportPath, 'utf8'))
} catch (error) {
  console.error(`test-summary: no readable Vitest report at ${reportPath} (${error.message}); the tests did not run to the end.`)
  console.log('0 passed, 1 failed')
  process.exit(1)
}

const counts = { passed: 0, failed: 0, skipped: 0 }
let browserPassed = 0
const problems = []
for (const file of report.testResults ?? []) {
  const relative = path.relative(process.cwd(), file.name)
  for (const test of file.assertionResults ?? []) {
    if (test.status === 'passed') counts.passed++
    else if (test.status === 'failed') counts.failed++
    else counts.skipped++ // skipped, pending, todo
    if (test.status === 'passed' && relative.startsWith(`tests${path.sep}e2e${path.sep}`)) browserPassed++
  }
  // A file that failed before its tests ran (an import error, a failing hook) has none to count.
  if (file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed')) {
    counts.failed++
    problems.push(`${relative} failed outside its tests: ${(file.message ?? '').split('\n')[0]}`)
  }
}

let exitCode = counts.failed > 0 || report.success === false ? 1 : 0
if (requireBrowser && browserPassed === 0) {
  problems.push('no browser test (tests/e2e/) passed: they are required here')
  exitCode = 1
}
for (const problem of problems) console.error(`test-summary: ${problem}`)
console.log(`${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`)
process.exit(exitCode)
