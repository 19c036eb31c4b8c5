import type { Page } from 'playwright-core'
import { afterEach, beforeAll, beforeEach, expect, it } from 'vitest'
import { createInvitationScene, createTestOrganisation } from '#tests/support/invitations'
import { describeInBrowser, expectNoAxeViolations, signIn, useBrowser } from '#tests/support/browser'

describeInBrowser('adding several institutions to a team in the browser', () => {
  const browser = useBrowser()
  let page: Page
  let scene: Awaited<ReturnType<typeof createInvitationScene>>
  const tag = `wbrowserze${Date.now()}`

  beforeAll(async () => {
    scene = await createInvitationScene()
    createTestOrganisation(`GOPS Pierwszy ${tag}`)
    createTestOrganisation(`GOPS Drugi ${tag}`)
    const first = await browser.context.newPage()
    await signIn(first, scene.accounts.officer)
    await first.close()
  })
  beforeEach(async () => {
    page = await browser.context.newPage()
  })
  afterEach(async () => {
    await page.close()
  })

  it('finds institutions, ticks the whole page and adds them from one day', async () => {
    await page.goto(`/bodies/${scene.bodyId}/members`)
    const main = page.locator('main')
    const search = main.getByRole('form', { name: 'Szukaj w katalogu instytucji' })
    await search.getByLabel('Nazwa zawiera').fill(tag)
    await search.getByRole('button', { name: 'Szukaj instytucji' }).click()
    await page.waitForURL((url) => url.searchParams.get('q') === tag)
    await expect.poll(() => main.getByRole('group', { name: 'Instytucje do dodania' }).getByRole('checkbox').count()).toBe(2)
    await expectNoAxeViolations(page)
    await main.getByRole('button', { name: 'Zaznacz wszystkie na tej stronie' }).click()
    const boxes = main.getByRole('group', { name: 'Instytucje do dodania' }).getByRole('checkbox')
    await expect(boxes.evaluateAll((all) => all.map((box) => (box as HTMLInputElement).checked))).resolves.toEqual([true, true])
    await main.getByLabel(/^od początku zespołu/).check()
    await main.getByRole('button', { name: 'Dodaj zaznaczone instytucje' }).click()
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Dodano 2 instytucje do zespołu.' }).count()).toBe(1)
    await expect.poll(() => boxes.evaluateAll((all) => all.map((box) => (box as HTMLInputElement).disabled))).toEqual([true, true])
    await expectNoAxeViolations(page)
  })
})
