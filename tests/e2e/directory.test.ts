import type { Page } from 'playwright-core'
import { afterEach, beforeAll, beforeEach, expect, it } from 'vitest'
import { admin, member, officer } from '#tests/support/accounts'
import { foldText } from '~/utils/text'
import { describeInBrowser, expectNoAxeViolations, signIn, useBrowser } from '#tests/support/browser'

describeInBrowser('the institution directory in the browser', () => {
  const browser = useBrowser()
  let page: Page

  beforeAll(async () => {
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
  const rowNames = () => main().locator('tbody th[scope="row"] a').allTextContents()

  it('filters the sample institutions by several kinds and a county found by typing, and says the filter in words', async () => {
    await page.goto('/organisations')
    await expect(main().getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Instytucje')
    await expectNoAxeViolations(page)
    const kinds = main().getByRole('group', { name: 'Rodzaje instytucji' })
    await kinds.getByLabel('organizacja pozarządowa').check()
    await kinds.getByLabel('urząd miasta lub gminy').check()
    const county = main().getByRole('combobox', { name: /^Powiaty/ })
    await county.fill('katow')
    await main().getByRole('option', { name: 'Katowice (miasto na prawach powiatu)' }).click()
    await main().getByRole('button', { name: 'Filtruj' }).click()
    await page.waitForURL((url) => url.searchParams.get('county') === '2469' && url.searchParams.getAll('kind').length === 2)
    // The address changes a moment before React renders the filtered list: wait for the list.
    await expect.poll(rowNames).not.toContain('Regionalny Ośrodek Polityki Społecznej w Krakowie')
    const names = await rowNames()
    expect(names).toContain('Śląska Fundacja Obywatelska Lex Civis')
    expect(names).toContain('Urząd Miasta Katowice')
    await expect(
      main()
        .getByText(/^Filtr: /)
        .textContent(),
    ).resolves.toBe('Filtr: urząd miasta lub gminy, organizacja pozarządowa · Katowice (miasto na prawach powiatu)')
    await expect(main().getByRole('link', { name: 'Eksportuj do CSV' }).getAttribute('href')).resolves.toBe(
      '/organisations/export.csv?kind=city_hall&kind=ngo&county=2469',
    )
    await expectNoAxeViolations(page)
  })

  it('finds an institution by a name typed without Polish letters', async () => {
    await page.goto('/organisations?q=slaska+fundacja')
    const names = await rowNames()
    expect(names).toContain('Śląska Fundacja Obywatelska Lex Civis')
    // Other tests add institutions; whatever is found must match the words, accents aside.
    for (const name of names) expect(foldText(name)).toContain('slaska fundacja')
    expect(names).not.toContain('Urząd Miasta Katowice')
  })

  it('creates an institution with its region, after a Polish error that keeps the input', async () => {
    const name = `Stowarzyszenie Pomocy Wzajemnej „Źródło” ${Date.now()}`
    await page.goto('/organisations/new')
    await expectNoAxeViolations(page)
    const form = main().locator('form')
    await form.getByLabel('Nazwa', { exact: true }).fill(name)
    await form.getByLabel('Rodzaj instytucji').selectOption('ngo')
    await form.getByLabel('Województwo').selectOption({ label: 'małopolskie' })
    await form.getByLabel('Powiat').selectOption({ label: 'Tarnów (miasto na prawach powiatu)' })
    await form.getByLabel('Gmina').selectOption({ label: 'Tarnów (gmina miejska)' })
    await form.getByLabel('E-mail').fill('zrodlo@')
    await form.getByRole('button', { name: 'Zapisz' }).click()

    const emailError = form.getByText('Podaj prawidłowy adres e-mail, np. jan.kowalski@um.katowice.pl.')
    await emailError.waitFor()
    await expect(form.getByLabel('E-mail').getAttribute('aria-invalid')).resolves.toBe('true')
    await expect(form.getByLabel('Nazwa', { exact: true }).inputValue()).resolves.toBe(name)
    await expect(form.getByLabel('Gmina').inputValue()).resolves.toBe('1263011')
    await expectNoAxeViolations(page)

    await form.getByLabel('E-mail').fill('zrodlo@example.pl')
    await form.getByRole('button', { name: 'Zapisz' }).click()
    await page.waitForURL(/\/organisations\/\d+$/)
    await expect.poll(() => main().getByRole('heading', { level: 1 }).textContent()).toBe(name)
    await expect(page.getByRole('status').first().textContent()).resolves.toBe('Dodano instytucję.')
    await main().getByText('Tarnów, Tarnów, woj. małopolskie').waitFor()
    await expectNoAxeViolations(page)

    // A representative, added and edited from the institution's page.
    await main().getByRole('link', { name: 'Dodaj przedstawiciela' }).click()
    await expectNoAxeViolations(page)
    await main().getByLabel('Imię i nazwisko').fill('Zofia Łęcka-Żuraw')
    await main()
      .getByLabel(/^Stanowisko/)
      .fill('Prezes Zarządu')
    await main().getByRole('button', { name: 'Zapisz' }).click()
    await page.waitForURL(/\/organisations\/\d+$/)
    await main().getByRole('rowheader', { name: 'Zofia Łęcka-Żuraw' }).waitFor()
    await main()
      .getByRole('link', { name: /^Edytuj\s*:\s*Zofia Łęcka-Żuraw$/ })
      .click()
    await page.waitForURL(/\/people\/\d+\/edit$/)
    await expect(main().getByLabel('Imię i nazwisko').inputValue()).resolves.toBe('Zofia Łęcka-Żuraw')
    await expectNoAxeViolations(page)
  })

  it('refuses a second institution of the same name in the same municipality, next to the name', async () => {
    await page.goto('/organisations/new')
    const form = main().locator('form')
    await form.getByLabel('Nazwa', { exact: true }).fill('ŚLĄSKA FUNDACJA OBYWATELSKA LEX CIVIS')
    await form.getByLabel('Rodzaj instytucji').selectOption('ngo')
    await form.getByLabel('Województwo').selectOption({ label: 'śląskie' })
    await form.getByLabel('Powiat').selectOption({ label: 'Katowice (miasto na prawach powiatu)' })
    await form.getByLabel('Gmina').selectOption({ label: 'Katowice (gmina miejska)' })
    await form.getByRole('button', { name: 'Zapisz' }).click()
    await form.getByText('W tej gminie jest już instytucja o tej nazwie.').waitFor()
    expect(page.url()).toMatch(/\/organisations\/new$/)
  })

  it('shows the territorial register down to the municipalities of a county', async () => {
    await page.goto('/regions')
    await expectNoAxeViolations(page)
    await main().getByRole('link', { name: 'śląskie', exact: true }).click()
    await page.waitForURL(/voivodeship=24$/)
    await main().getByRole('link', { name: 'wodzisławski', exact: true }).click()
    await page.waitForURL(/county=2415$/)
    await main().getByRole('rowheader', { name: 'Wodzisław Śląski' }).waitFor()
    await expectNoAxeViolations(page)
  })
})

describeInBrowser('the directory without JavaScript', () => {
  const browser = useBrowser({ javaScriptEnabled: false })

  it('creates an institution by loading each region list with its button', async () => {
    const page = await browser.context.newPage()
    await signIn(page, officer)
    await page.goto('/organisations/new')
    const form = page.locator('main form')
    const name = `Klub Integracji Społecznej w Wodzisławiu ${Date.now()}`
    await form.getByLabel('Nazwa', { exact: true }).fill(name)
    await form.getByLabel('Rodzaj instytucji').selectOption('cis')
    await form.getByLabel('Województwo').selectOption({ label: 'śląskie' })
    await form.getByRole('button', { name: 'Pokaż powiaty' }).click()
    // The page came back with the counties and with what was typed.
    await expect(form.getByLabel('Nazwa', { exact: true }).inputValue()).resolves.toBe(name)
    await form.getByLabel('Powiat').selectOption({ label: 'wodzisławski (powiat)' })
    await form.getByRole('button', { name: 'Pokaż gminy' }).click()
    await form.getByLabel('Gmina').selectOption({ label: 'Wodzisław Śląski (gmina miejska)' })
    await expect(page.getByRole('alert').count()).resolves.toBe(0)
    await form.getByRole('button', { name: 'Zapisz' }).click()
    await page.waitForURL(/\/organisations\/\d+$/)
    await expect.poll(() => page.locator('main h1').textContent()).toBe(name)
    await page.locator('main').getByText('Wodzisław Śląski, wodzisławski, woj. śląskie').waitFor()
    await page.close()
  })
})

describeInBrowser('the directory for a member and the administration pages', () => {
  const browser = useBrowser()

  it('lets a member read but not edit the directory', async () => {
    const page = await browser.context.newPage()
    await signIn(page, member)
    // Searched, as a member would: other tests' institutions can push it off the first page.
    await page.goto(`/organisations?${new URLSearchParams({ q: 'Urząd Miasta Katowice' })}`)
    await expect(page.getByRole('link', { name: 'Dodaj instytucję' }).count()).resolves.toBe(0)
    await page.locator('main').getByRole('link', { name: 'Urząd Miasta Katowice' }).click()
    await page.waitForURL(/\/organisations\/\d+$/)
    await expect(page.getByRole('link', { name: 'Edytuj' }).count()).resolves.toBe(0)
    await page.locator('main').getByRole('rowheader', { name: 'Małgorzata Moryń-Trzęsimiech' }).waitFor()
    await expectNoAxeViolations(page)
    await page.close()
  })

  it('gives the administrator account, audit and account pages that pass axe', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await signIn(page, admin)
    for (const path of ['/admin/users', '/admin/users/new', '/admin/audit', '/account']) {
      await page.goto(path)
      expect(page.url(), path).toMatch(new RegExp(`${path}$`))
      await expectNoAxeViolations(page)
    }
    await page.goto('/admin/users')
    await page.locator('main').getByRole('link', { name: 'czlonek@narada.local' }).click()
    await expectNoAxeViolations(page)
    await context.close()
  })
})
