import crypto from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { afterEach, beforeAll, beforeEach, expect, it } from 'vitest'
import { member, officer } from '#tests/support/accounts'
import { describeInBrowser, expectNoAxeViolations, signIn, useBrowser } from '#tests/support/browser'
import { pickByKeyboard } from '#tests/support/pickers'

const suffix = crypto.randomUUID().slice(0, 8)
const deputyName = `Ewa Zastępczyni-Łąkowska ${suffix}`

/** A deputy for MOPS Tarnów besides Jakub Wrona, so that the form has two people to choose from. */
async function addDeputy() {
  const { db, schema } = await import('~/db.server')
  const { createPerson } = await import('~/models/person.server')
  const mops = db
    .select({ id: schema.organisations.id })
    .from(schema.organisations)
    .where(eq(schema.organisations.name, 'Miejski Ośrodek Pomocy Społecznej w Tarnowie'))
    .get()!
  const saved = createPerson({
    input: { name: deputyName, position: 'Kierownik Działu Aktywizacji', organisationId: mops.id },
    actor: { userId: null, ip: null },
  })
  if (!saved.ok) throw new Error('deputy')
}

/** Presses Tab until the focused element matches `selector` (and has `text`); fails if it never comes. */
async function tabTo(page: Page, selector: string, max = 80, text?: string) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab')
    const reached = await page.evaluate(
      ([s, t]) => !!document.activeElement?.matches(s!) && (t === undefined || document.activeElement.textContent === t),
      [selector, text] as const,
    )
    if (reached) return
  }
  throw new Error(`Tab never reached ${selector}${text ? ` „${text}”` : ''}`)
}

/** The focused control shows the focus outline of app.css. */
async function expectVisibleFocus(page: Page) {
  const outline = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!)
    return `${style.outlineStyle} ${style.outlineWidth}`
  })
  expect(outline).not.toMatch(/^none|^\S+ 0px$/)
}

describeInBrowser('bodies in the browser', () => {
  const browser = useBrowser()
  let page: Page
  let bodyPath = ''
  const name = `Grupa robocza projektu „Fachowa siła przyszłością dla rodziny” ${suffix}`

  beforeAll(async () => {
    await addDeputy()
    const first = await browser.context.newPage()
    await signIn(first, officer)
    await first.close()
  })
  beforeEach(async () => {
    page = await browser.context.newPage()
  })
  afterEach(async () => {
    await page.close()
  })

  const main = () => page.locator('main')

  it('lets an officer create a body with a project, after a Polish error next to the field that keeps the input', async () => {
    await page.goto('/bodies')
    await expectNoAxeViolations(page)
    await main().getByRole('link', { name: 'Nowy zespół' }).click()
    await page.waitForURL(/\/bodies\/new$/)
    await expectNoAxeViolations(page)

    const form = main().locator('form')
    await form.getByLabel('Rodzaj').selectOption({ label: 'Grupa robocza' })
    await form.getByLabel('Nazwa', { exact: true }).fill(name)
    await form.getByLabel(/^Cel i zadania zespołu/).fill('Wypracowanie modelu współpracy OPS i PUP na rzecz rodzin.\nDruga linia celu.')
    await pickByKeyboard(
      form.getByRole('combobox', { name: 'Instytucja zwołująca' }),
      'mops wodzislaw',
      /^Miejski Ośrodek Pomocy Społecznej w Wodzisławiu Śląskim \(MOPS Wodzisław Śląski\) — /,
    )
    await form.getByLabel('Zespół publiczny').check()
    await form.getByLabel(/^Nazwa projektu/).fill('Fachowa siła przyszłością dla rodziny')
    await form.getByLabel(/^Program/).fill('Program Operacyjny Wiedza Edukacja Rozwój')
    await form.getByLabel(/^Numer konkursu lub umowy/).fill('POWR.04.01.00-IZ.00-00-004/16')
    await form.getByLabel(/^Wartość projektu/).fill('904 150,00')
    await form.getByLabel(/^Dofinansowanie ze środków UE/).fill('876 150,OO')
    await form.getByRole('button', { name: 'Zapisz' }).click()

    const eu = form.getByLabel(/^Dofinansowanie ze środków UE/)
    await form.getByText('Podaj kwotę w złotych, np. 904 150,00.').waitFor()
    await expect(eu.getAttribute('aria-invalid')).resolves.toBe('true')
    // The message is tied to the field, so a screen reader reads it with it.
    const describedBy = (await eu.getAttribute('aria-describedby')) ?? ''
    const messages = await Promise.all(describedBy.split(' ').map((id) => page.locator(`[id="${id}"]`).textContent()))
    expect(messages).toContain('Podaj kwotę w złotych, np. 904 150,00.')
    await expect(form.getByLabel('Nazwa', { exact: true }).inputValue()).resolves.toBe(name)
    await expect(form.getByLabel(/^Wartość projektu/).inputValue()).resolves.toBe('904 150,00')
    expect(page.url()).toMatch(/\/bodies\/new$/)
    await expectNoAxeViolations(page)

    await eu.fill('876 150,00')
    await form.getByRole('button', { name: 'Zapisz' }).click()
    await page.waitForURL(/\/bodies\/\d+$/)
    bodyPath = new URL(page.url()).pathname
    await main().getByRole('heading', { level: 1, name }).waitFor()
    await expect(page.getByRole('status').first().textContent()).resolves.toBe('Utworzono zespół. Jesteś jego koordynatorem.')
    await main().getByText('904 150,00 zł').waitFor()
    await main().getByText('876 150,00 zł').waitFor()
    await main().getByText('Gizela Przeor — koordynator').waitFor()
    await main().getByText('publiczny', { exact: true }).waitFor()
    await expectNoAxeViolations(page)

    await main().getByRole('link', { name: 'Edytuj' }).click()
    await page.waitForURL(/\/edit$/)
    await expect(
      main()
        .getByLabel(/^Wartość projektu/)
        .inputValue(),
    ).resolves.toBe('904150,00')
    await expect(main().getByLabel('Zespół publiczny').isChecked()).resolves.toBe(true)
    await expectNoAxeViolations(page)
  })

  it('adds a member institution with its delegate and deputy, the people loading as the institution is chosen', async () => {
    expect(bodyPath, 'the previous test creates the body').not.toBe('')
    await page.goto(bodyPath)
    await main().getByRole('link', { name: 'Skład zespołu', exact: true }).click()
    await page.waitForURL(/\/members$/)
    await expectNoAxeViolations(page)
    await expect(main().getByRole('button', { name: 'Pokaż osoby' }).count()).resolves.toBe(0)

    const form = main().locator('form#add-membership')
    await pickByKeyboard(
      form.getByRole('combobox', { name: 'Instytucja' }),
      'mops tarnow',
      /^Miejski Ośrodek Pomocy Społecznej w Tarnowie \(MOPS Tarnów\) — /,
    )
    await expect.poll(() => form.getByLabel('Delegat').locator('option', { hasText: 'Jakub Wrona' }).count()).toBe(1)
    await form.getByLabel('Delegat').selectOption({ label: 'Jakub Wrona' })
    await form.getByLabel('Zastępca').selectOption({ label: `${deputyName} — Kierownik Działu Aktywizacji` })
    await form.getByLabel('Funkcja w zespole').selectOption({ label: 'przewodniczący' })
    await form.getByLabel('Od', { exact: true }).fill('2017-05-11')
    await form.getByRole('button', { name: 'Dodaj do składu' }).click()

    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Dodano instytucję do składu zespołu.')
    const row = main().getByRole('row', { name: /Miejski Ośrodek Pomocy Społecznej w Tarnowie/ })
    await expect(row.textContent()).resolves.toContain('Jakub Wrona')
    await expect(row.textContent()).resolves.toContain(deputyName)
    await expect(row.textContent()).resolves.toContain('przewodniczący')
    await expect(row.textContent()).resolves.toContain('11.05.2017 r.')
    await expectNoAxeViolations(page)

    // The same institution cannot take a second seat for the same time.
    await pickByKeyboard(
      form.getByRole('combobox', { name: 'Instytucja' }),
      'ośrodek tarnów',
      /^Miejski Ośrodek Pomocy Społecznej w Tarnowie \(MOPS Tarnów\) — /,
    )
    await form.getByLabel('Funkcja w zespole').selectOption({ label: 'członek' })
    await form.getByRole('button', { name: 'Dodaj do składu' }).click()
    await form.getByText('Ta instytucja jest już członkiem zespołu w tym okresie.').waitFor()
    await expect(form.getByRole('combobox', { name: 'Instytucja' }).getAttribute('aria-invalid')).resolves.toBe('true')
    await expectNoAxeViolations(page)

    // The body's page now shows the institution with its delegate.
    await page.goto(bodyPath)
    await main().getByRole('rowheader', { name: 'Miejski Ośrodek Pomocy Społecznej w Tarnowie' }).waitFor()
    await expectNoAxeViolations(page)
  })

  it('works by keyboard alone on the members page: add a seat, then end it', async () => {
    expect(bodyPath, 'the first test creates the body').not.toBe('')
    await page.goto(`${bodyPath}/members`)
    const combobox = 'form#add-membership input[role="combobox"]'
    await page.locator(combobox).waitFor()

    await tabTo(page, combobox)
    await expectVisibleFocus(page)
    // The institution is searched for and chosen with the arrow keys and Enter, as a keyboard user does
    // (other tests add institutions, so the arrow is pressed until the right one is active).
    const active = () =>
      page.evaluate((selector) => {
        const id = document.querySelector(selector)?.getAttribute('aria-activedescendant')
        return id ? (document.getElementById(id)?.textContent ?? '') : ''
      }, combobox)
    await page.keyboard.type('pup tarnow')
    await main()
      .getByRole('option', { name: /^Powiatowy Urząd Pracy w Tarnowie \(PUP Tarnów\)/ })
      .waitFor()
    for (let i = 0; i < 20 && !(await active()).startsWith('Powiatowy Urząd Pracy w Tarnowie (PUP Tarnów)'); i++)
      await page.keyboard.press('ArrowDown')
    await expect(active()).resolves.toMatch(/^Powiatowy Urząd Pracy w Tarnowie \(PUP Tarnów\)/)
    await page.keyboard.press('Enter')
    await main()
      .locator('form#add-membership')
      .getByText(/^Powiatowy Urząd Pracy w Tarnowie \(PUP Tarnów\) — /)
      .waitFor()
    await tabTo(page, 'form#add-membership button[type="submit"]')
    await expectVisibleFocus(page)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Dodano instytucję do składu zespołu.')
    const row = main().getByRole('row', { name: /Powiatowy Urząd Pracy w Tarnowie/ })
    await expect(row.textContent()).resolves.toContain('obecnie')

    // Tab order follows the table down to the end button of the PUP seat.
    await tabTo(page, 'button[type="submit"]:has(.visually-hidden)', 150, 'Zakończ członkostwo: Powiatowy Urząd Pracy w Tarnowie')
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      'Zakończ członkostwo: Powiatowy Urząd Pracy w Tarnowie',
    )
    await expectVisibleFocus(page)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Zapisano datę zakończenia członkostwa.')
    await expectNoAxeViolations(page)
  })

  it('shows a member the body they sit on but no way to change it', async () => {
    const context = await browser.newContext()
    const memberPage = await context.newPage()
    await signIn(memberPage, member)
    expect(bodyPath).not.toBe('')
    await memberPage.goto(`${bodyPath}/members`)
    await memberPage
      .locator('main')
      .getByRole('rowheader', { name: /Miejski Ośrodek Pomocy Społecznej w Tarnowie/ })
      .waitFor()
    await expect(memberPage.locator('main').getByRole('button', { name: 'Dodaj do składu' }).count()).resolves.toBe(0)
    await expect(
      memberPage
        .locator('main')
        .getByRole('button', { name: /Zakończ członkostwo/ })
        .count(),
    ).resolves.toBe(0)
    await expectNoAxeViolations(memberPage)
    await context.close()
  })

  it('shows a signed-out visitor the public body with its institutions but not its people', async () => {
    const context = await browser.newContext()
    const visitor = await context.newPage()
    // Other tests' teams can page it off the first page: the visitor searches for it.
    await visitor.goto(`/bodies?${new URLSearchParams({ q: suffix })}`)
    await visitor.getByRole('navigation', { name: 'Nawigacja główna' }).getByRole('link', { name: 'Zespoły' }).waitFor()
    await visitor.locator('main').getByRole('link', { name }).click()
    await visitor.waitForURL(/\/bodies\/\d+$/)
    await visitor.locator('main').getByRole('rowheader', { name: 'Miejski Ośrodek Pomocy Społecznej w Tarnowie' }).waitFor()
    await expect(visitor.locator('main').getByText('Jakub Wrona').count()).resolves.toBe(0)
    await expect(visitor.locator('main').getByRole('link', { name: 'Skład zespołu', exact: true }).count()).resolves.toBe(0)
    await expectNoAxeViolations(visitor)
    await context.close()
  })
})

describeInBrowser('the members page without JavaScript', () => {
  const browser = useBrowser({ javaScriptEnabled: false })

  it('adds a member institution by loading its people with „Pokaż osoby”', async () => {
    const page = await browser.context.newPage()
    await signIn(page, officer)
    await page.goto('/bodies/new')
    const bodyName = `Zespół doradczy bez JavaScriptu ${suffix}`
    const form = page.locator('main form')
    await form.getByLabel('Rodzaj').selectOption({ label: 'Zespół doradczy' })
    await form.getByLabel('Nazwa', { exact: true }).fill(bodyName)
    // The convening institution is searched for, then chosen among the matches; the name stays.
    await form.getByLabel('Szukaj instytucji').fill('um katowice')
    await form.getByRole('button', { name: /^Szukaj\s*: Instytucja zwołująca/ }).click()
    await form.getByRole('radio', { name: /^Urząd Miasta Katowice \(UM Katowice\) — / }).check()
    await expect(form.getByLabel('Nazwa', { exact: true }).inputValue()).resolves.toBe(bodyName)
    await form.getByRole('button', { name: 'Zapisz' }).click()
    await page.waitForURL(/\/bodies\/\d+$/)
    await page.locator('main').getByRole('link', { name: 'Skład zespołu', exact: true }).click()
    await page.waitForURL(/\/members$/)

    const add = page.locator('main form#add-membership')
    // The institution is searched for, then chosen among the matches.
    await add.getByLabel('Funkcja w zespole').selectOption({ label: 'sekretarz' })
    await add.getByLabel('Szukaj instytucji').fill('mops tarnow')
    await add.getByRole('button', { name: /^Szukaj\s*: Instytucja/ }).click()
    await add.getByRole('radio', { name: /^Miejski Ośrodek Pomocy Społecznej w Tarnowie \(MOPS Tarnów\) — / }).check()
    await expect(add.getByLabel('Funkcja w zespole').inputValue()).resolves.toBe('secretary')
    await add.getByRole('button', { name: 'Pokaż osoby' }).click()
    // Back with the people and with what was chosen, and no error reported.
    await add.getByLabel('Delegat').selectOption({ label: 'Jakub Wrona' })
    await expect(add.getByLabel('Funkcja w zespole').inputValue()).resolves.toBe('secretary')
    await expect(page.getByRole('alert').count()).resolves.toBe(0)
    await add.getByRole('button', { name: 'Dodaj do składu' }).click()
    await page
      .locator('main')
      .getByRole('row', { name: /Miejski Ośrodek Pomocy Społecznej w Tarnowie/ })
      .getByText('Jakub Wrona')
      .waitFor()
    await page.close()
  })
})
