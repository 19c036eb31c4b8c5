import { eq } from 'drizzle-orm'
import { beforeAll, expect, it } from 'vitest'
import { db, schema } from '~/db.server'
import type { CalendarFixture } from '#tests/support/calendar-fixtures'
import { describeInBrowser, expectNoAxeViolations, signIn, useBrowser } from '#tests/support/browser'

let fixture: CalendarFixture
let seriesId = 0

beforeAll(async () => {
  const { createCalendarFixture } = await import('#tests/support/calendar-fixtures')
  fixture = await createCalendarFixture()
  seriesId = db
    .insert(schema.meetingSeries)
    .values({ bodyId: fixture.bodies.privateBody.id, title: `Cykl konferencji ${fixture.suffix}`, plannedCount: 3 })
    .returning({ id: schema.meetingSeries.id })
    .get().id
  db.update(schema.meetings).set({ seriesId }).where(eq(schema.meetings.id, fixture.meetings.dst.id)).run()
})

describeInBrowser('the next meeting and the series in the browser', () => {
  const browser = useBrowser()

  it('goes from a meeting to its series, and schedules the next one with its agenda and guests; axe-core checks each page', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await signIn(page, fixture.accounts.officer)
    const main = page.locator('main')

    await page.goto(`/meetings/${fixture.meetings.dst.id}`)
    await main.getByRole('heading', { name: 'Czy spotkanie się odbyło?' }).waitFor()
    await expectNoAxeViolations(page)
    await main.getByRole('link', { name: `Spotkanie 1 z 3 w cyklu „Cykl konferencji ${fixture.suffix}”` }).click()
    await page.waitForURL(`**/series/${seriesId}`)
    await main.getByRole('heading', { name: `Cykl konferencji ${fixture.suffix}`, level: 1 }).waitFor()
    await expect(main.getByRole('cell', { name: 'spotkanie 1 z 3' }).isVisible()).resolves.toBe(true)
    await expectNoAxeViolations(page)

    await main.getByRole('link', { name: new RegExp(fixture.meetings.dst.topic) }).click()
    await main.getByRole('link', { name: 'Zaplanuj kolejne spotkanie' }).click()
    await page.waitForURL(/\/meetings\/new\?from=\d+$/)
    const agenda = main.getByRole('checkbox', { name: 'Skopiuj program (6 punktów)' })
    const guests = main.getByRole('checkbox', { name: 'Skopiuj gości (2 osoby)' })
    await expect(agenda.isChecked()).resolves.toBe(true)
    await expect(guests.isChecked()).resolves.toBe(true)
    await expectNoAxeViolations(page)

    await main.getByLabel('Temat przewodni').fill(`Druga konferencja ${fixture.suffix}`)
    await main.getByLabel('Początek').fill('2099-05-12T09:00')
    await main.getByLabel('Koniec').fill('2099-05-13T15:00')
    await guests.uncheck()
    await main.getByRole('button', { name: 'Zaplanuj spotkanie' }).click()
    await page.waitForURL(/\/meetings\/\d+$/)
    await page.getByRole('link', { name: 'Program', exact: true }).click()
    await main.getByText('Praca w grupach nad rekomendacjami').first().waitFor()
    await context.close()
  })
})
