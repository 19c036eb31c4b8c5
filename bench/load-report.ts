/**
 * The targets of the regional benchmark (issue 9) and the results file of bench/load.ts: pure,
 * so the verdicts are tested (tests/bench/load-report.test.ts) apart from any measurement.
 */

export const TARGETS = {
  /** A page's req/s against the bare page's, measured in the same rounds. */
  ratio: 0.7,
  htmlBytes: 150 * 1024,
  searchP95Ms: 30,
  pdfMs: 30,
  memoryMb: 400,
}

export type Verdict = { met: boolean; missedBy: string | null }

/** Whether `measured` reaches `goal` (at least, or at most), and if not, by how much. */
export function verdict({
  measured,
  goal,
  reach,
  unit = '',
  digits = 0,
}: {
  measured: number
  goal: number
  reach: 'at least' | 'at most'
  unit?: string
  digits?: number
}): Verdict {
  const met = reach === 'at least' ? measured >= goal : measured <= goal
  if (met) return { met, missedBy: null }
  const gap = Math.abs(measured - goal)
  const percent = Math.round((gap / goal) * 100)
  const word = reach === 'at least' ? 'short' : 'over'
  return { met, missedBy: `${gap.toFixed(digits)}${unit} ${word} (${reach === 'at least' ? '−' : '+'}${percent} %)` }
}

export type PageMeasure = {
  name: string
  path: string
  /** Who asks: `visitor` is signed out. */
  who: string
  /** Whether the issue sets this page the ratio target. */
  ratioTarget: boolean
  isHtml: boolean
  requestsPerSecond: number
  bareRequestsPerSecond: number
  p50Ms: number
  p99Ms: number
  /** One request on its own (gzip), before the page's rounds. */
  aloneMs: number
  bytes: number
  gzipBytes: number
  /** Responses other than 2xx, errors and timeouts, over all rounds. */
  failures: number
}

export const ratioOf = (page: Pick<PageMeasure, 'requestsPerSecond' | 'bareRequestsPerSecond'>) =>
  page.bareRequestsPerSecond > 0 ? page.requestsPerSecond / page.bareRequestsPerSecond : 0

export const ratioVerdict = (page: PageMeasure): Verdict | null =>
  page.ratioTarget ? verdict({ measured: ratioOf(page), goal: TARGETS.ratio, reach: 'at least', digits: 2 }) : null

export const sizeVerdict = (page: PageMeasure): Verdict | null =>
  page.isHtml ? verdict({ measured: page.bytes / 1024, goal: TARGETS.htmlBytes / 1024, reach: 'at most', unit: ' KB' }) : null

/** One of the other targets: the feed's 304, a search's p95, the PDF, the memory. */
export type Check = { target: string; measured: string; goal: string; verdict: Verdict }

export type Report = {
  title: string
  /** Lines of `key: value` about the machine, the dataset and the settings. */
  context: [string, string][]
  pages: PageMeasure[]
  checks: Check[]
}

export function kilobytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} KB`
}

/** The report with each page's ratio and verdicts spelled out, for bench/results/*.json. */
export function reportJson(report: Report) {
  return {
    ...report,
    context: Object.fromEntries(report.context),
    pages: report.pages.map((page) => ({
      ...page,
      ratio: ratioOf(page),
      ratioVerdict: ratioVerdict(page),
      sizeVerdict: sizeVerdict(page),
    })),
  }
}

// A page none of whose requests finished within a round has no latencies.
const milliseconds = (ms: number) => (Number.isNaN(ms) ? '—' : ms.toFixed(1))
const mark = (v: Verdict | null) => (v === null ? '—' : v.met ? '✓' : `✗ ${v.missedBy}`)
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`

/** The results file: context, one row per page, one per other target; "why" is for the lead. */
export function formatReport(report: Report): string {
  const pageRows = report.pages.map((page) =>
    row([
      page.name,
      page.who,
      page.requestsPerSecond.toFixed(1),
      page.bareRequestsPerSecond.toFixed(1),
      ratioOf(page).toFixed(3),
      page.aloneMs.toFixed(0),
      milliseconds(page.p50Ms),
      milliseconds(page.p99Ms),
      kilobytes(page.bytes),
      kilobytes(page.gzipBytes),
      page.failures,
      mark(ratioVerdict(page)),
      mark(sizeVerdict(page)),
      '',
    ]),
  )
  const checkRows = report.checks.map((check) => row([check.target, check.measured, check.goal, mark(check.verdict), '']))
  return [
    `# ${report.title}`,
    '',
    ...report.context.map(([key, value]) => `- **${key}**: ${value}`),
    '',
    row([
      'page',
      'as',
      'req/s',
      'bare req/s',
      'ratio',
      'alone ms',
      'p50 ms',
      'p99 ms',
      'size',
      'gzip',
      'non-2xx',
      `ratio ≥ ${TARGETS.ratio}`,
      `HTML ≤ ${TARGETS.htmlBytes / 1024} KB`,
      'why',
    ]),
    row(Array(14).fill('---')),
    ...pageRows,
    '',
    row(['target', 'measured', 'goal', 'met', 'why']),
    row(Array(5).fill('---')),
    ...checkRows,
    '',
  ].join('\n')
}
