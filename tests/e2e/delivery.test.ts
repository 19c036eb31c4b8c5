import crypto from 'node:crypto'
import { desc, eq, like } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { beforeAll, expect, it } from 'vitest'
import { describeInBrowser, expectNoAxeViolations, signIn, useBrowser } from '#tests/support/browser'
import {
  createAccount,
  createInvitationScene,
  createTestOrganisation,
  createTestPerson,
  type TestAccount,
} from '#tests/support/invitations'
import { publishedRecommendation } from '#tests/support/published-recommendation'
import { db, schema } from '~/db.server'
import { sendDistribution } from '~/models/distribution.server'
import { DEFAULT_DISTRIBUTION_SETTINGS } from '~/schemas/distribution'

const rcp = schema.distributionRecipients

describeInBrowser('an institution receives recommendations through its personal link', () => {
  const browser = useBrowser()
  const tag = crypto.randomBytes(3).toString('hex')
  const links = { withScript: '', withoutScript: '' }
  const ids = { withScript: 0, withoutScript: 0 }
  let member: TestAccount

  beforeAll(async () => {
    const scene = await createInvitationScene()
    const documentId = publishedRecommendation({ bodyId: scene.bodyId, bodyName: 'Zespół testowy', meetingId: scene.meetingId } as never, {
      code: `DLV-E2E-${tag}`,
      sha256: 'b'.repeat(64),
    })
    const emails = { withScript: `ops-a-${tag}@test.invalid`, withoutScript: `ops-b-${tag}@test.invalid` }
    const orgs = {
      withScript: createTestOrganisation('OPS Z Przeglądarką', { kind: 'ops', email: emails.withScript }),
      withoutScript: createTestOrganisation('OPS Bez Skryptów', { kind: 'ops', email: emails.withoutScript }),
    }
    const sent = sendDistribution({
      documentId,
      target: { kind: ['ops'], voivodeship: [], county: [], municipality: [], include: Object.values(orgs), exclude: [] },
      settings: DEFAULT_DISTRIBUTION_SETTINGS,
      actor: { userId: scene.accounts.officer.user.id, ip: null },
      origin: 'http://localhost',
    })
    if (!sent.ok) throw new Error(`sendDistribution: ${sent.error}`)
    member = await createAccount('member', 'Wiesława Odbiorczyni', createTestPerson(orgs.withScript, 'Wiesława Odbiorczyni'))
    for (const key of ['withScript', 'withoutScript'] as const) {
      const text = db
        .select({ text: schema.outbox.text })
        .from(schema.outbox)
        .where(like(schema.outbox.to, `%<${emails[key]}>`))
        .orderBy(desc(schema.outbox.id))
        .get()?.text
      const token = /\/delivery\/([A-Za-z0-9_-]{43})/.exec(text ?? '')?.[1]
      if (!token) throw new Error(`no delivery e-mail to ${emails[key]}`)
      links[key] = `/delivery/${token}`
      ids[key] = db.select({ id: rcp.id }).from(rcp).where(eq(rcp.organisationId, orgs[key])).get()!.id
    }
  })

  async function confirm(page: Page, path: string, { axe }: { axe: boolean }) {
    await page.goto(path)
    const main = page.locator('main')
    await expect(main.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Standardy współpracy OPS i PUP')
    if (axe) await expectNoAxeViolations(page)
    const form = main.getByRole('region', { name: 'Potwierdzenie otrzymania' })
    await form.getByLabel('Stanowisko').fill('Kierowniczka ośrodka')
    if (axe) {
      // Without a name: said beside the field, the position kept. (Without JavaScript the
      // browser's own check of a required field stops the form; tests/http covers the server's.)
      await form.getByRole('button', { name: 'Potwierdzam otrzymanie' }).click()
      await form.getByText('To pole jest wymagane.').waitFor()
      await expect(form.getByLabel('Stanowisko').inputValue()).resolves.toBe('Kierowniczka ośrodka')
      await expectNoAxeViolations(page)
    }
    await form.getByLabel('Imię i nazwisko').fill('Wiesława Odbiorczyni')
    await form.getByRole('button', { name: 'Potwierdzam otrzymanie' }).click()
    await page.getByRole('status').getByText('Potwierdzono otrzymanie rekomendacji.', { exact: false }).waitFor()
    await main.getByRole('heading', { name: 'Otrzymanie potwierdzone' }).waitFor()
    await main.getByText('Wiesława Odbiorczyni, Kierowniczka ośrodka', { exact: false }).waitFor()
    expect(new URL(page.url()).pathname).toBe(path)
  }

  it('opens, confirms and files a report without an account', async () => {
    const page = await browser.context.newPage()
    await confirm(page, links.withScript, { axe: true })
    await expectNoAxeViolations(page)
    const main = page.locator('main')
    const report = main.getByRole('region', { name: 'Informacja o wdrażaniu' })
    await report.getByRole('group', { name: 'Stan wdrażania' }).getByLabel('w trakcie wdrażania').check()
    await report.getByLabel('Opis').fill('Zespół interdyscyplinarny powołany; porozumienie z PUP w przygotowaniu.')
    await report.getByLabel('Plik', { exact: false }).setInputFiles({
      name: 'harmonogram.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% harmonogram\n%%EOF\n'),
    })
    await report.getByLabel('Imię i nazwisko').fill('Wiesława Odbiorczyni')
    await report.getByRole('button', { name: 'Przekaż informację' }).click()
    await page.getByRole('status').getByText('Przekazano informację o wdrażaniu.', { exact: false }).waitFor()
    const history = main.getByRole('region', { name: 'Przekazane informacje o wdrażaniu' })
    await history.getByText('Zespół interdyscyplinarny powołany; porozumienie z PUP w przygotowaniu.').waitFor()
    await history.getByText('harmonogram.pdf', { exact: false }).waitFor()
    await expectNoAxeViolations(page)
    expect(db.select().from(rcp).where(eq(rcp.id, ids.withScript)).get()).toMatchObject({
      state: 'reported',
      lastReportStatus: 'in_progress',
      confirmedByName: 'Wiesława Odbiorczyni',
    })
    await page.close()
  })

  /** axe-core needs JavaScript: the same page was checked with it on, above. */
  it('confirms with JavaScript turned off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await confirm(page, links.withoutScript, { axe: false })
    expect(db.select().from(rcp).where(eq(rcp.id, ids.withoutScript)).get()).toMatchObject({
      state: 'confirmed',
      confirmedByName: 'Wiesława Odbiorczyni',
      confirmedByPosition: 'Kierowniczka ośrodka',
    })
    await context.close()
  })

  it('shows the delivery in the institution’s /inbox to its signed-in member', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await signIn(page, member)
    await page.getByRole('navigation', { name: 'Nawigacja główna' }).getByRole('link', { name: 'Skrzynka' }).click()
    const main = page.locator('main')
    await main.getByRole('heading', { level: 1, name: 'Skrzynka instytucji' }).waitFor()
    await expectNoAxeViolations(page)
    await main.getByRole('link', { name: 'Standardy współpracy OPS i PUP' }).click()
    await page.waitForURL(`**/inbox/${ids.withScript}`)
    await main.getByRole('heading', { name: 'Otrzymanie potwierdzone' }).waitFor()
    await expectNoAxeViolations(page)
    await context.close()
  })
})
