import type { Page } from 'playwright-core'
import { afterEach, beforeAll, beforeEach, expect, it } from 'vitest'
import type { CalendarFixture } from '#tests/support/calendar-fixtures'
import { describeInBrowser, expectNoAxeViolations, useBrowser } from '#tests/support/browser'
import { baseURL } from '#tests/support/http'

let fixture: CalendarFixture

describeInBrowser('on a phone: the accessibility statement and the month calendar', () => {
  const browser = useBrowser()
  let page: Page

  beforeAll(async () => {
    const { createCalendarFixture } = await import('#tests/support/calendar-fixtures')
    fixture = await createCalendarFixture()
  })
  beforeEach(async () => {
    page = await browser.context.newPage()
  })
  afterEach(async () => {
    await page.close()
  })

  it('reaches the accessibility statement from the footer, in Polish and in English', async () => {
    await page.goto('/')
    await page.getByRole('contentinfo').getByRole('link', { name: 'Deklaracja dostępności' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Deklaracja dostępności')
    await expectNoAxeViolations(page)

    const { langCookie } = await import('~/i18n/lang.server')
    const english = await browser.newContext()
    const [name, value] = (await langCookie.serialize('en')).split(';')[0]!.split('=') as [string, string]
    await english.addCookies([{ name, value, url: baseURL }])
    const englishPage = await english.newPage()
    await englishPage.goto('/deklaracja-dostepnosci')
    expect(await englishPage.getByRole('heading', { level: 1 }).textContent()).toBe('Accessibility statement')
    await expectNoAxeViolations(englishPage)
    await english.close()
  })

  it('goes from a meeting to its month, which a phone shows as a list of days, and picks another month without JavaScript', async () => {
    const phone = await browser.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false })
    const small = await phone.newPage()
    await small.goto(`/meetings/${fixture.meetings.publicMeeting.id}`)
    await small.getByRole('link', { name: 'Zobacz w kalendarzu: maj 2025' }).click()
    await small.waitForURL(/\/meetings\?view=month&month=2025-05$/)
    // Other scenes of this test server meet on the same day, and a day lists three: narrow to this team.
    await small.goto(`/meetings?view=month&month=2025-05&body=${fixture.bodies.publicBody.id}`)
    const agenda = small.getByRole('region', { name: 'maj 2025' })
    await expect.poll(() => agenda.getByRole('heading', { name: 'piątek, 16 maja' }).isVisible()).toBe(true)
    expect(await agenda.getByRole('link', { name: new RegExp(fixture.meetings.publicMeeting.topic) }).isVisible()).toBe(true)
    // The 7-column grid is not drawn on a phone, so it is not read out twice either.
    expect(await small.locator('table.month-calendar__grid').isVisible()).toBe(false)

    const picker = small.getByRole('form', { name: 'Wybór miesiąca' })
    await picker.getByLabel('Miesiąc').selectOption({ label: 'marzec' })
    await picker.getByLabel('Rok').selectOption('2025')
    await picker.getByRole('button', { name: 'Pokaż miesiąc' }).click()
    await expect.poll(() => small.locator('#month-agenda-heading').textContent()).toBe('marzec 2025')
    await phone.close()

    await page.goto('/meetings?view=month&month=2025-05')
    await expectNoAxeViolations(page)
  })
})
