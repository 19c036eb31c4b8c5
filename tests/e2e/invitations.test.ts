import { desc, like } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeInBrowser, expectNoAxeViolations, signIn, useBrowser } from '#tests/support/browser'
import { baseURL } from '#tests/support/http'
import { createInvitationScene } from '#tests/support/invitations'

type Scene = Awaited<ReturnType<typeof createInvitationScene>>

describeInBrowser('answering an invitation and following the answers', () => {
  const browser = useBrowser()
  let scene: Scene
  const links: Record<'anna' | 'grzegorz', string> = { anna: '', grzegorz: '' }
  const savedSmtp = process.env.SMTP_URL

  beforeAll(async () => {
    // The server keeps e-mails in its outbox; so does this process, writing into its database.
    delete process.env.SMTP_URL
    const { inviteMembers, sendInvitations } = await import('~/models/invitation.server')
    const { db, schema } = await import('~/db.server')
    scene = await createInvitationScene()
    inviteMembers({ meetingId: scene.meetingId, actor: { userId: scene.accounts.officer.user.id, ip: null } })
    await sendInvitations({ meetingId: scene.meetingId, actor: { userId: scene.accounts.officer.user.id, ip: null }, origin: baseURL })
    const linkTo = (email: string) => {
      const message = db
        .select({ text: schema.outbox.text })
        .from(schema.outbox)
        .where(like(schema.outbox.to, `%<${email}>`))
        .orderBy(desc(schema.outbox.id))
        .get()
      const link = /https?:\/\/\S+\/invitations\/[A-Za-z0-9_-]{43}/.exec(message?.text ?? '')?.[0]
      if (!link) throw new Error(`no invitation e-mail to ${email}`)
      return new URL(link).pathname
    }
    links.anna = linkTo(scene.emails.mopsDelegate)
    links.grzegorz = linkTo(scene.emails.pupDelegate)
  })
  afterAll(() => {
    if (savedSmtp !== undefined) process.env.SMTP_URL = savedSmtp
  })

  /** axe-core needs JavaScript: without it, the same page was checked with it on. */
  async function answerThroughLink(page: Page, path: string, answer: 'Tak' | 'Nie' | 'Może', { axe = true } = {}) {
    await page.goto(path)
    const main = page.locator('main')
    await expect(main.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Zaproszenie na spotkanie')
    await main.getByText('Współpraca OPS i PUP w aktywizacji osób bezrobotnych').waitFor()
    await main.getByText('16.05.2031 r., godz. 13:00–15:00').waitFor()
    if (axe) await expectNoAxeViolations(page)
    await main.getByRole('group', { name: 'Odpowiedź na zaproszenie' }).getByLabel(answer, { exact: true }).check()
    await main.getByRole('button', { name: 'Zapisz odpowiedź' }).click()
    await page.getByRole('status').getByText('Zapisano odpowiedź na zaproszenie.').waitFor()
    expect(new URL(page.url()).pathname).toBe(path)
    await expect(main.locator('dl').textContent()).resolves.toContain(`Twoja odpowiedź${answer}`)
    await expect(main.getByLabel(answer, { exact: true }).isChecked()).resolves.toBe(true)
    if (axe) await expectNoAxeViolations(page)
  }

  it('lets the invitee answer through the personal link, without an account', async () => {
    const page = await browser.context.newPage()
    await answerThroughLink(page, links.grzegorz, 'Tak')
    await page.close()
  })

  it('works with JavaScript turned off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await answerThroughLink(page, links.anna, 'Może', { axe: false })
    await context.close()
  })

  it('lets a signed-in member change the answer on the meeting page', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await signIn(page, scene.accounts.member)
    await page.goto(`/meetings/${scene.meetingId}`)
    const form = page.locator(`form[action="/meetings/${scene.meetingId}/answer"]`)
    await expect(form.getByRole('radio', { name: 'Może' }).isChecked()).resolves.toBe(true)
    await form.getByRole('radio', { name: 'Nie' }).check()
    await form.getByRole('button', { name: 'Zapisz odpowiedź' }).click()
    await page.getByRole('status').getByText('Zapisano odpowiedź na zaproszenie.').waitFor()
    expect(new URL(page.url()).pathname).toBe(`/meetings/${scene.meetingId}`)
    await expect(form.getByRole('radio', { name: 'Nie' }).isChecked()).resolves.toBe(true)
    await expectNoAxeViolations(page)
    await context.close()
  })

  it('shows the officer the answers at a glance, and records attendance', async () => {
    const page = await browser.context.newPage()
    await signIn(page, scene.accounts.officer)
    await page.goto(`/meetings/${scene.meetingId}/invitations`)
    const main = page.locator('main')
    await main.getByRole('heading', { name: 'Zaproszenia', level: 2 }).waitFor()
    await expectNoAxeViolations(page)
    const row = (name: string) => main.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) })
    await expect(row('Grzegorz Źdźbło').textContent()).resolves.toContain('Tak')
    await expect(row('Anna Łęcka').textContent()).resolves.toContain('Nie')
    await expect(row('Żaneta Bez-Adresu').textContent()).resolves.toContain('brak adresu e-mail')

    await page.goto(`/meetings/${scene.meetingId}/attendance`)
    await main.getByRole('heading', { name: 'Obecność', level: 2 }).waitFor()
    await expectNoAxeViolations(page)
    await main.getByRole('group', { name: 'Obecność: Anna Łęcka' }).getByLabel('obecny', { exact: true }).check()
    await main.getByRole('group', { name: 'Obecność: Żaneta Bez-Adresu' }).getByLabel('usprawiedliwiony').check()
    await main.getByRole('button', { name: 'Zapisz obecność' }).click()
    await page.getByRole('status').getByText('Zapisano listę obecności.').waitFor()
    const summary = main.getByRole('table', { name: 'Obecność według instytucji' })
    await expect(summary.getByRole('row').filter({ hasText: 'Miejski Ośrodek Pomocy Społecznej' }).textContent()).resolves.toMatch(
      /1\D*0\D*1\D*0$/,
    )
    await expectNoAxeViolations(page)
    await page.close()
  })
})
