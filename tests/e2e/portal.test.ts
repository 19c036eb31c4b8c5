import type { Locator, Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { member } from '#tests/support/accounts'
import { describeInBrowser, expectNoAxeViolations, signIn, useBrowser } from '#tests/support/browser'

/** Presses Tab until the control has focus, as a keyboard user would; fails if it never does. */
async function tabTo(page: Page, control: Locator, maxPresses = 150) {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab')
    if (await control.evaluate((el) => el === document.activeElement)) return
  }
  throw new Error(`${control} could not be reached with the Tab key`)
}

const KATOWICE = 'Zespół Doradczy ds. pomocy osobom bezrobotnym'

describeInBrowser('the public portal in the browser', () => {
  const browser = useBrowser()

  it('takes a signed-out visitor from / to the Katowice minutes of 2009 by keyboard alone; axe-core checks each page', async () => {
    const page = await browser.context.newPage()
    await page.goto('/')
    const main = page.locator('main')
    await main.getByRole('heading', { name: 'Archiwum publiczne', level: 2 }).waitFor()
    await expectNoAxeViolations(page)

    await tabTo(page, main.getByRole('link', { name: `2009 — ${KATOWICE}` }))
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/bodies\/\d+\/years\/2009$/)
    await main.getByRole('heading', { name: `${KATOWICE}: rok 2009`, level: 1 }).waitFor()
    await main.getByRole('heading', { name: 'Spotkanie nr 1 — 16 czerwca 2009 r.', level: 2 }).waitFor()
    await expectNoAxeViolations(page)
    await expect(page.getByRole('navigation', { name: 'Lata spotkań zespołu' }).isVisible()).resolves.toBe(true)

    // The breadcrumbs lead back to the portal…
    const crumb = page.getByRole('navigation', { name: 'Ścieżka nawigacji' }).getByRole('link', { name: 'Archiwum publiczne' })
    await tabTo(page, crumb)
    await page.keyboard.press('Enter')
    await page.waitForURL((url) => url.pathname === '/')

    // …and the minutes are one more link away.
    await page.goBack()
    await main.getByRole('heading', { name: `${KATOWICE}: rok 2009`, level: 1 }).waitFor()
    await tabTo(page, main.getByRole('link', { name: 'Notatka ze spotkania', exact: true }))
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/meetings\/\d+\/minutes$/)
    await main.getByText('Śląska Fundacja Obywatelska Lex Civis').first().waitFor()
    await page.close()
  })

  it('shows the ROPS Kraków year with its public presentations, and the portal on a member dashboard; axe-core checks each page', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await signIn(page, member)
    await page.goto('/')
    const main = page.locator('main')
    const section = main.getByRole('region', { name: 'Archiwum publiczne' })
    await section.waitFor()
    await expectNoAxeViolations(page)

    await tabTo(page, section.getByRole('link', { name: /^2013 — Grupa robocza ds\. współpracy OPS\/PCPR/ }))
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/bodies\/\d+\/years\/2013$/)
    await main.getByRole('link', { name: '„SOS w oddłużaniu” – dobra praktyka współpracy MOPS i PUP w Tarnowie' }).waitFor()
    await expect(main.getByRole('link', { name: 'Notatka ze spotkania', exact: true }).count()).resolves.toBe(0)
    await expectNoAxeViolations(page)
    await context.close()
  })

  it('works without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto('/')
    await page
      .locator('main')
      .getByRole('link', { name: `2009 — ${KATOWICE}` })
      .click()
    await page.waitForURL(/\/bodies\/\d+\/years\/2009$/)
    await page.locator('main').getByRole('link', { name: 'Notatka ze spotkania (PDF)' }).waitFor()
    await context.close()
  })
})
