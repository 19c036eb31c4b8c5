import type { ConsoleMessage } from 'playwright-core'
import { expect, it } from 'vitest'
import { member } from '#tests/support/accounts'
import { describeInBrowser, signIn, useBrowser } from '#tests/support/browser'

// The other browser tests bypass the CSP to inject axe-core; this one keeps it on.
describeInBrowser('under the real Content-Security-Policy', () => {
  const browser = useBrowser({ bypassCSP: false })

  it('runs the app’s scripts (client-side navigation works) and reports no CSP violation', async () => {
    const page = await browser.context.newPage()
    const problems: string[] = []
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(message.text())
    })
    page.on('pageerror', (error) => problems.push(error.message))

    await signIn(page, member)
    // A full page load would forget this; only a hydrated app navigates without one.
    await page.evaluate(() => Object.assign(window, { __stillHere: true }))
    await page.getByRole('navigation').getByRole('link', { name: 'Instytucje' }).click()
    await page.waitForURL((url) => url.pathname === '/organisations')
    await page.getByRole('heading', { level: 1 }).waitFor()
    expect(await page.evaluate(() => (window as unknown as { __stillHere?: boolean }).__stillHere)).toBe(true)
    expect(problems).toEqual([])
  })
})
