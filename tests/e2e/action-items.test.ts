import type { Locator, Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { describeInBrowser, expectNoAxeViolations, signIn, useBrowser } from '#tests/support/browser'
import { pickByKeyboard } from '#tests/support/pickers'
import { createInvitationScene, createTestMeeting } from '#tests/support/invitations'
import { addActionItem } from '~/models/action-item.server'
import { getOrganisation } from '~/models/organisation.server'

/** Presses Tab until the control has focus, as a keyboard user would; fails if it never does. */
async function tabTo(page: Page, control: Locator, maxPresses = 120) {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab')
    if (await control.evaluate((el) => el === document.activeElement)) return
  }
  throw new Error(`${control} could not be reached with the Tab key`)
}

describeInBrowser('action items in the browser', () => {
  const browser = useBrowser()

  it('lets the convenor add an item, mark another done by keyboard alone, and carry the open one over to the next agenda; axe-core checks every page', async () => {
    const scene = await createInvitationScene()
    // The scene's meeting (16.05.2031) follows this one, where the items were decided.
    const earlier = createTestMeeting(scene.bodyId, {
      startsAt: '2025-04-10T10:00',
      endsAt: '2025-04-10T12:00',
      topic: 'Katalog usług PUP',
    })
    const katalog = addActionItem({
      meetingId: earlier,
      input: { text: 'Przekazanie katalogu usług PUP pracownikom socjalnym', dueText: 'do końca kwietnia 2025' },
      actor: { userId: null, ip: null },
    })
    expect(katalog.ok).toBe(true)

    const page = await browser.context.newPage()
    await signIn(page, scene.accounts.officer)
    const main = page.locator('main')

    await page.goto(`/meetings/${earlier}/minutes/action-items`)
    await main.getByRole('heading', { name: 'Zadania ze spotkania' }).waitFor()
    await expectNoAxeViolations(page)

    // Words that name no day are refused next to the field; the task typed stays.
    const form = main.getByRole('region', { name: 'Dodaj zadanie' })
    await form.getByLabel('Zadanie', { exact: true }).fill('Zawarcie porozumienia MOPS–PUP')
    await form.getByLabel('Termin słownie').fill('jak najszybciej')
    await form.getByRole('button', { name: 'Dodaj zadanie' }).click()
    await form.getByText('Podaj termin jako datę albo opis, z którego wynika data').waitFor()
    await expect(form.getByLabel('Zadanie', { exact: true }).inputValue()).resolves.toBe('Zawarcie porozumienia MOPS–PUP')
    await expectNoAxeViolations(page)

    // Other tests' scenes have their own Grzegorz Źdźbło: this one's institution names him apart.
    const pup = getOrganisation({ id: scene.organisations.pup })!.name
    await pickByKeyboard(
      form.getByRole('combobox', { name: /^Odpowiedzialni/ }),
      `zdzblo ${pup.split(' ').at(-1)}`,
      `Grzegorz Źdźbło — ${pup}`,
    )
    await form.getByLabel('Termin słownie').fill('najpóźniej w III kwartale 2025 r.')
    await form.getByRole('button', { name: 'Dodaj zadanie' }).click()
    await page.getByText('Dodano zadanie.').waitFor()
    const added = main.getByRole('row', { name: /Zawarcie porozumienia MOPS–PUP/ })
    await expect(added.textContent()).resolves.toContain('najpóźniej w III kwartale 2025 r. (do 30.09.2025 r.)')
    await expect(added.textContent()).resolves.toContain('Grzegorz Źdźbło')
    await expectNoAxeViolations(page)

    // The team's page: the overdue item says so in words; its state is changed by keyboard alone.
    await page.goto(`/bodies/${scene.bodyId}/action-items`)
    await main.getByRole('heading', { level: 1, name: /Zadania zespołu/ }).waitFor()
    const katalogRow = main.getByRole('row', { name: /Przekazanie katalogu usług PUP/ })
    await expect(katalogRow.textContent()).resolves.toContain('po terminie')
    await expectNoAxeViolations(page)

    const state = katalogRow.getByLabel(/^Stan/)
    await tabTo(page, state)
    await page.keyboard.press('ArrowDown')
    await expect(state.inputValue()).resolves.toBe('done')
    await page.keyboard.press('Tab')
    await expect(katalogRow.getByLabel(/^Uwaga/).evaluate((el) => el === document.activeElement)).resolves.toBe(true)
    await page.keyboard.type('Katalog przekazano 28.04.2025 r.')
    await page.keyboard.press('Tab')
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toMatch(/^Zmień stan/)
    await page.keyboard.press('Enter')
    await page.getByText('Zmieniono stan zadania.').waitFor()
    await expect(main.getByRole('row', { name: /Przekazanie katalogu usług PUP/ }).count()).resolves.toBe(0)
    await page.goto(`/bodies/${scene.bodyId}/action-items?state=done`)
    await expect(main.getByRole('row', { name: /Przekazanie katalogu usług PUP/ }).textContent()).resolves.toContain(
      'Katalog przekazano 28.04.2025 r.',
    )
    await expectNoAxeViolations(page)

    // The next meeting's agenda offers the item still open, and only it.
    await page.goto(`/meetings/${scene.meetingId}/agenda`)
    const panel = main.getByRole('region', { name: 'Otwarte zadania z poprzednich spotkań' })
    await panel.waitFor()
    await expect(panel.textContent()).resolves.toContain('Zawarcie porozumienia MOPS–PUP (odpowiada: Grzegorz Źdźbło (')
    await expect(panel.textContent()).resolves.not.toContain('Przekazanie katalogu usług PUP')
    await expectNoAxeViolations(page)
    await panel.getByRole('button', { name: 'Dodaj punkt „Sprawy z poprzedniego spotkania”' }).click()
    await page.getByText('Dodano punkt „Sprawy z poprzedniego spotkania”.').waitFor()
    const item = main.locator('.agenda-item', { has: page.getByRole('heading', { name: 'Sprawy z poprzedniego spotkania' }) })
    await expect(item.textContent()).resolves.toContain('- Zawarcie porozumienia MOPS–PUP (Grzegorz Źdźbło')
    await expect(panel.textContent()).resolves.toContain('jest już w programie')
    await expect(panel.getByRole('button').count()).resolves.toBe(0)
    await expectNoAxeViolations(page)
    await page.close()
  })
})
