import { eq } from 'drizzle-orm'
import type { BrowserContext, Page } from 'playwright-core'
import { beforeAll, expect, it } from 'vitest'
import { describeInBrowser, expectNoAxeViolations, signIn, useBrowser } from '#tests/support/browser'
import { createInvitationScene } from '#tests/support/invitations'
import { pickByKeyboard } from '#tests/support/pickers'

type Scene = Awaited<ReturnType<typeof createInvitationScene>>

describeInBrowser('pickers that search, with and without JavaScript', () => {
  const browser = useBrowser()
  let scene: Scene
  const names = { mops: '', pup: '' }
  /** The unique word that ends each test institution's name: typed to find only this scene's people. */
  const tag = (name: string) => name.split(' ').at(-1)!

  beforeAll(async () => {
    const { db, schema } = await import('~/db.server')
    scene = await createInvitationScene()
    const nameOf = (id: number) =>
      db.select({ name: schema.organisations.name }).from(schema.organisations).where(eq(schema.organisations.id, id)).get()!.name
    names.mops = nameOf(scene.organisations.mops)
    names.pup = nameOf(scene.organisations.pup)
  })

  const anna = () => `Anna Łęcka — ${names.mops}`
  const grzegorz = () => `Grzegorz Źdźbło — ${names.pup}`

  /**
   * axe-core needs JavaScript: the page as served without it is checked in a page that runs
   * scripts but loads none of the application's, so it stays exactly as the server sent it.
   */
  async function expectNoAxeViolationsWithoutScripts(context: BrowserContext, page: Page) {
    const html = await page.content()
    const checker = await context.newPage()
    await checker.route('**/*.js', (route) => route.abort())
    await checker.goto(page.url())
    await checker.setContent(html, { waitUntil: 'load' })
    await expectNoAxeViolations(checker)
    await checker.close()
  }

  it('picks a speaker on the agenda and a guest on the invitations by keyboard alone', async () => {
    const page = await browser.context.newPage()
    await signIn(page, scene.accounts.officer)
    await page.goto(`/meetings/${scene.meetingId}/agenda`)
    const form = page.getByRole('region', { name: 'Dodaj punkt programu' })
    await form.getByLabel('Tytuł').fill('Oferta MOPS dla rodzin')
    const speakers = form.getByRole('combobox', { name: /^Prelegenci/ })
    await expect(speakers.getAttribute('aria-expanded')).resolves.toBe('false')
    await expectNoAxeViolations(page)

    // Typing without diacritics finds her; the count is announced; Home and End stay in the text.
    await speakers.focus()
    await speakers.pressSequentially(`lecka ${tag(names.mops)}`)
    await form.getByRole('option', { name: anna() }).waitFor()
    await expect(speakers.getAttribute('aria-expanded')).resolves.toBe('true')
    await form.getByRole('status').filter({ hasText: 'Liczba wyników: 1.' }).waitFor({ state: 'attached' })
    await speakers.press('Home')
    await speakers.press('End')
    await expect(speakers.inputValue()).resolves.toBe(`lecka ${tag(names.mops)}`)
    await speakers.press('ArrowDown')
    const active = await speakers.getAttribute('aria-activedescendant')
    await expect(page.locator(`[id="${active}"]`).getAttribute('aria-selected')).resolves.toBe('true')
    await expectNoAxeViolations(page)
    // Escape closes the list and keeps the text; Enter on the active option chooses it.
    await speakers.press('Escape')
    await expect(speakers.getAttribute('aria-expanded')).resolves.toBe('false')
    await expect(speakers.inputValue()).resolves.toBe(`lecka ${tag(names.mops)}`)
    await speakers.press('Backspace')
    // Only the answer to the text now in the box is offered: an older list is never picked from.
    await expect(speakers.getAttribute('aria-expanded')).resolves.toBe('false')
    await form.getByRole('option', { name: anna(), exact: true }).waitFor()
    await speakers.press('ArrowDown')
    await speakers.press('Enter')
    await form.getByText(anna(), { exact: true }).waitFor()
    await expect(speakers.inputValue()).resolves.toBe('')
    await expectNoAxeViolations(page)

    // A second speaker; the first one removed and chosen again, all from the keyboard.
    await pickByKeyboard(speakers, `zdzblo ${tag(names.pup)}`, grzegorz())
    await form.getByRole('button', { name: new RegExp(`^Usuń\\s*: ${anna()}$`) }).press('Enter')
    await expect(form.getByRole('list', { name: 'Wybrano' }).textContent()).resolves.not.toContain('Anna Łęcka')
    await pickByKeyboard(speakers, `łęcka ${tag(names.mops)}`, anna())
    await form.getByRole('button', { name: 'Dodaj punkt' }).click()
    const item = page.locator('main').getByRole('heading', { level: 4, name: 'Oferta MOPS dla rodzin' })
    await item.waitFor()
    await page.locator('main').getByText(`Prowadzą: Grzegorz Źdźbło (${names.pup}), Anna Łęcka (${names.mops})`).waitFor()
    await expectNoAxeViolations(page)

    await page.goto(`/meetings/${scene.meetingId}/invitations`)
    const guest = page.locator('main form#add-person')
    await pickByKeyboard(guest.getByRole('combobox', { name: 'Osoba' }), `zdzblo ${tag(names.pup)}`, grzegorz())
    await expectNoAxeViolations(page)
    await guest.getByRole('button', { name: 'Dodaj gościa' }).press('Enter')
    await page.getByRole('row', { name: /Grzegorz Źdźbło/ }).waitFor()
    await expectNoAxeViolations(page)
    await page.close()
  })

  it('searches, then chooses, without JavaScript, keeping what was typed', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await signIn(page, scene.accounts.officer)
    await page.goto(`/meetings/${scene.meetingId}/agenda`)
    const form = page.getByRole('region', { name: 'Dodaj punkt programu' })
    await form.getByLabel('Tytuł').fill('Diagnoza potrzeb bez skryptów')
    await expectNoAxeViolationsWithoutScripts(browser.context, page)

    const speakers = form.getByRole('group', { name: /^Prelegenci/ })
    await speakers.getByLabel('Szukaj osoby').fill(`osrodek ${tag(names.mops)}`)
    await speakers.getByRole('button', { name: /^Szukaj/ }).click()
    await speakers.getByText(`Wyniki dla „osrodek ${tag(names.mops)}” (2)`).waitFor()
    await expect(form.getByLabel('Tytuł').inputValue()).resolves.toBe('Diagnoza potrzeb bez skryptów')
    await expectNoAxeViolationsWithoutScripts(browser.context, page)
    await speakers.getByRole('checkbox', { name: anna() }).check()

    // A second search keeps the first choice, checked, beside the new matches.
    await speakers.getByLabel('Szukaj osoby').fill(`zdzblo ${tag(names.pup)}`)
    await speakers.getByRole('button', { name: /^Szukaj/ }).click()
    await expect(speakers.getByRole('checkbox', { name: anna() }).isChecked()).resolves.toBe(true)
    await speakers.getByRole('checkbox', { name: grzegorz() }).check()
    await expectNoAxeViolationsWithoutScripts(browser.context, page)
    await form.getByRole('button', { name: 'Dodaj punkt' }).click()
    await page.locator('main').getByRole('heading', { level: 4, name: 'Diagnoza potrzeb bez skryptów' }).waitFor()
    await page.locator('main').getByText(`Prowadzą: Anna Łęcka (${names.mops}), Grzegorz Źdźbło (${names.pup})`).waitFor()

    await page.goto(`/meetings/${scene.meetingId}/invitations`)
    const guest = page.locator('main form#add-person')
    await guest.getByLabel('Szukaj osoby').fill(`Żaneta ${tag(names.mops)}`)
    await guest.getByRole('button', { name: /^Szukaj/ }).click()
    await guest.getByRole('radio', { name: `Żaneta Bez-Adresu — ${names.mops}` }).check()
    await expectNoAxeViolationsWithoutScripts(browser.context, page)
    await guest.getByRole('button', { name: 'Dodaj gościa' }).click()
    await page.getByRole('row', { name: /Żaneta Bez-Adresu/ }).waitFor()
    await context.close()
  })
})
