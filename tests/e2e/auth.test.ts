import type { Page } from 'playwright-core'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { admin, member } from '#tests/support/accounts'
import { describeInBrowser, expectNoAxeViolations, signIn, useBrowser } from '#tests/support/browser'

describeInBrowser('signing in and out in the browser', () => {
  const browser = useBrowser()
  let page: Page

  beforeEach(async () => {
    await browser.context.clearCookies()
    page = await browser.context.newPage()
  })
  afterEach(async () => {
    await page.close()
  })

  const focused = (p: Page) =>
    p.evaluate(() => {
      const el = document.activeElement
      return el
        ? { tag: el.tagName.toLowerCase(), id: el.id, name: el.getAttribute('name'), className: el.className, text: el.textContent?.trim() }
        : null
    })

  /** Presses Tab until the field named `name` has focus; fails if it is not reachable. */
  async function tabTo(name: string, limit = 15) {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab')
      if ((await focused(page))?.name === name) return
    }
    throw new Error(`Tab never reached the field "${name}" in ${limit} presses`)
  }

  it('shows a login page that passes axe', async () => {
    await page.goto('/login')
    await expect(page.title()).resolves.toBe('Logowanie — Narada')
    expect(await page.locator('html').getAttribute('lang')).toBe('pl')
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Logowanie')
    await expectNoAxeViolations(page)
  })

  it('signs in with the keyboard alone and lands on a dashboard that passes axe', async () => {
    await page.goto('/login')
    await tabTo('email')
    await page.keyboard.type(admin.email)
    await page.keyboard.press('Tab')
    expect((await focused(page))?.name).toBe('password')
    await page.keyboard.type(admin.password)
    await page.keyboard.press('Enter')
    await page.waitForURL((url) => url.pathname === '/')
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Pulpit')
    await page.getByText('Zalogowano jako Administrator', { exact: true }).waitFor()
    await expectNoAxeViolations(page)
  })

  it('shows the Polish error for a wrong password and keeps the e-mail', async () => {
    await page.goto('/login')
    await page.getByLabel('Adres e-mail', { exact: true }).fill(member.email)
    await page.getByLabel('Hasło', { exact: true }).fill('not-the-password')
    await page.locator('main').getByRole('button', { name: 'Zaloguj się' }).click()
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect((await alert.textContent())?.trim()).toBe('Nieprawidłowy adres e-mail lub hasło.')
    expect(new URL(page.url()).pathname).toBe('/login')
    await expect(page.getByLabel('Adres e-mail', { exact: true }).inputValue()).resolves.toBe(member.email)
    await expectNoAxeViolations(page)
  })

  it('makes the skip link the first Tab stop, shown on focus, and moves focus to main', async () => {
    await signIn(page, member)
    await page.goto('/organisations')
    await page.keyboard.press('Tab')
    const skip = await focused(page)
    expect(skip).toMatchObject({ tag: 'a', text: 'Przejdź do treści' })
    const box = await page.locator('a.skip-link').boundingBox()
    expect(box && box.y >= 0 && box.height > 0, 'the focused skip link is on screen').toBe(true)
    await page.keyboard.press('Enter')
    expect((await focused(page))?.id).toBe('main')
    // The next Tab goes on from the main content, not from the top of the page.
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true)
  })

  it('switches to English and back', async () => {
    await page.goto('/login')
    await page.getByRole('button', { name: 'Switch to English' }).click()
    await page.waitForFunction(() => document.documentElement.lang === 'en')
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Sign in')
    await expect(page.getByLabel('E-mail address', { exact: true }).isVisible()).resolves.toBe(true)
    expect(new URL(page.url()).pathname).toBe('/login')

    await page.reload()
    expect(await page.locator('html').getAttribute('lang')).toBe('en')

    await page.getByRole('button', { name: 'Przełącz na język polski' }).click()
    await page.waitForFunction(() => document.documentElement.lang === 'pl')
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Logowanie')
  })

  it('signs out, after which protected pages ask to sign in again', async () => {
    await signIn(page, member)
    await page.getByRole('button', { name: 'Wyloguj się' }).click()
    await page.waitForURL((url) => url.pathname === '/')
    await page.getByRole('link', { name: 'Zaloguj się' }).first().waitFor()
    await expect(page.getByText('Zalogowano jako', { exact: false }).count()).resolves.toBe(0)
    await page.goto('/account')
    expect(new URL(page.url()).pathname).toBe('/login')
    expect(new URL(page.url()).searchParams.get('redirectTo')).toBe('/account')
  })

  it('brings the user back to the page they asked for', async () => {
    await page.goto('/regions')
    expect(new URL(page.url()).pathname).toBe('/login')
    await page.getByLabel('Adres e-mail', { exact: true }).fill(member.email)
    await page.getByLabel('Hasło', { exact: true }).fill(member.password)
    await page.locator('main').getByRole('button', { name: 'Zaloguj się' }).click()
    await page.waitForURL((url) => url.pathname === '/regions')
  })
})

describeInBrowser('without JavaScript', () => {
  const browser = useBrowser({ javaScriptEnabled: false })
  let page: Page

  beforeEach(async () => {
    await browser.context.clearCookies()
    page = await browser.context.newPage()
  })
  afterEach(async () => {
    await page.close()
  })

  it('signs in and out with plain forms', async () => {
    await signIn(page, member)
    expect(new URL(page.url()).pathname).toBe('/')
    await page.getByText('Zalogowano jako Jakub Wrona', { exact: true }).waitFor()
    await page.getByRole('button', { name: 'Wyloguj się' }).click()
    await page.waitForURL((url) => url.pathname === '/')
    await expect(page.getByText('Zalogowano jako', { exact: false }).count()).resolves.toBe(0)
  })

  it('shows the error for a wrong password and keeps the e-mail', async () => {
    await page.goto('/login')
    await page.getByLabel('Adres e-mail', { exact: true }).fill(member.email)
    await page.getByLabel('Hasło', { exact: true }).fill('not-the-password')
    await page.locator('main').getByRole('button', { name: 'Zaloguj się' }).click()
    await page.getByRole('alert').waitFor()
    expect((await page.getByRole('alert').textContent())?.trim()).toBe('Nieprawidłowy adres e-mail lub hasło.')
    await expect(page.getByLabel('Adres e-mail', { exact: true }).inputValue()).resolves.toBe(member.email)
  })

  it('switches the language', async () => {
    await page.goto('/login')
    await page.getByRole('button', { name: 'Switch to English' }).click()
    await page.waitForURL((url) => url.pathname === '/login')
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
  })
})
