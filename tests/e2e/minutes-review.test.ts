import type { Locator, Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { describeInBrowser, expectNoAxeViolations, signIn, useBrowser } from '#tests/support/browser'
import { createInvitationScene } from '#tests/support/invitations'
import { addMinutesComment } from '~/models/minutes-comment.server'
import { circulateMinutes } from '~/models/minutes-cycle.server'
import { getMinutes, saveMinutes, startMinutes } from '~/models/minutes.server'

/** Presses Tab until the control has focus, as a keyboard user would; fails if it never does. */
async function tabTo(page: Page, control: Locator, maxPresses = 80) {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab')
    if (await control.evaluate((el) => el === document.activeElement)) return
  }
  throw new Error(`${control} could not be reached with the Tab key`)
}

async function circulatedMinutes() {
  const scene = await createInvitationScene()
  const actor = { userId: scene.accounts.officer.user.id, ip: null }
  startMinutes({ meetingId: scene.meetingId, actor })
  const write = (body: string) => {
    const current = getMinutes({ meetingId: scene.meetingId })!
    const sections = current.snapshot.sections.map((s) => (s.kind === 'decisions' ? { ...s, body } : s))
    const saved = saveMinutes({
      meetingId: scene.meetingId,
      baseRevision: current.revision,
      input: { ...current.snapshot, sections },
      actor,
    })
    if (!saved.ok) throw new Error('saving the minutes failed')
    return saved.revision
  }
  const revision = write('- porozumienie MOPS–PUP zostanie zawarte w III kwartale 2017 r.')
  const circulated = await circulateMinutes({
    meetingId: scene.meetingId,
    commentsDueAt: new Date(Date.now() + 7 * 24 * 3600 * 1000),
    baseRevision: revision,
    actor,
    origin: 'http://localhost',
  })
  if (!circulated.ok) throw new Error(circulated.error)
  const decisions = getMinutes({ meetingId: scene.meetingId })!.snapshot.sections.find((s) => s.kind === 'decisions')!
  return { scene, decisions, write }
}

describeInBrowser('comments on circulated minutes and comparing versions', () => {
  const browser = useBrowser()

  it('lets a member add a comment to a section by keyboard alone; the comments page passes axe-core', async () => {
    const { scene, decisions } = await circulatedMinutes()
    const page = await browser.context.newPage()
    await signIn(page, scene.accounts.member)
    await page.goto(`/meetings/${scene.meetingId}/minutes/comments?section=${decisions.id}#new`)
    const main = page.locator('main')
    await main.getByRole('heading', { name: 'Uwagi do notatki' }).waitFor()
    await expectNoAxeViolations(page)

    const part = main.getByLabel('Której części notatki dotyczy uwaga')
    await expect(part.inputValue()).resolves.toBe(String(decisions.id))
    await tabTo(page, main.getByLabel('Treść uwagi'))
    await page.keyboard.type('Proszę wpisać termin: najpóźniej w III kwartale 2017 r.')
    await tabTo(page, main.getByRole('button', { name: 'Dodaj uwagę' }))
    await page.keyboard.press('Enter')

    await page.getByText('Uwaga została dodana.').waitFor()
    const section = main.locator(`#section-${decisions.id}`)
    await section.getByText('Proszę wpisać termin: najpóźniej w III kwartale 2017 r.').waitFor()
    await expect(section.textContent()).resolves.toContain('nierozstrzygnięta')
    await expectNoAxeViolations(page)
    await page.close()
  })

  it('lets the officer resolve a comment with a note, on a page that passes axe-core', async () => {
    const { scene, decisions } = await circulatedMinutes()
    const added = addMinutesComment({
      meetingId: scene.meetingId,
      sectionId: decisions.id,
      body: 'Termin jest nierealny.',
      actor: { userId: scene.accounts.member.user.id, ip: null },
    })
    if (!added.ok) throw new Error(added.error)
    const context = await browser.newContext()
    const page = await context.newPage()
    await signIn(page, scene.accounts.officer)
    await page.goto(`/meetings/${scene.meetingId}/minutes/comments#section-${decisions.id}`)
    const comment = page.locator(`#comment-${added.id}`)
    await comment.getByText('Termin jest nierealny.').waitFor()
    await expectNoAxeViolations(page)

    await comment.getByLabel('nieuwzględniona').check()
    await comment.getByRole('button', { name: 'Zapisz rozstrzygnięcie' }).click()
    await comment.getByText('Podaj, dlaczego uwaga nie została uwzględniona.').waitFor()
    await expectNoAxeViolations(page)
    await comment.getByLabel('Uzasadnienie lub opis poprawki').fill('Termin wynika z porozumienia ramowego.')
    await comment.getByRole('button', { name: 'Zapisz rozstrzygnięcie' }).click()
    await page.getByText('Zapisano rozstrzygnięcie uwagi.').waitFor()
    await expect(page.locator(`#comment-${added.id}`).textContent()).resolves.toMatch(
      /nieuwzględniona[\s\S]*Termin wynika z porozumienia ramowego\.[\s\S]*Gizela Prowadząca/,
    )
    await context.close()
  })

  it('shows the officer what changed since circulation, word by word, on a page that passes axe-core', async () => {
    const { scene, decisions, write } = await circulatedMinutes()
    write('- porozumienie MOPS–PUP zostanie zawarte najpóźniej w IV kwartale 2017 r.')
    // A context of its own: the file's shared one is signed in as the member.
    const context = await browser.newContext()
    const page = await context.newPage()
    await signIn(page, scene.accounts.officer)
    await page.goto(`/meetings/${scene.meetingId}/minutes/versions`)
    const main = page.locator('main')
    await main.getByRole('heading', { name: 'Wersje notatki' }).waitFor()
    await expectNoAxeViolations(page)

    await main.getByLabel('Z wersji').selectOption('1')
    await main.getByLabel('Do wersji').selectOption('current')
    await main.getByRole('button', { name: 'Porównaj' }).click()
    await main.getByRole('heading', { name: 'Zmiany: wersja 1 → bieżący tekst' }).waitFor()
    const changes = main.locator(`section[aria-labelledby="cmp-s${decisions.id}"]`)
    await expect(changes.locator('del').allTextContents()).resolves.toEqual(['III'])
    await expect(changes.locator('ins').allTextContents()).resolves.toEqual(['najpóźniej ', 'IV'])
    await expectNoAxeViolations(page)
    await context.close()
  })
})
