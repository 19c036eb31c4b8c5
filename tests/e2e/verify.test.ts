import { beforeAll, expect, it } from 'vitest'
import { describeInBrowser, expectNoAxeViolations, useBrowser } from '#tests/support/browser'
import { baseURL, get } from '#tests/support/http'
import type { MinutesScene } from '#tests/support/published-minutes'

describeInBrowser('checking a published PDF on the public verification pages', () => {
  const browser = useBrowser()
  let scene: MinutesScene
  let version: { code: string; number: number; pdfSha256: string }
  let pdf: Buffer

  beforeAll(async () => {
    const { createMinutesScene, publishSceneMinutes } = await import('#tests/support/published-minutes')
    scene = await createMinutesScene({ open: true })
    version = await publishSceneMinutes(scene, { visibility: 'public', origin: baseURL })
    pdf = Buffer.from(await (await get(`/meetings/${scene.meetingId}/minutes.pdf`)).arrayBuffer())
  })

  it.each([true, false])(
    'the code page says the genuine file is the document and a changed one is not (JavaScript on: %s)',
    async (javaScriptEnabled) => {
      const context = javaScriptEnabled ? browser.context : await browser.newContext({ javaScriptEnabled: false })
      const page = await context.newPage()
      await page.goto(`/verify/${version.code}`)
      const main = page.locator('main')
      await main.getByRole('heading', { level: 1, name: 'Weryfikacja dokumentu' }).waitFor()
      await expect(main.textContent()).resolves.toContain(version.pdfSha256)
      if (javaScriptEnabled) await expectNoAxeViolations(page)

      const check = main.getByRole('form', { name: 'Sprawdź plik' })
      await check.getByRole('button', { name: 'Sprawdź plik' }).click()
      // The browser's own check stops an empty submission before it is sent (the server's is tested in tests/http).
      await expect(
        check.getByLabel('Plik PDF', { exact: true }).evaluate((input: HTMLInputElement) => input.validity.valueMissing),
      ).resolves.toBe(true)

      await check
        .getByLabel('Plik PDF', { exact: true })
        .setInputFiles({ name: 'notatka-ze-spotkania-nr-1.pdf', mimeType: 'application/pdf', buffer: pdf })
      await check.getByRole('button', { name: 'Sprawdź plik' }).click()
      await main
        .getByRole('status')
        .filter({ hasText: `Ten plik jest dokładnie tym dokumentem (wersja ${version.number}).` })
        .waitFor()
      if (javaScriptEnabled) await expectNoAxeViolations(page)

      const changed = Buffer.from(pdf)
      changed[1000] = changed[1000]! ^ 0x20
      await main
        .getByRole('form', { name: 'Sprawdź plik' })
        .getByLabel('Plik PDF', { exact: true })
        .setInputFiles({ name: 'notatka.pdf', mimeType: 'application/pdf', buffer: changed })
      await main.getByRole('form', { name: 'Sprawdź plik' }).getByRole('button', { name: 'Sprawdź plik' }).click()
      await main.getByRole('alert').filter({ hasText: 'Ten plik NIE jest tym dokumentem' }).waitFor()
      if (javaScriptEnabled) await expectNoAxeViolations(page)
      if (javaScriptEnabled) await page.close()
      else await context.close()
    },
  )

  it('the index finds the document a PDF is, and goes to a typed code', async () => {
    const page = await browser.context.newPage()
    await page.goto('/verify')
    const main = page.locator('main')
    await main.getByRole('heading', { level: 1, name: 'Weryfikacja dokumentów' }).waitFor()
    await expectNoAxeViolations(page)

    await main.getByLabel('Kod weryfikacyjny', { exact: true }).fill('123')
    await main.getByRole('button', { name: 'Pokaż dokument' }).click()
    await main.getByText('Kod weryfikacyjny ma 12 znaków: cyfry i litery.').waitFor()
    await expectNoAxeViolations(page)

    await main.getByLabel('Plik PDF', { exact: true }).setInputFiles({ name: 'notatka.pdf', mimeType: 'application/pdf', buffer: pdf })
    await main.getByRole('button', { name: 'Sprawdź plik' }).click()
    await main.getByRole('status').filter({ hasText: 'Ten plik jest opublikowanym dokumentem' }).waitFor()
    await expectNoAxeViolations(page)
    await main.getByRole('link', { name: 'Szczegóły dokumentu' }).click()
    await page.waitForURL(`**/verify/${version.code}`)

    await page.goto('/verify')
    await main.getByLabel('Kod weryfikacyjny', { exact: true }).fill(version.code.toLowerCase())
    await main.getByRole('button', { name: 'Pokaż dokument' }).click()
    await page.waitForURL(`**/verify/${version.code}`)
    await main.getByRole('heading', { level: 1, name: 'Weryfikacja dokumentu' }).waitFor()
    await page.close()
  })
})
