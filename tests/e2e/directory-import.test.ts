import crypto from 'node:crypto'
import { eq } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { createTestAccount } from '#tests/support/accounts'
import { describeInBrowser, expectNoAxeViolations, signIn, useBrowser } from '#tests/support/browser'
import { db, schema } from '~/db.server'

describeInBrowser('directory import in the browser', () => {
  const browser = useBrowser()

  it('lets an officer upload a CSV from the directory, see its preview with the problems, and import it; axe-core checks every page', async () => {
    const tag = crypto.randomBytes(3).toString('hex')
    const officer = await createTestAccount({ role: 'officer', name: 'Sekretarz importu' })
    const page = await browser.context.newPage()
    await signIn(page, officer)
    const main = page.locator('main')

    await page.goto('/organisations')
    await main.getByRole('link', { name: 'Importuj z pliku' }).click()
    await main.getByRole('heading', { name: 'Import instytucji i osób z pliku' }).waitFor()
    await expectNoAxeViolations(page)

    const csv = [
      'Nazwa;Rodzaj;Kod TERYT;E-mail;Imię i nazwisko;Stanowisko',
      `Gminny Ośrodek Pomocy Społecznej w Świerklańcu ${tag};GOPS;2413072;gops@swierklaniec.pl;Zofia Łęcka;Kierownik`,
      `Klub Integracji Społecznej ${tag};KIS;7777777;;;`,
    ].join('\r\n')
    await main
      .getByLabel('Plik XLSX lub CSV')
      .setInputFiles({ name: 'gminy.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`) })
    await main.getByRole('button', { name: 'Pokaż podgląd' }).click()
    await main.getByRole('heading', { name: 'Podgląd importu: gminy.csv' }).waitFor()
    const rows = main.getByRole('region', { name: 'Wiersze pliku' })
    await expect(rows.getByRole('row', { name: /Świerklańcu/ }).textContent()).resolves.toContain('Zofia Łęcka: zostanie dodana')
    await expect(rows.getByRole('row', { name: /Klub Integracji/ }).textContent()).resolves.toContain(
      'Kod TERYT: w rejestrze TERYT nie ma gminy o kodzie 7777777.',
    )
    await expectNoAxeViolations(page)

    await main.getByRole('button', { name: 'Importuj', exact: true }).click()
    await main.getByRole('heading', { name: 'Import zakończony: gminy.csv' }).waitFor()
    await expect(main.getByRole('status').textContent()).resolves.toContain(
      'Instytucje: dodano 1, zaktualizowano 0, pominięto 0, bez zmian 0.',
    )
    await expectNoAxeViolations(page)
    const added = db
      .select({ kind: schema.organisations.kind })
      .from(schema.organisations)
      .where(eq(schema.organisations.name, `Gminny Ośrodek Pomocy Społecznej w Świerklańcu ${tag}`))
      .get()
    expect(added).toEqual({ kind: 'ops' })
  })
})
