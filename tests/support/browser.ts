import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect } from 'vitest'
import type { Account } from './accounts'
import { baseURL, uniqueAddress } from './http'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
]
const inCI = !!process.env.CI && !['0', 'false'].includes(process.env.CI.toLowerCase())

/**
 * Browser tests are never skipped quietly: without Chromium they fail in CI and, on a
 * developer's machine, are skipped with a warning that says how to get it.
 */
export const browserAvailable = fs.existsSync(CHROMIUM_PATH)
if (!browserAvailable) {
  const message = `Chromium was not found at ${CHROMIUM_PATH}. Install it with \`apt-get install chromium\` (or point CHROMIUM_PATH at a Chromium binary).`
  if (inCI) throw new Error(`${message} The browser tests are required in CI (CI=${process.env.CI}).`)
  const rule = '!'.repeat(100)
  console.warn(`\n${rule}\n!! BROWSER TESTS SKIPPED: ${message}\n${rule}\n`)
}

/** `describe` for tests that need Chromium: skipped (loudly) only outside CI. */
export const describeInBrowser = browserAvailable ? describe : describe.skip

export type BrowserHandle = {
  browser: Browser
  /** This test file's context: its cookies last from test to test unless cleared. */
  context: BrowserContext
  /** Another context, e.g. with JavaScript off; closed with the browser. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>
}

/**
 * Call inside `describeInBrowser`: launches Chromium for this file and opens one fresh
 * context (own client address, Polish locale, Warsaw time). CSP is bypassed so axe-core
 * can be injected; tests/e2e/csp.test.ts checks the page under the real policy.
 */
export function useBrowser(options: BrowserContextOptions = {}): BrowserHandle {
  const handle = {
    async newContext(extra: BrowserContextOptions = {}) {
      const context = await handle.browser.newContext({
        baseURL,
        locale: 'pl-PL',
        timezoneId: 'Europe/Warsaw',
        bypassCSP: true,
        ...extra,
        extraHTTPHeaders: { 'X-Forwarded-For': uniqueAddress(), ...extra.extraHTTPHeaders },
      })
      context.setDefaultTimeout(20_000)
      return context
    },
  } as BrowserHandle
  beforeAll(async () => {
    handle.browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
    handle.context = await handle.newContext(options)
  })
  afterAll(async () => {
    await handle.browser?.close()
  })
  return handle
}

/** Signs in through the real /login form, as a user would, and waits to leave it. */
export async function signIn(page: Page, account: Pick<Account, 'email' | 'password'>): Promise<void> {
  await page.goto('/login')
  const form = page.locator('main form')
  await form.getByLabel(/^(Adres e-mail|E-mail address)$/).fill(account.email)
  await form.getByLabel(/^(Hasło|Password)$/).fill(account.password)
  await form.getByRole('button', { name: /^(Zaloguj się|Sign in)$/ }).click()
  try {
    await page.waitForURL((url) => url.pathname !== '/login')
  } catch {
    const alert = await page.getByRole('alert').allTextContents()
    throw new Error(`Signing in as ${account.email} stayed on /login${alert.length ? `: ${alert.join(' ')}` : ''}`)
  }
}

const axeSource = fs.readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js'), 'utf8')

type AxeViolation = { id: string; impact: string | null; help: string; helpUrl: string; nodes: { target: unknown[] }[] }

/** Runs axe-core (WCAG 2.0 and 2.1, A and AA) on the page and fails with a readable list. */
export async function expectNoAxeViolations(page: Page, { exclude = [] as string[] } = {}): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource })
  const violations = await page.evaluate(async (exclude) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe
    const result = await axe.run(exclude.length ? { exclude: exclude.map((selector) => [selector]) } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    })
    return result.violations.map(({ id, impact, help, helpUrl, nodes }) => ({
      id,
      impact,
      help,
      helpUrl,
      nodes: nodes.map(({ target }) => ({ target })),
    }))
  }, exclude)
  const lines = violations.map(
    (v) => `${v.id} (${v.impact ?? 'no impact'}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')} — ${v.helpUrl}`,
  )
  expect(lines, `axe-core found WCAG violations on ${page.url()}`).toEqual([])
  await expectReflowAt320(page)
}

/** WCAG 2.1 SC 1.4.10 asks for content that reflows at 320 CSS px, the width of a small phone. */
const REFLOW_WIDTH = 320

/**
 * Narrows the page to 320 × 640, checks that it does not scroll sideways, and gives the page
 * its size back. A failure names the outermost elements that stick out, widest first: a wide
 * table or a long unbroken word is found by its selector.
 */
export async function expectReflowAt320(page: Page): Promise<void> {
  const original = page.viewportSize()
  await page.setViewportSize({ width: REFLOW_WIDTH, height: 640 })
  try {
    const overflow = await page.evaluate(async (limit) => {
      await new Promise((resolve) => requestAnimationFrame(resolve))
      const width = document.documentElement.scrollWidth
      if (width <= limit) return { width, offenders: [] }
      const style = (element: Element) => getComputedStyle(element)
      const clips = (element: Element) => style(element).overflowX !== 'visible'
      const selector = (element: Element) => {
        const parts: string[] = []
        for (let e: Element | null = element; e && e !== document.body && parts.length < 4; e = e.parentElement) {
          parts.unshift(e.id ? `${e.localName}#${e.id}` : [e.localName, ...Array.from(e.classList)].join('.'))
          if (e.id) break
        }
        return parts.join(' > ')
      }
      const right = (element: Element) => element.getBoundingClientRect().right + window.scrollX
      // A scroll box clips what it holds, except an absolutely placed element whose containing
      // block lies outside it: such an element widens the page from inside a scrolling table.
      const clipped = (element: Element) => {
        let placedBy = style(element).position === 'absolute' ? null : element
        for (let a = element.parentElement; a && a !== document.body; a = a.parentElement) {
          if (!placedBy && style(a).position !== 'static') placedBy = a
          if (placedBy && clips(a)) return true
        }
        return false
      }
      const sticksOut = (element: Element) =>
        right(element) > limit + 0.5 &&
        element.getBoundingClientRect().width > 0 &&
        style(element).position !== 'fixed' &&
        !clipped(element)
      const offending = Array.from(document.body.querySelectorAll('*')).filter(sticksOut)
      const outermost = offending.filter((element) => !offending.some((other) => other !== element && other.contains(element)))
      const offenders = outermost.map((outer) => {
        const inner = offending.filter((element) => outer.contains(element)).sort((a, b) => right(b) - right(a))
        const deepest = inner.filter((element) => !inner.some((other) => other !== element && element.contains(other)))[0] ?? outer
        return {
          selector: deepest === outer ? selector(outer) : `${selector(outer)} … ${selector(deepest)}`,
          right: Math.round(right(outer)),
          width: Math.round(deepest.getBoundingClientRect().width),
        }
      })
      offenders.sort((a, b) => b.right - a.right)
      return { width, offenders: offenders.slice(0, 5) }
    }, REFLOW_WIDTH)
    const found = overflow.offenders.map((o) => `${o.selector} (reaches ${o.right} px; the innermost is ${o.width} px wide)`).join('; ')
    expect(overflow.width, `${page.url()} scrolls sideways at ${REFLOW_WIDTH} px: ${found}`).toBeLessThanOrEqual(REFLOW_WIDTH)
  } finally {
    if (original) await page.setViewportSize(original)
  }
}
