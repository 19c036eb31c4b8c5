import { eq } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { demoAdmin } from '#tests/support/accounts'
import { describeInBrowser, expectNoAxeViolations, signIn, useBrowser } from '#tests/support/browser'
import { db, schema } from '~/db.server'

const TITLE = 'Rekomendacje dotyczące współpracy OPS/PCPR z PUP w województwie małopolskim'

describeInBrowser('distributing published recommendations', () => {
  const browser = useBrowser()

  it('lets the centre choose recipients by kind and region, see them, send, and follow the distribution', async () => {
    const recId = db
      .select({ id: schema.recommendations.id })
      .from(schema.recommendations)
      .where(eq(schema.recommendations.title, TITLE))
      .get()!.id
    const page = await browser.context.newPage()
    const main = page.locator('main')
    // The demo's ROPS group has no officer account: its administrator runs the distribution.
    await signIn(page, demoAdmin)
    await page.goto(`/recommendations/${recId}`)
    await page.getByRole('navigation', { name: 'Części rekomendacji' }).getByRole('link', { name: 'Dystrybucja' }).click()
    await main.getByRole('heading', { name: 'Dystrybucja', level: 2 }).waitFor()
    await main
      .getByRole('link', { name: /^Wysłano .* do \d+ instytucji$/ })
      .first()
      .waitFor()
    await expectNoAxeViolations(page)

    // The target: the PCPR of voivodeship 14 (mazowieckie), shown before anything is sent.
    await main.getByLabel('powiatowe centrum pomocy rodzinie (PCPR)').check()
    await main.getByLabel('Województwo').selectOption({ label: 'mazowieckie' })
    await main.getByRole('button', { name: 'Pokaż odbiorców' }).click()
    await main
      .getByRole('heading', { name: /otrzyma|nie obejmują/ })
      .or(main.getByText('Te warunki nie obejmują żadnej instytucji.'))
      .first()
      .waitFor()
    await expectNoAxeViolations(page)

    // The Małopolska target of the demo, previewed and sent again as a second wave.
    await page.goto(`/recommendations/${recId}/distribution?kind=pup&voivodeship=12`)
    await main.getByRole('heading', { name: /^\d+ instytucj.* otrzyma/ }).waitFor()
    await expectNoAxeViolations(page)
    await main.getByLabel('Pierwsze przypomnienie po (dniach)').fill('0')
    await main.getByRole('button', { name: /^Wyślij do \d+ instytucji$/ }).click()
    await main.getByText('Podaj liczbę dni od 1 do 365.').waitFor()
    await main.getByLabel('Pierwsze przypomnienie po (dniach)').fill('10')
    await main.getByRole('button', { name: /^Wyślij do \d+ instytucji$/ }).click()
    await page.getByText(/^Wysłano rekomendacje do \d+ instytucji/).waitFor()
    await main.getByRole('heading', { name: 'Przebieg dystrybucji' }).waitFor()
    await main.getByRole('table', { name: 'Odbiorcy według powiatów i stanu' }).waitFor()
    await expectNoAxeViolations(page)

    // The demo distribution: filtered to those to follow up, and one recipient's record.
    await page.getByRole('link', { name: 'Wszystkie dystrybucje tych rekomendacji' }).click()
    await main.getByRole('link', { name: /^Wysłano 01\.07\.2014/ }).click()
    await main.getByText('Mapa: odsetek odbiorców, którzy potwierdzili otrzymanie, w każdym powiecie.', { exact: false }).waitFor()
    const map = main.locator('.county-map img')
    await expect(map.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).resolves.toBe(true)
    const svg = await (await page.request.get((await map.getAttribute('src'))!)).text()
    expect(svg.match(/<path /g)).toHaveLength(22)
    if (process.env.SCREENSHOT) await main.locator('.county-map').screenshot({ path: process.env.SCREENSHOT })
    const filter = main.getByRole('form', { name: 'Filtr odbiorców' })
    await filter.getByLabel('Stan').selectOption({ label: 'do interwencji (bez potwierdzenia)' })
    await filter.getByRole('button', { name: 'Pokaż' }).click()
    await page.waitForURL(/state=escalated/)
    await main.getByText(/^Znaleziono odbiorców: \d+\.$/).waitFor()
    await expectNoAxeViolations(page)
    await main.getByRole('table').last().getByRole('link').first().click()
    await main.getByRole('heading', { name: /^Odbiorca: / }).waitFor()
    await expectNoAxeViolations(page)
    expect(page.url()).toMatch(/\/recipients\/\d+$/)
    await page.close()
  })
})
