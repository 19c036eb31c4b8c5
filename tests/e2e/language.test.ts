import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { describeInBrowser, useBrowser } from '#tests/support/browser'

/** The dictionaries the page fetched (their chunks are named after the language), until it hydrated. */
async function openHydrated(page: Page, go: () => Promise<unknown>) {
  const dictionaries: string[] = []
  const errors: string[] = []
  const onResponse = (response: { url(): string }) => {
    const chunk = /\/build\/_shared\/(pl|en)-[A-Z0-9]+\.js$/.exec(response.url())
    if (chunk) dictionaries.push(chunk[1]!)
  }
  page.on('response', onResponse)
  page.on('pageerror', (error) => errors.push(error.message))
  await go()
  await page.waitForFunction(() => !!(window as unknown as { __remixRouter?: unknown }).__remixRouter)
  page.off('response', onResponse)
  return { dictionaries, errors }
}

describeInBrowser('the browser gets one language', () => {
  const browser = useBrowser()

  it('a Polish page fetches only the Polish dictionary, and after switching only the English one, and both hydrate', async () => {
    const page = await browser.context.newPage()
    const polish = await openHydrated(page, () => page.goto('/login'))
    expect(polish).toEqual({ dictionaries: ['pl'], errors: [] })

    const english = await openHydrated(page, async () => {
      await page.getByRole('button', { name: 'Switch to English' }).click()
      await page.waitForFunction(() => document.documentElement.lang === 'en')
    })
    expect(english).toEqual({ dictionaries: ['en'], errors: [] })
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor()

    // Hydrated in English: a client-side navigation renders English text.
    await page.getByRole('link', { name: 'Check that a PDF document is genuine' }).click()
    await page.getByRole('heading', { name: 'Verifying documents', level: 1 }).waitFor()
    await page.close()
  })
})
