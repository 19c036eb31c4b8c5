import { expect, it } from 'vitest'
import { describeInBrowser, expectNoAxeViolations, signIn, useBrowser } from '#tests/support/browser'
import { createInvitationScene } from '#tests/support/invitations'
import { pickByKeyboard } from '#tests/support/pickers'
import { sampleFiles } from '#tests/support/zip'
import { getOrganisation } from '~/models/organisation.server'

describeInBrowser('attaching presentations to a meeting', () => {
  const browser = useBrowser()

  it.each([true, false])(
    'lets the convenor upload a file and replace it (JavaScript on: %s; axe-core checks each page when on)',
    async (javaScriptEnabled) => {
      const scene = await createInvitationScene()
      const context = javaScriptEnabled ? browser.context : await browser.newContext({ javaScriptEnabled: false })
      const page = await context.newPage()
      await signIn(page, scene.accounts.officer)
      await page.goto(`/meetings/${scene.meetingId}/presentations`)
      const main = page.locator('main')
      await main.getByRole('heading', { name: 'Prezentacje i pliki' }).waitFor()
      if (javaScriptEnabled) await expectNoAxeViolations(page)

      // A file that is not what its name says is refused next to the field, the title kept.
      await main.getByLabel('Tytuł').fill('Oferta PUP dla osób 50+')
      await main
        .getByLabel('Plik', { exact: true })
        .setInputFiles({ name: 'oferta.pdf', mimeType: 'application/pdf', buffer: sampleFiles.exe() })
      await main.getByRole('button', { name: 'Dodaj plik' }).click()
      await main.getByText('Niedozwolony rodzaj pliku.', { exact: false }).waitFor()
      await expect(main.getByLabel('Tytuł').inputValue()).resolves.toBe('Oferta PUP dla osób 50+')
      if (javaScriptEnabled) await expectNoAxeViolations(page)

      // Other tests' scenes have their own Grzegorz Źdźbło: this one's institution names him apart.
      const pup = getOrganisation({ id: scene.organisations.pup })!.name
      const presenter = `Grzegorz Źdźbło — ${pup}`
      const search = `zdzblo ${pup.split(' ').at(-1)}`
      if (javaScriptEnabled) await pickByKeyboard(main.getByRole('combobox', { name: /^Prezentujący/ }), search, presenter)
      else {
        // Without JavaScript the presenter is searched for first; the file is chosen after.
        await main.getByLabel('Szukaj osoby').fill(search)
        await main.getByRole('button', { name: /^Szukaj\s*: Prezentujący/ }).click()
        await main.getByRole('radio', { name: presenter }).first().check()
        await expect(main.getByLabel('Tytuł').inputValue()).resolves.toBe('Oferta PUP dla osób 50+')
      }
      await main
        .getByLabel('Plik', { exact: true })
        .setInputFiles({ name: 'Oferta PUP – Wodzisław Śląski.pdf', mimeType: 'application/pdf', buffer: sampleFiles.pdf() })
      await main.getByRole('button', { name: 'Dodaj plik' }).click()
      await page.getByText('Plik został dodany.').waitFor()
      const row = main.getByRole('row', { name: /Oferta PUP dla osób 50\+/ })
      await row.getByRole('link', { name: /wersja 1: Oferta PUP – Wodzisław Śląski\.pdf/ }).waitFor()
      await expect(row.textContent()).resolves.toContain('Grzegorz Źdźbło')
      if (javaScriptEnabled) await expectNoAxeViolations(page)

      await row
        .getByLabel('Plik', { exact: true })
        .setInputFiles({ name: 'Oferta PUP – poprawiona.pptx', mimeType: 'application/octet-stream', buffer: sampleFiles.pptx() })
      await row.getByRole('button', { name: 'Zastąp plik' }).click()
      await page.getByText('Dodano nową wersję pliku.').waitFor()
      await row.getByRole('link', { name: /wersja 2: Oferta PUP – poprawiona\.pptx/ }).waitFor()
      await row.getByRole('link', { name: /wersja 1: Oferta PUP – Wodzisław Śląski\.pdf/ }).waitFor()
      if (!javaScriptEnabled) await context.close()
      else await page.close()
    },
  )
})
