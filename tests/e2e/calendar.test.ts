import type { Page } from 'playwright-core'
import { afterEach, beforeAll, beforeEach, expect, it } from 'vitest'
import type { CalendarFixture } from '#tests/support/calendar-fixtures'
import { describeInBrowser, expectNoAxeViolations, signIn, useBrowser } from '#tests/support/browser'

let fixture: CalendarFixture

describeInBrowser('the meeting list and the month calendar', () => {
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

  const main = () => page.locator('main')
  /** Presses Tab until the focused element is a link or button named `name`; fails after `limit`. */
  async function tabTo(name: string | RegExp, limit = 80) {
    for (let press = 0; press < limit; press++) {
      await page.keyboard.press('Tab')
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null
        return element
          ? { text: element.innerText?.replace(/\s+/g, ' ').trim() ?? '', outline: getComputedStyle(element).outlineStyle }
          : null
      })
      if (focused && (typeof name === 'string' ? focused.text === name : name.test(focused.text))) {
        // The focus can be seen, not only reached.
        expect(focused.outline).not.toBe('none')
        return
      }
    }
    throw new Error(`Tab never reached ${name}`)
  }

  it('lists public meetings to a visitor, passes axe-core, and switches to the month view by keyboard', async () => {
    // One team's meetings: the whole list is a page of 50, and other tests add meetings of their own.
    await page.goto(`/meetings?body=${fixture.bodies.publicBody.id}`)
    await expect(main().getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Spotkania')
    await expect(
      main()
        .getByRole('link', { name: `Spotkanie nr 1: ${fixture.meetings.publicMeeting.topic}` })
        .count(),
    ).resolves.toBe(1)
    await expect(main().getByText(fixture.meetings.privateMeeting.topic).count()).resolves.toBe(0)
    await expect(main().getByText(fixture.meetings.dst.topic).count()).resolves.toBe(0)
    await expectNoAxeViolations(page)

    await tabTo('Kalendarz miesięczny')
    await page.keyboard.press('Enter')
    await page.waitForURL((url) => url.searchParams.get('view') === 'month')
    const grid = main().locator('table.month-calendar__grid')
    await grid.waitFor()
    // The current month, with today marked for assistive technology.
    await expect(grid.locator('td[aria-current="date"]').count()).resolves.toBe(1)
    await expect(grid.locator('th[scope="col"]').allTextContents()).resolves.toEqual([
      'Pnponiedziałek',
      'Wtwtorek',
      'Śrśroda',
      'Czczwartek',
      'Ptpiątek',
      'Sosobota',
      'Ndniedziela',
    ])
    await expectNoAxeViolations(page)
  })

  it('moves between months and opens a meeting from the grid with the keyboard only', async () => {
    await page.goto(`/meetings?view=month&month=2025-06&body=${fixture.bodies.publicBody.id}`)
    await expect(main().locator('caption').textContent()).resolves.toBe('czerwiec 2025')
    await tabTo('← Poprzedni miesiąc: maj 2025')
    await page.keyboard.press('Enter')
    await page.waitForURL((url) => url.searchParams.get('month') === '2025-05')
    await expect.poll(() => main().locator('caption').textContent()).toBe('maj 2025')
    // The team filter is kept while moving between months.
    expect(new URL(page.url()).searchParams.get('body')).toBe(String(fixture.bodies.publicBody.id))
    await expectNoAxeViolations(page)

    const link = `13:00 ${fixture.meetings.publicMeeting.topic}`
    await expect(main().locator('td:has(time[datetime="2025-05-16"])').getByRole('link', { name: link }).count()).resolves.toBe(1)
    await tabTo(link)
    // The meeting's page is another route's work: only that the link leads there is checked.
    await Promise.all([
      page.waitForURL((url) => url.pathname === `/meetings/${fixture.meetings.publicMeeting.id}`, { timeout: 30_000 }),
      page.keyboard.press('Enter'),
    ])
  })

  it('shows a member the two-day meeting across the DST change on both of its days', async () => {
    await signIn(page, fixture.accounts.member)
    await page.goto('/meetings?view=month&month=2025-03')
    await expect(main().locator('caption').textContent()).resolves.toBe('marzec 2025')
    const cell = (day: string) => main().locator(`td:has(time[datetime="${day}"])`)
    await expect(cell('2025-03-29').getByRole('link').allTextContents()).resolves.toEqual([`09:00 ${fixture.meetings.dst.topic}`])
    await expect(cell('2025-03-30').getByRole('link').allTextContents()).resolves.toEqual([`dzień 2 z 2 ${fixture.meetings.dst.topic}`])
    await expect(cell('2025-03-28').getByRole('link').count()).resolves.toBe(0)
    await expect(cell('2025-03-31').getByRole('link').count()).resolves.toBe(0)
    await expectNoAxeViolations(page)
    await page.context().clearCookies()
  })

  it('browses past meetings by year and month without JavaScript, the current year and month marked; axe-core checks it', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const noScript = await context.newPage()
    try {
      await noScript.goto(`/meetings?body=${fixture.bodies.publicBody.id}`)
      const years = noScript.getByRole('navigation', { name: 'Spotkania według lat' })
      await years.getByRole('link', { name: '2025' }).click()
      await noScript.waitForURL((url) => url.searchParams.get('year') === '2025')
      await expect(years.getByRole('link', { name: '2025' }).getAttribute('aria-current')).resolves.toBe('page')
      await noScript.getByRole('navigation', { name: 'Miesiące roku 2025' }).getByRole('link', { name: 'maj 2025' }).click()
      await noScript.waitForURL((url) => url.searchParams.get('month') === '5')
      const main = noScript.locator('main')
      await main.getByRole('heading', { name: /^Spotkania: maj 2025 \(\d+\)$/, level: 2 }).waitFor()
      await expect(main.getByRole('link', { name: `Spotkanie nr 1: ${fixture.meetings.publicMeeting.topic}` }).count()).resolves.toBe(1)
      await page.goto(noScript.url())
      await page
        .locator('main')
        .getByRole('heading', { name: /^Spotkania: maj 2025/, level: 2 })
        .waitFor()
      await expectNoAxeViolations(page)
    } finally {
      await context.close()
    }
  })

  it('filters by team without JavaScript, keeping the month', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const noScript = await context.newPage()
    try {
      await noScript.goto('/meetings?view=month&month=2025-05')
      // The team is found by a part of its name: no page lists every team of the region.
      await noScript.locator('main').getByLabel('Zespół').fill(fixture.bodies.publicBody.name)
      await noScript.locator('main').getByRole('button', { name: 'Filtruj' }).click()
      await noScript.waitForURL((url) => url.searchParams.get('team') === fixture.bodies.publicBody.name)
      const url = new URL(noScript.url())
      expect(url.searchParams.get('view')).toBe('month')
      expect(url.searchParams.get('month')).toBe('2025-05')
      await expect(noScript.locator('main caption').textContent()).resolves.toBe('maj 2025')
      await expect(
        noScript
          .locator('main')
          .getByRole('link', { name: `13:00 ${fixture.meetings.publicMeeting.topic}` })
          .count(),
      ).resolves.toBe(1)
    } finally {
      await context.close()
    }
  })
})
