import crypto from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { describeInBrowser, expectNoAxeViolations, signIn, useBrowser } from '#tests/support/browser'
import { createAccount, createTestBody, createTestOrganisation, createTestPerson, seat } from '#tests/support/invitations'
import { makeTestCa, makeTestSigner, signPdf, tamperAfterSigning } from '#tests/support/pades'
import { pageTexts, pdfFile, squash } from '#tests/support/pdf'
import { db, schema } from '~/db.server'
import { agreement as pl } from '~/i18n/pl/agreement'

const MOPS_SIGNATORY = 'Małgorzata Żółkiewska-Ćwik'
const PUP_SIGNATORY = 'Zbigniew Łącki'

const organisationName = (id: number) =>
  db.select({ name: schema.organisations.name }).from(schema.organisations).where(eq(schema.organisations.id, id)).get()!.name

/**
 * Żory's city hall convenes a team with its MOPS and the county's PUP. The MOPS director has a
 * member account and signs in Narada; the PUP director signs the PDF with a certificate in her
 * name, made here by a throwaway CA.
 */
async function createAgreementScene() {
  const convening = createTestOrganisation('Urząd Miasta Żory', { kind: 'city_hall' })
  const mops = createTestOrganisation('Miejski Ośrodek Pomocy Społecznej w Żorach', { kind: 'ops' })
  const pup = createTestOrganisation('Powiatowy Urząd Pracy w Żorach', { kind: 'pup' })
  const mopsDirector = createTestPerson(mops, MOPS_SIGNATORY)
  const pupDirector = createTestPerson(pup, PUP_SIGNATORY)
  const officer = await createAccount('officer', 'Gizela Prowadząca')
  const signatory = await createAccount('member', MOPS_SIGNATORY, mopsDirector)
  const bodyId = createTestBody({ conveningOrganisationId: convening, convenor: officer.user, name: 'Zespół ds. aktywizacji w Żorach' })
  seat(bodyId, mops, mopsDirector)
  seat(bodyId, pup, pupDirector)
  const ca = await makeTestCa()
  const pupSigner = await makeTestSigner({ ca, commonName: PUP_SIGNATORY, organisation: 'Powiatowy Urząd Pracy w Żorach' })
  return {
    officer,
    signatory,
    bodyId,
    mops: organisationName(mops),
    pup: organisationName(pup),
    pupSigner,
    number: `MOPS.DAS.0711.${crypto.randomInt(100, 999)}.2031`,
  }
}

/** Uploads one file through the PAdES form and returns the form, where a refusal is shown. */
async function uploadPades(page: Page, name: string, buffer: Buffer) {
  const form = page.locator('main').getByRole('form', { name: pl['agreements.signatures.padesTitle'] })
  await form.getByLabel(/^Podpisany plik PDF/).setInputFiles({ name, mimeType: 'application/pdf', buffer })
  await form.getByRole('button', { name: pl['agreements.signatures.padesSubmit'] }).click()
  return form
}

/** The refusal must be the file field's own description, so a screen reader reads it with the field. */
async function expectRefusalAtFileField(page: Page, message: string) {
  const form = page.locator('main').getByRole('form', { name: pl['agreements.signatures.padesTitle'] })
  await form.getByRole('alert').filter({ hasText: message }).waitFor()
  const describedBy = await form.getByLabel(/^Podpisany plik PDF/).getAttribute('aria-describedby')
  expect(describedBy).toBeTruthy()
  await expect(page.locator(`#${describedBy}`).textContent()).resolves.toContain(message)
}

describeInBrowser('a cooperation agreement from the first draft to the public register', () => {
  const browser = useBrowser()

  it('is drafted and frozen by the officer, refused when tampered or half-signed, signed with PAdES and in Narada, and published', async () => {
    const scene = await createAgreementScene()
    const page = await browser.context.newPage()
    const main = page.locator('main')
    await signIn(page, scene.officer)

    // The officer starts the draft from the MOPS–PUP template, for the team she convenes.
    await page.goto('/agreements')
    await expectNoAxeViolations(page)
    await main.getByRole('link', { name: pl['agreements.register.new'] }).click()
    await main.getByRole('heading', { level: 1, name: pl['agreements.new.title'] }).waitFor()
    await expectNoAxeViolations(page)
    await main.getByLabel(pl['agreements.new.body']).selectOption(String(scene.bodyId))
    await expect(main.getByLabel(pl['agreements.new.template']).inputValue()).resolves.toBe('mops-pup')
    await main.getByLabel(pl['agreements.field.number']).fill(scene.number)
    await main.getByLabel(pl['agreements.field.place']).fill('Żorach')
    await main.getByLabel(pl['agreements.field.validFrom'], { exact: true }).fill('2031-09-01')
    await main.getByRole('button', { name: pl['agreements.new.submit'] }).click()
    await page.getByText(pl['agreements.done.created']).waitFor()
    await page.waitForURL(/\/agreements\/\d+\/parties$/)
    const id = Number(/\/agreements\/(\d+)\/parties/.exec(page.url())?.[1])
    expect(id).toBeGreaterThan(0)
    await main.getByRole('heading', { name: pl['agreements.parties.title'] }).waitFor()
    await expectNoAxeViolations(page)

    // Both institutions are found by name in the directory and added as parties.
    for (const institution of [scene.mops, scene.pup]) {
      const search = main.getByRole('search')
      await search.getByLabel(pl['agreements.parties.search']).fill(institution)
      await search.getByRole('button', { name: pl['agreements.parties.searchSubmit'] }).click()
      const add = main.getByRole('button', { name: new RegExp(`^${pl['agreements.parties.addThis']}\\s*:\\s*${institution}`) })
      await add.waitFor()
      await expectNoAxeViolations(page)
      await add.click()
      await page.getByText(pl['agreements.parties.done.addParty']).waitFor()
      await main.getByRole('heading', { level: 3, name: institution }).waitFor()
    }

    // Each party gets its authorised signatory, chosen from the institution's people.
    for (const [institution, person, position] of [
      [scene.mops, MOPS_SIGNATORY, 'Dyrektor Miejskiego Ośrodka Pomocy Społecznej'],
      [scene.pup, PUP_SIGNATORY, 'Dyrektor Powiatowego Urzędu Pracy, działająca z upoważnienia Starosty'],
    ] as const) {
      const form = main.getByRole('form', { name: `Dodaj osobę upoważnioną: ${institution}` })
      await form.getByLabel(pl['agreements.parties.person']).selectOption({ label: person })
      await form.getByLabel(pl['agreements.parties.position']).fill(position)
      await form.getByRole('button', { name: pl['agreements.parties.addSignatory'] }).click()
      await page.getByText(pl['agreements.parties.done.addSignatory']).waitFor()
      await main.getByText(`${person} – ${position}`).waitFor()
    }
    await expectNoAxeViolations(page)

    // The text: negotiation, then frozen for signing.
    await page.getByRole('navigation', { name: pl['agreements.tabs'] }).getByRole('link', { name: pl['agreements.tab.text'] }).click()
    await main.getByRole('heading', { level: 2, name: pl['agreements.cycle.title'] }).waitFor()
    await main.getByText(scene.number).first().waitFor()
    await expectNoAxeViolations(page)
    await main.getByRole('button', { name: pl['agreements.cycle.negotiate.submit'] }).click()
    await page.getByText(pl['agreements.done.negotiate']).waitFor()
    await main.getByText('w negocjacjach').first().waitFor()
    await expectNoAxeViolations(page)
    await main.getByRole('button', { name: pl['agreements.cycle.freeze.submit'] }).click()
    await page.getByText(pl['agreements.done.freeze']).waitFor()
    await main.getByText('gotowe do podpisu').first().waitFor()
    await expectNoAxeViolations(page)

    // The frozen PDF, fetched with the officer's session, is what the PUP director signs.
    const frozenResponse = await browser.context.request.get(`/agreements/${id}/agreement.pdf`)
    expect(frozenResponse.status()).toBe(200)
    expect(frozenResponse.headers()['content-type']).toBe('application/pdf')
    const frozen = await frozenResponse.body()
    const signed = await signPdf(frozen, scene.pupSigner)
    const tampered = tamperAfterSigning(signed)
    const partial = await signPdf(frozen, scene.pupSigner, { byteRange: ([a, b, c, d]) => [a, b, c, d - 40] })

    await page.goto(`/agreements/${id}/signatures`)
    await main.getByRole('heading', { level: 2, name: pl['agreements.signatures.title'] }).waitFor()
    await expectNoAxeViolations(page)
    await uploadPades(page, 'porozumienie-zmienione.pdf', tampered)
    await expectRefusalAtFileField(page, pl['agreement.pades.digestMismatch'])
    await expectNoAxeViolations(page)
    await uploadPades(page, 'porozumienie-czesciowe.pdf', partial)
    await expectRefusalAtFileField(page, pl['agreement.pades.partialCoverage'])
    await uploadPades(page, 'porozumienie-podpisane.pdf', signed)
    await page.getByText(pl['agreements.done.signed']).waitFor()
    const who = main.getByRole('table', { name: pl['agreements.signatures.who'] })
    await who
      .getByRole('row', { name: new RegExp(PUP_SIGNATORY) })
      .getByText(pl['agreements.signatures.signed'])
      .waitFor()
    await who
      .getByRole('row', { name: new RegExp(MOPS_SIGNATORY) })
      .getByText(pl['agreements.signatures.unsigned'])
      .waitFor()
    await expectNoAxeViolations(page)

    // The MOPS director signs in Narada: a wrong password is refused, the right one concludes the agreement.
    const signatoryContext = await browser.newContext()
    const director = await signatoryContext.newPage()
    const directorMain = director.locator('main')
    await signIn(director, scene.signatory)
    await director.goto(`/agreements/${id}`)
    await directorMain.getByRole('link', { name: pl['agreements.goSign'], exact: true }).click()
    const sign = directorMain.getByRole('form', { name: pl['agreements.signatures.signTitle'] })
    await sign.waitFor()
    await expectNoAxeViolations(director)
    await sign.getByLabel(pl['agreements.signatures.password']).fill(`${scene.signatory.password}-nie`)
    await sign.getByRole('checkbox', { name: /^Zapoznałem\(-am\) się z zamrożonym plikiem PDF/ }).check()
    await sign.getByRole('button', { name: pl['agreements.signatures.signSubmit'] }).click()
    await sign.getByRole('alert').filter({ hasText: 'Hasło jest nieprawidłowe.' }).waitFor()
    await expectNoAxeViolations(director)
    await sign.getByLabel(pl['agreements.signatures.password']).fill(scene.signatory.password)
    await sign.getByRole('checkbox', { name: /^Zapoznałem\(-am\) się z zamrożonym plikiem PDF/ }).check()
    await sign.getByRole('button', { name: pl['agreements.signatures.signSubmit'] }).click()
    await director.getByText(pl['agreements.done.concluded']).waitFor()
    await directorMain.locator('.badge', { hasText: 'zawarte' }).waitFor()
    const record = directorMain.getByRole('table', { name: pl['agreements.signatures.record'] })
    await record
      .getByRole('row', { name: new RegExp(MOPS_SIGNATORY) })
      .getByText('podpis elektroniczny zwykły w Naradzie (eIDAS, art. 3 pkt 10)')
      .waitFor()
    const padesRow = record.getByRole('row', { name: new RegExp(PUP_SIGNATORY) })
    await padesRow.getByText('podpis elektroniczny PAdES (kwalifikowany, zaufany lub osobisty)').waitFor()
    await padesRow.getByText(`Certyfikat: ${PUP_SIGNATORY}, Powiatowy Urząd Pracy w Żorach.`).waitFor()
    await expect(directorMain.getByRole('form', { name: pl['agreements.signatures.signTitle'] }).count()).resolves.toBe(0)
    await expectNoAxeViolations(director)
    await signatoryContext.close()

    // Until the parties publish it, a signed-out visitor finds no such agreement.
    const visitorContext = await browser.newContext()
    const visitor = await visitorContext.newPage()
    const visitorMain = visitor.locator('main')
    expect((await visitor.goto(`/agreements/${id}`))?.status()).toBe(404)
    expect((await visitorContext.request.get(`/agreements/${id}/agreement.pdf`)).status()).toBe(404)

    await page.goto(`/agreements/${id}`)
    await main.locator('.badge', { hasText: 'zawarte' }).waitFor()
    const publication = main.getByRole('form', { name: pl['agreements.cycle.visibility.title'] })
    await publication.getByLabel(pl['agreements.cycle.visibility.public']).check()
    await publication.getByRole('button', { name: pl['agreements.cycle.visibility.submit'] }).click()
    await page.getByText(pl['agreements.done.visibility']).waitFor()
    await expectNoAxeViolations(page)
    await page.close()

    // Published: the visitor finds it in the register by its number, opens it and its PDF.
    await visitor.goto('/agreements')
    await expectNoAxeViolations(visitor)
    const filters = visitorMain.getByRole('form', { name: pl['agreements.register.filters'] })
    await filters.getByLabel(pl['agreements.register.q']).fill(scene.number)
    await filters.getByRole('button', { name: pl['agreements.register.filter'] }).click()
    const row = visitorMain.getByRole('row', { name: new RegExp(scene.number.replace(/\./g, '\\.')) })
    await row.getByText('zawarte').waitFor()
    await expectNoAxeViolations(visitor)
    await row.getByRole('link').click()
    await visitorMain.getByText(scene.number).first().waitFor()
    await visitorMain.locator('.badge', { hasText: 'zawarte' }).waitFor()
    await expectNoAxeViolations(visitor)

    const pdfResponse = await visitorContext.request.get(`/agreements/${id}/agreement.pdf`)
    expect(pdfResponse.status()).toBe(200)
    expect(pdfResponse.headers()['content-type']).toBe('application/pdf')
    const archived = await pdfResponse.body()
    const file = pdfFile(archived)
    const pdfText = squash(pageTexts(file.file).join(' '))
    file.remove()
    expect(pdfText).toContain('Rejestr podpisów')
    expect(pdfText).toContain(MOPS_SIGNATORY)
    expect(pdfText).toContain(PUP_SIGNATORY)
    const code = /\/verify\/([A-Za-z0-9-]+)/.exec(pdfText)?.[1]
    expect(code, 'the PDF prints its verification address').toBeTruthy()

    // The code page names the agreement, and the downloaded file checks out as exactly that document.
    await visitor.goto(`/verify/${code}`)
    await visitorMain.getByRole('heading', { level: 1, name: 'Weryfikacja dokumentu' }).waitFor()
    await visitorMain.getByText('Ten kod weryfikacyjny należy do opublikowanego dokumentu:').waitFor()
    await expectNoAxeViolations(visitor)
    const check = visitorMain.getByRole('form', { name: 'Sprawdź plik' })
    await check
      .getByLabel('Plik PDF', { exact: true })
      .setInputFiles({ name: 'porozumienie.pdf', mimeType: 'application/pdf', buffer: archived })
    await check.getByRole('button', { name: 'Sprawdź plik' }).click()
    await visitorMain
      .getByRole('status')
      .filter({ hasText: /^Ten plik jest dokładnie tym dokumentem/ })
      .waitFor()
    await expectNoAxeViolations(visitor)
    await visitorContext.close()
  })
})
