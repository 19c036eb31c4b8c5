// Cooperation agreements through the server, as issue 13 checks them: the demo's Katowice
// agreement as a stranger downloads and verifies it, and a new agreement frozen and signed in
// Narada by one party and with an electronically signed PDF (a test certificate) by the other,
// the tampered, partial and other files refused with their reasons.
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { createAccount, createTestBody, createTestOrganisation, createTestPerson, type TestAccount } from '#tests/support/invitations'
import { baseURL, get, login, post, textOf } from '#tests/support/http'
import { makeTestCa, makeTestPdf, makeTestSigner, signPdf, tamperAfterSigning, type TestIdentity } from '#tests/support/pades'
import { pageTexts, pdfFile, squash } from '#tests/support/pdf'
import { db, schema } from '~/db.server'
import { changeParties, createAgreement, getAgreement } from '~/models/agreement/agreement.server'
import { frozenPdf } from '~/models/agreement/cycle.server'
import { MOPS_PUP_TEMPLATE } from '~/models/agreement/template'
import { pl } from '~/i18n/pl'

const mainOf = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'))

function textsOf(pdf: Buffer) {
  const file = pdfFile(pdf)
  try {
    return squash(pageTexts(file.file).join(' '))
  } finally {
    file.remove()
  }
}

/** A multipart upload as the signatures page's form sends it, from our own origin. */
function upload(path: string, cookie: string, fields: Record<string, string>, file: { name: string; bytes: Buffer }) {
  const body = new FormData()
  for (const [name, value] of Object.entries(fields)) body.append(name, value)
  body.append('file', new Blob([Uint8Array.from(file.bytes)], { type: 'application/pdf' }), file.name)
  return fetch(new URL(path, baseURL), { method: 'POST', headers: { Cookie: cookie, Origin: baseURL }, body, redirect: 'manual' })
}

describe('the demo agreement of Katowice', () => {
  it('is signed, on the public register, and its PDF names both parties and their representatives and verifies at its code', async () => {
    const row = db
      .select({ id: schema.agreements.id })
      .from(schema.agreements)
      .where(eq(schema.agreements.number, 'MOPS.DAS.0711.3.2009'))
      .get()!
    const register = textOf(mainOf(await (await get('/agreements?q=katowic')).text()))
    expect(register).toContain('Porozumienie o współpracy Miejskiego Ośrodka Pomocy Społecznej w Katowicach')
    expect(register).toContain(pl['agreement.state.signed'])
    const response = await get(`/agreements/${row.id}/agreement.pdf`)
    expect(response.status).toBe(200)
    const text = textsOf(Buffer.from(await response.arrayBuffer()))
    for (const expected of [
      'POROZUMIENIE nr MOPS.DAS.0711.3.2009',
      'zawarte w dniu 27 lutego 2009 r. w Katowicach pomiędzy:',
      'Miejski Ośrodek Pomocy Społecznej w Katowicach',
      'Powiatowy Urząd Pracy w Katowicach',
      'Barbara Wilczek (dane przykładowe)',
      'Andrzej Sowa (dane przykładowe)',
      'Rejestr podpisów',
    ])
      expect(text).toContain(expected)
    const code = /Kod weryfikacyjny: ([0-9A-Z]{12})/.exec(text)![1]!
    const verified = textOf(mainOf(await (await get(`/verify/${code}`)).text()))
    expect(verified).toContain('MOPS.DAS.0711.3.2009')
    expect(verified).toContain('Miejski Ośrodek Pomocy Społecznej w Katowicach; Powiatowy Urząd Pracy w Katowicach')
  })

  it('keeps the Wodzisław agreement, in negotiation, from strangers; it names the action item it came from', async () => {
    const row = db
      .select({ id: schema.agreements.id })
      .from(schema.agreements)
      .where(eq(schema.agreements.number, 'MOPS.PS.0711.2.2017'))
      .get()!
    expect((await get(`/agreements/${row.id}`)).status).toBe(404)
    expect((await get(`/agreements/${row.id}/agreement.pdf`)).status).toBe(404)
    const agreement = getAgreement({ id: row.id })!
    expect(agreement.state).toBe('negotiation')
    expect(agreement.snapshot.sources[0]?.actionItemText).toContain('Zawarcie porozumienia MOPS–PUP')
    expect(agreement.snapshot.parties.map((p) => p.name)).toEqual([
      'Miejski Ośrodek Pomocy Społecznej w Wodzisławiu Śląskim',
      'Powiatowy Urząd Pracy w Wodzisławiu Śląskim',
    ])
  })
})

describe('a new agreement signed in Narada and with a PAdES file', () => {
  let officer: TestAccount
  let signatory: TestAccount
  let officerCookie: string
  let signatoryCookie: string
  let id: number
  let ca: TestIdentity
  let pupSigner: TestIdentity

  beforeAll(async () => {
    const mops = createTestOrganisation('Gminny Ośrodek Pomocy Społecznej w Gorzycach', { kind: 'ops' })
    const pup = createTestOrganisation('Powiatowy Urząd Pracy w Raciborzu', { kind: 'pup' })
    const mopsHead = createTestPerson(mops, 'Łucja Żmijewska')
    const pupHead = createTestPerson(pup, 'Bogdan Ślęzak')
    officer = await createAccount('officer', 'Gizela Prowadząca')
    signatory = await createAccount('member', 'Łucja Żmijewska', mopsHead)
    const bodyId = createTestBody({ conveningOrganisationId: mops, convenor: officer.user })
    const actor = { userId: officer.user.id, ip: null }
    const fields = {
      number: 'GOPS.0711.1.2031',
      title: 'Porozumienie o współpracy GOPS i PUP',
      subject: '',
      place: 'Gorzycach',
      validFrom: '2031-01-01',
      validTo: '',
      noticeMonths: '1',
    }
    id = createAgreement({ bodyId, fields, paragraphs: MOPS_PUP_TEMPLATE.paragraphs, organisationIds: [mops, pup], actor })
    const parties = getAgreement({ id })!.snapshot.parties
    for (const [partyId, personId] of [
      [parties[0]!.id, mopsHead],
      [parties[1]!.id, pupHead],
    ] as const) {
      const changed = changeParties({
        id,
        baseRevision: getAgreement({ id })!.revision,
        change: { op: 'addSignatory', partyId, personId, position: 'Dyrektor', required: true },
        actor,
      })
      if (!changed.ok) throw new Error(changed.reason)
    }
    officerCookie = await login(officer.email, officer.password)
    signatoryCookie = await login(signatory.email, signatory.password)
    ca = await makeTestCa()
    pupSigner = await makeTestSigner({ ca, commonName: 'Bogdan Ślęzak', organisation: 'Powiatowy Urząd Pracy w Raciborzu' })
  })

  it('is frozen by the officer, refused when tampered, partial or another document, and signed by both parties', async () => {
    const freeze = await post(
      `/agreements/${id}?index`,
      { intent: 'freeze', revision: String(getAgreement({ id })!.revision) },
      { cookie: officerCookie },
    )
    expect(freeze.status).toBe(302)
    expect(getAgreement({ id })!.state).toBe('ready_to_sign')
    const frozen = Buffer.from(await (await get(`/agreements/${id}/agreement.pdf`, { cookie: signatoryCookie })).arrayBuffer())

    // A stranger to the agreement cannot sign it, nor see it.
    expect((await get(`/agreements/${id}/signatures`)).status).toBe(404)

    const signed = await signPdf(frozen, pupSigner)
    const refusals: [Buffer, string][] = [
      [tamperAfterSigning(signed), pl['agreement.pades.digestMismatch']],
      [await signPdf(frozen, pupSigner, { byteRange: ([a, b, c, d]) => [a, b, c, d - 40] }), pl['agreement.pades.partialCoverage']],
      [await signPdf(await makeTestPdf('Inny dokument'), pupSigner), pl['agreement.pades.notTheAgreement']],
      [frozen, pl['agreement.pades.noSignature']],
    ]
    for (const [bytes, message] of refusals) {
      const response = await upload(`/agreements/${id}/signatures`, officerCookie, { intent: 'pades' }, { name: 'podpisane.pdf', bytes })
      expect(response.status, message).toBe(400)
      expect(textOf(mainOf(await response.text()))).toContain(message)
    }
    expect(db.select().from(schema.agreementSignatures).where(eq(schema.agreementSignatures.agreementId, id)).all()).toHaveLength(0)

    const accepted = await upload(
      `/agreements/${id}/signatures`,
      officerCookie,
      { intent: 'pades' },
      { name: 'podpisane-kwalifikowanym.pdf', bytes: signed },
    )
    expect(accepted.status).toBe(302)

    // The MOPS head signs in Narada: the password again, and the confirmation.
    const wrong = await post(
      `/agreements/${id}/signatures`,
      { intent: 'sign', password: 'nie-to-hasło', confirm: 'on', versionId: String(frozenPdf(db, id)!.versionId) },
      { cookie: signatoryCookie },
    )
    expect(wrong.status).toBe(400)
    expect(textOf(await wrong.text())).toContain(pl['agreement.error.passwordWrong'])
    const sign = await post(
      `/agreements/${id}/signatures`,
      { intent: 'sign', password: signatory.password, confirm: 'on', versionId: String(frozenPdf(db, id)!.versionId) },
      { cookie: signatoryCookie },
    )
    expect(sign.status).toBe(302)

    const agreement = getAgreement({ id })!
    expect(agreement.state).toBe('signed')
    const page = textOf(mainOf(await (await get(`/agreements/${id}/signatures`, { cookie: officerCookie })).text()))
    expect(page).toContain(pl['agreement.signatureMethod.pades'])
    expect(page).toContain(pl['agreement.signatureMethod.narada'])
    expect(page).toContain('Bogdan Ślęzak')
    expect(page).toContain(pl['agreement.trust.notChecked'])
    const rows = db.select().from(schema.agreementSignatures).where(eq(schema.agreementSignatures.agreementId, id)).all()
    expect(rows.find((r) => r.method === 'pades')!.file!.equals(signed)).toBe(true)
    const record = textsOf(Buffer.from(await (await get(`/agreements/${id}/agreement.pdf`, { cookie: officerCookie })).arrayBuffer()))
    expect(record).toContain('Rejestr podpisów')
    expect(record).toContain('Łucja Żmijewska')
    expect(record).toContain('Bogdan Ślęzak')
  })
})
