import { eq } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { describeInBrowser, expectNoAxeViolations, signIn, useBrowser } from '#tests/support/browser'
import { createInvitationScene } from '#tests/support/invitations'
import { db, schema } from '~/db.server'
import { getMinutes } from '~/models/minutes.server'

/** A meeting of the scene's team, both public, so that published minutes can be public. */
async function publicScene() {
  const scene = await createInvitationScene()
  db.update(schema.bodies).set({ isPublic: true }).where(eq(schema.bodies.id, scene.bodyId)).run()
  db.update(schema.meetings).set({ isPublic: true }).where(eq(schema.meetings.id, scene.meetingId)).run()
  return scene
}

/** The name, or the text of a button, of each control the Tab key reaches, in order. */
async function tabOrder(page: Page, presses: number): Promise<string[]> {
  const order: string[] = []
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab')
    order.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null
        return el?.getAttribute('name') ?? el?.textContent?.trim() ?? ''
      }),
    )
  }
  return order
}

describeInBrowser('minutes from the first line to the public record', () => {
  const browser = useBrowser()

  it('lets the officer start, write, circulate, approve and publish, the member read and comment, and anyone read the result', async () => {
    const scene = await publicScene()
    const page = await browser.context.newPage()
    const main = page.locator('main')
    await signIn(page, scene.accounts.officer)
    await page.goto(`/meetings/${scene.meetingId}`)
    await page.getByRole('navigation', { name: 'Części spotkania' }).getByRole('link', { name: 'Notatka' }).click()
    await main.getByRole('button', { name: 'Rozpocznij notatkę' }).waitFor()
    await expectNoAxeViolations(page)

    await main.getByRole('button', { name: 'Rozpocznij notatkę' }).click()
    await main.getByRole('heading', { name: 'Edycja notatki' }).waitFor()
    await page.getByText('Rozpoczęto notatkę.').waitFor()
    await expectNoAxeViolations(page)

    // Every field of the editor is reached with the Tab key, in reading order.
    await main.getByLabel('Temat spotkania').focus()
    const order = await tabOrder(page, 40)
    const at = (name: string) => order.indexOf(name)
    expect(at('place')).toBe(0)
    expect(at('preparedBy')).toBe(1)
    expect(at('participants[0].organisation')).toBeGreaterThan(at('preparedBy'))
    expect(at('sections[0].title')).toBeGreaterThan(at('participants[0].organisation'))
    expect(at('sections[0].body')).toBe(at('sections[0].title') + 1)
    expect(at('sections[2].body')).toBeGreaterThan(at('sections[0].body'))
    expect(at('sections[3].body')).toBeGreaterThan(at('sections[2].body'))
    expect(at('Zapisz notatkę')).toBeGreaterThan(at('sections[3].body'))

    await main.getByLabel('Treść części 3').fill('**Ustalono:**\n\n- zawrzeć porozumienie MOPS–PUP\n- spotkać się _we wrześniu_')
    await main.getByRole('button', { name: 'Zapisz notatkę' }).click()
    await page.getByText('Zapisano notatkę.').waitFor()
    await main.getByRole('link', { name: 'Zakończ edycję (bez zapisywania)' }).click()
    const decisions = main.getByRole('region', { name: 'Ustalenia' })
    await decisions.locator('strong', { hasText: 'Ustalono:' }).waitFor()
    await decisions.getByRole('listitem').filter({ hasText: 'zawrzeć porozumienie MOPS–PUP' }).waitFor()
    await decisions.locator('em', { hasText: 'we wrześniu' }).waitFor()
    await expectNoAxeViolations(page)

    // Żaneta Bez-Adresu, the MOPS deputy, has no e-mail address: named before, counted after.
    await main.getByRole('link', { name: 'Żaneta Bez-Adresu' }).waitFor()
    await main.getByRole('button', { name: 'Roześlij notatkę do uwag' }).click()
    await page.getByText('Rozesłano notatkę do 3 osób. 1 osoba bez adresu e-mail nie dostała wiadomości.').waitFor()
    await main.getByText(/^rozesłana do uwag do \d{2}\.\d{2}\.\d{4} r\., godz\. \d{2}:\d{2}$/).waitFor()
    await expectNoAxeViolations(page)

    const memberContext = await browser.newContext()
    const memberPage = await memberContext.newPage()
    await signIn(memberPage, scene.accounts.member)
    await memberPage.goto(`/meetings/${scene.meetingId}/minutes`)
    const memberMain = memberPage.locator('main')
    await memberMain.getByRole('region', { name: 'Ustalenia' }).getByText('zawrzeć porozumienie MOPS–PUP').waitFor()
    const addComment = memberMain.getByRole('region', { name: 'Ustalenia' }).getByRole('link', { name: /^Dodaj uwagę/ })
    await expect(addComment.getAttribute('href')).resolves.toMatch(
      new RegExp(`^/meetings/${scene.meetingId}/minutes/comments\\?section=\\d+#new$`),
    )
    await expect(memberMain.getByRole('button', { name: 'Zatwierdź notatkę' }).count()).resolves.toBe(0)
    await expectNoAxeViolations(memberPage)
    await memberContext.close()

    await page.reload()
    await main.getByRole('button', { name: 'Zatwierdź notatkę' }).click()
    await page.getByText('Zatwierdzono notatkę.').waitFor()
    await main.getByText(/^zatwierdzona \d{2}\.\d{2}\.\d{4} r\.; zatwierdził\(a\): Zespół na spotkaniu$/).waitFor()
    await expect(main.getByLabel('wszyscy (notatka publiczna)').isChecked()).resolves.toBe(true)
    await expectNoAxeViolations(page)
    await main.getByRole('button', { name: 'Opublikuj notatkę' }).click()
    await page.getByText('Opublikowano notatkę.').waitFor()
    await main.getByText(/^opublikowana .* — publicznie; opublikował\(a\): Gizela Prowadząca$/).waitFor()
    await expectNoAxeViolations(page)
    await page.close()

    const visitorContext = await browser.newContext()
    const visitor = await visitorContext.newPage()
    await visitor.goto(`/meetings/${scene.meetingId}/minutes`)
    const visitorMain = visitor.locator('main')
    await visitorMain.getByRole('heading', { name: /^Notatka ze spotkania nr \d+$/ }).waitFor()
    await visitorMain.getByRole('region', { name: 'Ustalenia' }).getByText('zawrzeć porozumienie MOPS–PUP').waitFor()
    await visitorMain.getByText(/^opublikowana .* — publicznie; opublikował\(a\): Gizela Prowadząca$/).waitFor()
    await expect(visitorMain.getByRole('link', { name: /Dodaj uwagę/ }).count()).resolves.toBe(0)
    await expectNoAxeViolations(visitor)
    await visitorContext.close()
  })

  it('keeps unsaved text in the browser and offers it back, and survives an expired session on a private meeting', async () => {
    const scene = await createInvitationScene()
    const context = await browser.newContext()
    const page = await context.newPage()
    const main = page.locator('main')
    await signIn(page, scene.accounts.officer)
    await page.goto(`/meetings/${scene.meetingId}/minutes`)
    await main.getByRole('button', { name: 'Rozpocznij notatkę' }).click()
    await main.getByRole('heading', { name: 'Edycja notatki' }).waitFor()

    // Typed but never saved: after a reload, the editor offers the text back.
    await main.getByLabel('Treść części 2').fill('Dyskusja, której nikt nie zapisał.')
    await page.reload()
    await main.getByRole('button', { name: 'Przywróć niezapisany tekst' }).click()
    await expect(main.getByLabel('Treść części 2').inputValue()).resolves.toBe('Dyskusja, której nikt nie zapisał.')
    await expectNoAxeViolations(page)

    // The session ends while writing: the save answers with the text, nothing is lost.
    await context.clearCookies()
    await main.getByLabel('Treść części 2').fill('Dyskusja po wygaśnięciu sesji.')
    await main.getByRole('button', { name: 'Zapisz notatkę' }).click()
    await main.getByRole('heading', { name: 'Sesja wygasła — Twój tekst nie przepadł' }).waitFor()
    await main.getByText('Dyskusja po wygaśnięciu sesji.').waitFor()
    await expectNoAxeViolations(page)

    const login = await context.newPage()
    await signIn(login, scene.accounts.officer)
    await login.close()
    await main.getByRole('button', { name: 'Zapisz ponownie' }).click()
    await page.getByText('Zapisano notatkę.').waitFor()
    await expect(main.getByLabel('Treść części 2').inputValue()).resolves.toBe('Dyskusja po wygaśnięciu sesji.')
    expect(getMinutes({ meetingId: scene.meetingId })!.snapshot.sections[1]!.body).toBe('Dyskusja po wygaśnięciu sesji.')

    // Saved: the browser's copy is forgotten, nothing is offered any more.
    await page.reload()
    await main.getByRole('heading', { name: 'Edycja notatki' }).waitFor()
    await page.waitForTimeout(300)
    await expect(main.getByRole('button', { name: 'Przywróć niezapisany tekst' }).count()).resolves.toBe(0)
    await context.close()
  })
})
