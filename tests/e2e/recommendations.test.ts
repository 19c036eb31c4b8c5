import type { Locator, Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { describeInBrowser, expectNoAxeViolations, signIn, useBrowser } from '#tests/support/browser'
import { createInvitationScene } from '#tests/support/invitations'
import { pageTexts, pdfFile, squash } from '#tests/support/pdf'
import { getRecommendation } from '~/models/recommendation.server'

const TITLE = 'Rekomendacje dotyczące wymiany informacji między OPS a PUP (test)'
const OPS = 'ośrodek pomocy społecznej (MOPS/GOPS/OPS)'
const PUP = 'powiatowy urząd pracy (PUP)'

/** Presses Tab until the focused control is the button named `name`, as a keyboard user gets there. */
async function tabTo(page: Page, name: string, presses = 15): Promise<void> {
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')
    if (focused === name) return
  }
  throw new Error(`„${name}” was not reached with ${presses} presses of Tab`)
}

/** The editor's two „Zapisz tekst” buttons (above and below the text) do the same: the first one is pressed. */
const saveText = (main: Locator) => main.getByRole('button', { name: 'Zapisz tekst' }).first()

describeInBrowser('recommendations from the first draft to the public record', () => {
  const browser = useBrowser()

  it('lets the officer draft, consult, adopt, publish and withdraw, the member comment, and a stranger read and verify the result', async () => {
    const scene = await createInvitationScene()
    const page = await browser.context.newPage()
    const main = page.locator('main')
    await signIn(page, scene.accounts.officer)

    // A new document is started from the team's page; a missing title is refused beside its field.
    await page.goto(`/bodies/${scene.bodyId}`)
    await main.getByRole('link', { name: 'Nowe rekomendacje' }).click()
    await main.getByRole('heading', { name: 'Nowe rekomendacje zespołu' }).waitFor()
    await expectNoAxeViolations(page)
    await main.getByLabel('Streszczenie').fill('Jak OPS i PUP wymieniają informacje o osobach, którym oba pomagają.')
    await main.getByLabel(OPS).check()
    await main.getByRole('button', { name: 'Utwórz rekomendacje' }).click()
    await main.getByText('Podaj tytuł.').waitFor()
    await expect(main.getByLabel('Streszczenie').inputValue()).resolves.toContain('wymieniają informacje')
    await main.getByLabel('Tytuł', { exact: true }).fill(TITLE)
    await main.getByLabel(PUP).check()
    await main.getByRole('button', { name: 'Utwórz rekomendacje' }).click()
    await page.getByText('Utworzono rekomendacje. Dopisz rozdziały i rekomendacje.').waitFor()
    await main.getByRole('heading', { name: 'Edycja tekstu rekomendacji' }).waitFor()
    const recId = Number(/\/recommendations\/(\d+)\/edit/.exec(page.url())?.[1])
    expect(recId).toBeGreaterThan(0)
    await expectNoAxeViolations(page)

    // The first chapter gets a title and a numbered recommendation with its own addressee and time frame.
    await main.getByLabel('Tytuł rozdziału 1.').fill('Wymiana informacji')
    await main.getByRole('button', { name: 'Dodaj rekomendację w rozdziale 1.' }).click()
    await main.getByText('Układ zmieniono w formularzu. Nic nie zostało jeszcze zapisane').waitFor()
    await expect(main.getByLabel('Tytuł rozdziału 1.').inputValue()).resolves.toBe('Wymiana informacji')
    await main.getByLabel('Tytuł rekomendacji 1.1.').fill('Wspólna karta osoby')
    await main.getByLabel('Treść rekomendacji 1.1.').fill('OPS i PUP prowadzą **wspólną kartę** osoby, za jej zgodą.')
    await main.getByRole('group', { name: 'Adresaci rekomendacji 1.1.' }).getByLabel(PUP).check()
    await main.getByLabel('Sugerowany termin realizacji rekomendacji 1.1.').fill('do końca 2031 r.')
    await expectNoAxeViolations(page)
    await saveText(main).click()
    await page.getByText('Tekst rekomendacji został zapisany.').waitFor()
    const saved = getRecommendation({ id: recId })!.snapshot
    expect(saved.chapters[0]!.items[0]).toMatchObject({
      title: 'Wspólna karta osoby',
      addresseeKinds: ['pup'],
      timeFrame: 'do końca 2031 r.',
    })

    // Without JavaScript the structure buttons still work: a second chapter with one recommendation.
    const noScript = await browser.newContext({ javaScriptEnabled: false })
    const plain = await noScript.newPage()
    const plainMain = plain.locator('main')
    await signIn(plain, scene.accounts.officer)
    await plain.goto(`/recommendations/${recId}/edit`)
    await plainMain.getByRole('button', { name: 'Dodaj rozdział' }).click()
    await plainMain.getByLabel('Tytuł rozdziału 2.').fill('Spotkania pracowników')
    await plainMain.getByRole('button', { name: 'Dodaj rekomendację w rozdziale 2.' }).click()
    await expect(plainMain.getByLabel('Tytuł rozdziału 2.').inputValue()).resolves.toBe('Spotkania pracowników')
    await plainMain.getByLabel('Tytuł rekomendacji 2.1.').fill('Spotkania kwartalne')
    await plainMain.getByLabel('Treść rekomendacji 2.1.').fill('Pracownicy socjalni i doradcy zawodowi spotykają się co kwartał.')
    await saveText(plainMain).click()
    await plain.getByText('Tekst rekomendacji został zapisany.').waitFor()
    await noScript.close()
    expect(getRecommendation({ id: recId })!.snapshot.chapters.map((c) => c.items.map((i) => i.title))).toEqual([
      ['Wspólna karta osoby'],
      ['Spotkania kwartalne'],
    ])

    // The text page reads the saved text; the consultation is started by keyboard alone.
    await page.goto(`/recommendations/${recId}`)
    const text = main.getByRole('region', { name: 'Treść' })
    await text.locator('strong', { hasText: 'wspólną kartę' }).waitFor()
    await text.getByText('Termin: do końca 2031 r.').waitFor()
    await expectNoAxeViolations(page)
    await main.getByLabel('Uwagi do', { exact: true }).focus()
    await tabTo(page, 'Przekaż do konsultacji')
    await page.keyboard.press('Enter')
    await page.getByText('Przekazano rekomendacje do konsultacji.').waitFor()
    await expectNoAxeViolations(page)

    // A member of the team comments on one recommendation; the steps of the cycle are not theirs.
    const memberContext = await browser.newContext()
    const member = await memberContext.newPage()
    const memberMain = member.locator('main')
    await signIn(member, scene.accounts.member)
    await member.goto(`/recommendations/${recId}`)
    await memberMain.getByRole('heading', { level: 1, name: TITLE }).waitFor()
    await expect(memberMain.getByRole('button', { name: 'Zapisz przyjęcie' }).count()).resolves.toBe(0)
    await member.goto(`/recommendations/${recId}/comments`)
    await memberMain.getByLabel('Której części dotyczy uwaga').selectOption({ label: '1.1. Wspólna karta osoby' })
    await memberMain.getByLabel('Treść uwagi').fill('Proszę dopisać, kto w PUP prowadzi kartę.')
    await memberMain.getByRole('button', { name: 'Dodaj uwagę', exact: true }).click()
    await member.getByText('Uwaga została dodana.').waitFor()
    await memberMain.getByText('Proszę dopisać, kto w PUP prowadzi kartę.').waitFor()
    await expectNoAxeViolations(member)
    await memberContext.close()

    // While the comment is open, adoption is refused; the officer resolves it, then records the adoption.
    await page.goto(`/recommendations/${recId}/comments`)
    await main.getByText('Uwagi: 1, w tym nierozstrzygnięte: 1.').waitFor()
    await expectNoAxeViolations(page)
    await page.goto(`/recommendations/${recId}`)
    await main.getByLabel('Spotkanie, na którym zespół przyjął rekomendacje').selectOption({ index: 1 })
    await main.getByRole('button', { name: 'Zapisz przyjęcie' }).click()
    await main.getByRole('alert').filter({ hasText: /uwag/ }).waitFor()
    expect(getRecommendation({ id: recId })!.state).toBe('consultation')

    await page.goto(`/recommendations/${recId}/comments`)
    const resolve = main.getByRole('form', { name: /^Rozstrzygnij uwagę/ })
    await resolve.getByLabel('uwzględniona — tekst rekomendacji został poprawiony').check()
    await resolve.getByLabel('Uzasadnienie lub opis poprawki').fill('Dopisano koordynatora karty w PUP.')
    await resolve.getByRole('button', { name: 'Zapisz rozstrzygnięcie' }).click()
    await page.getByText('Zapisano rozstrzygnięcie uwagi.').waitFor()
    await main.getByText('Wszystkie uwagi zostały rozstrzygnięte.').waitFor()
    await expectNoAxeViolations(page)

    await page.goto(`/recommendations/${recId}`)
    await main.getByLabel('Spotkanie, na którym zespół przyjął rekomendacje').selectOption({ index: 1 })
    await main.getByRole('button', { name: 'Zapisz przyjęcie' }).click()
    await page.getByText('Zapisano przyjęcie rekomendacji.').waitFor()
    await main.getByRole('link', { name: 'notatka ze spotkania' }).waitFor()
    await expect(main.getByRole('group', { name: 'Komu udostępnić' }).getByLabel('publicznie', { exact: true }).isChecked()).resolves.toBe(
      true,
    )
    await main.getByRole('button', { name: 'Opublikuj' }).click()
    await page.getByText('Opublikowano rekomendacje.').waitFor()
    const published = getRecommendation({ id: recId })!
    expect(published.state).toBe('published')
    expect(published.number).toMatch(/^REK\/\d+\/2031$/)
    await main.getByRole('heading', { level: 1, name: TITLE }).waitFor()
    await main.getByText(published.number!).first().waitFor()
    await expectNoAxeViolations(page)

    // Every frozen version is listed; the first and the published one are compared word by word.
    await page.goto(`/recommendations/${recId}/versions`)
    await main.getByRole('heading', { name: 'Wersje rekomendacji' }).waitFor()
    await expectNoAxeViolations(page)
    await main.getByLabel('Z wersji').selectOption({ index: 0 })
    await main.getByRole('button', { name: 'Porównaj' }).click()
    await main.getByRole('heading', { name: /^Zmiany: / }).waitFor()
    await expectNoAxeViolations(page)

    // A stranger finds the publication on the list, reads it, downloads the PDF and checks its code.
    const visitorContext = await browser.newContext()
    const visitor = await visitorContext.newPage()
    const visitorMain = visitor.locator('main')
    await visitor.goto('/recommendations')
    await expectNoAxeViolations(visitor)
    await visitorMain.getByRole('link', { name: TITLE }).click()
    await visitorMain.getByRole('heading', { level: 1, name: TITLE }).waitFor()
    await visitorMain.getByRole('region', { name: 'Treść' }).getByText('Spotkania kwartalne').waitFor()
    await expect(visitorMain.getByRole('link', { name: 'Uwagi' }).count()).resolves.toBe(0)
    await expectNoAxeViolations(visitor)
    const pdfHref = await visitor.getByRole('link', { name: 'PDF', exact: true }).getAttribute('href')
    const response = await visitorContext.request.get(pdfHref!)
    expect(response.headers()['content-type']).toBe('application/pdf')
    const file = pdfFile(await response.body())
    const pdfText = squash(pageTexts(file.file).join(' '))
    file.remove()
    expect(pdfText).toContain(TITLE)
    expect(pdfText).toContain(published.number!)
    expect(pdfText).toContain('Wspólna karta osoby')
    const code = /\/verify\/([A-Za-z0-9-]+)/.exec(pdfText)?.[1]
    expect(code, 'the PDF prints its verification address').toBeTruthy()
    await visitor.goto(`/verify/${code}`)
    await visitorMain.getByRole('heading', { level: 1, name: 'Weryfikacja dokumentu' }).waitFor()
    await visitorMain.getByText(TITLE).first().waitFor()
    await expectNoAxeViolations(visitor)

    // Withdrawn, it still verifies, and the code page says when and why.
    await page.goto(`/recommendations/${recId}`)
    await main.getByLabel('Powód wycofania').fill('Zastąpione nowymi rekomendacjami po zmianie ustawy.')
    await main.getByRole('button', { name: 'Wycofaj rekomendacje' }).click()
    await page.getByText('Wycofano rekomendacje.').waitFor()
    await expectNoAxeViolations(page)
    await page.close()
    await visitor.reload()
    await visitorMain.getByText('Dokument wycofany').waitFor()
    await visitorMain.getByText(/Powód wycofania: Zastąpione nowymi rekomendacjami po zmianie ustawy\./).waitFor()
    await expectNoAxeViolations(visitor)
    await visitorContext.close()
  })

  it('keeps unsaved text and ticked addressees in the browser and offers them back after a reload', async () => {
    const scene = await createInvitationScene()
    const context = await browser.newContext()
    const page = await context.newPage()
    const main = page.locator('main')
    await signIn(page, scene.accounts.officer)
    await page.goto(`/bodies/${scene.bodyId}/recommendations/new`)
    await main.getByLabel('Tytuł', { exact: true }).fill('Rekomendacje pisane bez zapisu (test)')
    await main.getByLabel(OPS).check()
    await main.getByRole('button', { name: 'Utwórz rekomendacje' }).click()
    await main.getByRole('heading', { name: 'Edycja tekstu rekomendacji' }).waitFor()

    await main.getByLabel('Wprowadzenie do rozdziału 1.').fill('Wstęp, którego nikt nie zapisał.')
    await main.getByRole('group', { name: 'Adresaci (rodzaje instytucji)' }).getByLabel(PUP).check()
    await page.reload()
    await main.getByRole('button', { name: 'Przywróć niezapisany tekst' }).click()
    await page.getByText('Przywrócono niezapisany tekst.').waitFor()
    await expect(main.getByLabel('Wprowadzenie do rozdziału 1.').inputValue()).resolves.toBe('Wstęp, którego nikt nie zapisał.')
    const kinds = main.getByRole('group', { name: 'Adresaci (rodzaje instytucji)' })
    await expect(kinds.getByLabel(PUP).isChecked()).resolves.toBe(true)
    await expect(kinds.getByLabel(OPS).isChecked()).resolves.toBe(true)
    await expectNoAxeViolations(page)

    // Saved, the browser's copy is forgotten: nothing is offered after the next reload.
    await saveText(main).click()
    await page.getByText('Tekst rekomendacji został zapisany.').waitFor()
    await page.reload()
    await main.getByRole('heading', { name: 'Edycja tekstu rekomendacji' }).waitFor()
    await page.waitForTimeout(300)
    await expect(main.getByRole('button', { name: 'Przywróć niezapisany tekst' }).count()).resolves.toBe(0)
    await context.close()
  })
})
