import { execFileSync } from 'node:child_process'
import { and, eq, isNotNull } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { createAccount, createTestOrganisation, createTestPerson, type TestAccount } from '#tests/support/invitations'
import { createTestBody } from '#tests/support/invitations'
import { appendPageChange, makeTestCa, makeTestSigner, signPdf, tamperAfterSigning, type TestIdentity } from '#tests/support/pades'
import { db, schema } from '~/db.server'
import { runDueJobs } from '~/jobs/queue.server'
import { registerJobHandlers } from '~/jobs/handlers.server'
import { getVerifiedDocument } from '../verification.server'
import { changeParties, createAgreement, createAnnex, getAgreement, listAnnexes, saveAgreement } from './agreement.server'
import {
  archivedAgreementPdf,
  freezeForSigning,
  frozenPdf,
  recordSignatures,
  reopenNegotiation,
  signatoriesOf,
  startNegotiation,
} from './cycle.server'
import { listAgreements } from './register.server'
import { namesMatch, recordPadesUpload } from './signing.server'
import { MOPS_PUP_TEMPLATE } from './template'

const origin = 'http://localhost'
const pdftotext = (pdf: Buffer) => execFileSync('pdftotext', ['-raw', '-', '-'], { input: pdf }).toString('utf8')

type Scene = {
  officer: TestAccount
  signatory: TestAccount
  outsider: TestAccount
  bodyId: number
  mops: number
  pup: number
  mopsDirector: number
  pupDirector: number
}

async function scene(): Promise<Scene> {
  const convening = createTestOrganisation('Urząd Miasta Wodzisław Śląski', { kind: 'city_hall' })
  const mops = createTestOrganisation('Miejski Ośrodek Pomocy Społecznej w Wodzisławiu Śląskim', { kind: 'ops' })
  const pup = createTestOrganisation('Powiatowy Urząd Pracy w Wodzisławiu Śląskim', { kind: 'pup' })
  const mopsDirector = createTestPerson(mops, 'Joanna Kurek')
  const pupDirector = createTestPerson(pup, 'Marek Pietrzyk', `pietrzyk-${Math.random().toString(36).slice(2)}@pup.test`)
  const outsiderPerson = createTestPerson(createTestOrganisation('Fundacja Obok', { kind: 'ngo' }), 'Ołeksandra Obca')
  const officer = await createAccount('officer', 'Gizela Prowadząca')
  const signatory = await createAccount('member', 'Joanna Kurek', mopsDirector)
  const outsider = await createAccount('member', 'Ołeksandra Obca', outsiderPerson)
  const bodyId = createTestBody({ conveningOrganisationId: convening, convenor: officer.user })
  return { officer, signatory, outsider, bodyId, mops, pup, mopsDirector, pupDirector }
}

const fields = {
  number: 'MOPS.PS.0711.2.2031',
  title: 'Porozumienie o współpracy MOPS i PUP',
  subject: 'w sprawie współpracy na rzecz aktywizacji zawodowej',
  place: 'Wodzisławiu Śląskim',
  validFrom: '2031-09-01',
  validTo: '',
  noticeMonths: '1',
}

function draft(s: Scene) {
  const actor = { userId: s.officer.user.id, ip: null }
  const id = createAgreement({
    bodyId: s.bodyId,
    fields,
    paragraphs: MOPS_PUP_TEMPLATE.paragraphs,
    organisationIds: [s.mops, s.pup],
    actor,
  })
  const agreement = getAgreement({ id })!
  const [mopsParty, pupParty] = agreement.snapshot.parties
  let revision = agreement.revision
  for (const [partyId, personId, position] of [
    [mopsParty!.id, s.mopsDirector, 'Dyrektor Miejskiego Ośrodka Pomocy Społecznej'],
    [pupParty!.id, s.pupDirector, 'Dyrektor Powiatowego Urzędu Pracy, działający z upoważnienia Starosty'],
  ] as const) {
    const changed = changeParties({
      id,
      baseRevision: revision,
      change: { op: 'addSignatory', partyId, personId, position, required: true },
      actor,
    })
    if (!changed.ok) throw new Error(changed.reason)
    revision = changed.revision
  }
  return { id, actor }
}

let ca: TestIdentity
let pietrzyk: TestIdentity
let stranger: TestIdentity
beforeAll(async () => {
  registerJobHandlers()
  ca = await makeTestCa()
  pietrzyk = await makeTestSigner({ ca, commonName: 'Marek Pietrzyk', organisation: 'Powiatowy Urząd Pracy w Wodzisławiu Śląskim' })
  stranger = await makeTestSigner({ ca, commonName: 'Adam Obcy', organisation: 'Gdzie indziej' })
})

describe('an agreement from draft to signed', () => {
  it('is drafted with its parties and template, frozen to a PDF, signed in Narada and with PAdES, and verifies', async () => {
    const s = await scene()
    const { id, actor } = draft(s)
    const live = getAgreement({ id })!
    expect(live.snapshot.paragraphs.map((p) => p.number).slice(0, 3)).toEqual(['§ 1', '§ 2', '§ 3'])
    expect((await startNegotiation({ id, baseRevision: live.revision, commentsDueAt: null, actor, origin })).ok).toBe(true)

    const negotiating = getAgreement({ id })!
    expect(await freezeForSigning({ id, baseRevision: negotiating.revision, actor, origin })).toEqual({ ok: true })
    const frozen = frozenPdf(db, id)!
    // The signatory with an address is told, at each step, where to go; the one without is not.
    const told = db
      .select({ to: schema.outbox.to, subject: schema.outbox.subject, text: schema.outbox.text })
      .from(schema.outbox)
      .all()
      .filter((m) => m.text.includes(`/agreements/${id}/`))
    expect(told.map((m) => m.subject)).toEqual([
      `Projekt porozumienia do uzgodnień: ${fields.title}`,
      `Porozumienie do podpisu: ${fields.title}`,
    ])
    expect(told.every((m) => m.to.includes('pietrzyk-'))).toBe(true)
    const text = pdftotext(frozen.pdf)
    expect(text).toContain('Joanna Kurek')
    expect(text).toContain('Marek Pietrzyk')
    expect(text).toContain('Miejski Ośrodek Pomocy Społecznej w Wodzisławiu Śląskim')

    // A frozen text is not saved over: changing it means going back to negotiation.
    const frozenNow = getAgreement({ id })!
    const blocked = saveAgreement({ id, baseRevision: frozenNow.revision, fields, paragraphs: [], actor })
    expect(blocked).toEqual({ ok: false, reason: 'locked' })

    // The MOPS director signs in Narada.
    const mopsSignatory = signatoriesOf(db, id).find((x) => x.personId === s.mopsDirector)!
    const first = await recordSignatures({
      id,
      versionId: frozen.versionId,
      actor: { userId: s.signatory.user.id, ip: '203.0.113.7' },
      origin,
      inputs: [{ signatoryId: mopsSignatory.id, method: 'narada', userId: s.signatory.user.id, ip: '203.0.113.7', userAgent: 'Test' }],
    })
    expect(first).toEqual({ ok: true, signed: false })

    // The PUP director signs the frozen PDF with a qualified signature (a test certificate here).
    const wrongFile = await signPdf(Buffer.concat([frozen.pdf.subarray(0, 100), Buffer.from(' '), frozen.pdf.subarray(101)]), pietrzyk)
    const refused = await recordPadesUpload({
      id,
      file: wrongFile,
      fileName: 'inny.pdf',
      userId: s.officer.user.id,
      uploaderPersonId: null,
      ip: null,
      actor,
      origin,
    })
    expect(refused).toMatchObject({ ok: false, error: 'agreement.pades.notTheAgreement' })
    const signedByPietrzyk = await signPdf(frozen.pdf, pietrzyk)
    expect(
      await recordPadesUpload({
        id,
        file: tamperAfterSigning(signedByPietrzyk),
        fileName: 'x.pdf',
        userId: s.officer.user.id,
        uploaderPersonId: null,
        ip: null,
        actor,
        origin,
      }),
    ).toMatchObject({ ok: false })
    expect(
      await recordPadesUpload({
        id,
        file: appendPageChange(signedByPietrzyk),
        fileName: 'x.pdf',
        userId: s.officer.user.id,
        uploaderPersonId: null,
        ip: null,
        actor,
        origin,
      }),
    ).toMatchObject({
      ok: false,
      error: 'agreement.pades.changedAfterSigning',
    })
    expect(
      await recordPadesUpload({
        id,
        file: await signPdf(frozen.pdf, stranger),
        fileName: 'x.pdf',
        userId: s.officer.user.id,
        uploaderPersonId: null,
        ip: null,
        actor,
        origin,
      }),
    ).toMatchObject({
      ok: false,
      error: 'agreement.pades.signerMismatch',
    })
    const accepted = await recordPadesUpload({
      id,
      file: signedByPietrzyk,
      fileName: 'porozumienie-podpisane.pdf',
      userId: s.officer.user.id,
      uploaderPersonId: null,
      ip: null,
      actor,
      origin,
    })
    expect(accepted).toEqual({ ok: true, signed: true, recorded: ['Marek Pietrzyk'] })

    const signed = getAgreement({ id })!
    expect(signed.state).toBe('signed')
    const rows = db.select().from(schema.agreementSignatures).where(eq(schema.agreementSignatures.agreementId, id)).all()
    expect(rows.map((r) => [r.method, r.pdfSha256])).toEqual([
      ['narada', frozen.sha256],
      ['pades', frozen.sha256],
    ])
    const pades = rows.find((r) => r.method === 'pades')!
    expect(pades.file!.equals(signedByPietrzyk)).toBe(true)
    expect(pades).toMatchObject({ signerName: 'Marek Pietrzyk', trust: 'notChecked', ip: null })
    expect(rows.find((r) => r.method === 'narada')).toMatchObject({ ip: '203.0.113.7', userAgent: 'Test' })

    const record = archivedAgreementPdf(id)!
    const recordText = pdftotext(record.pdf).replace(/\s+/g, ' ')
    expect(recordText).toContain('Rejestr podpisów')
    expect(recordText.replace(/ /g, '')).toContain(frozen.sha256)
    const code = db
      .select({ code: schema.documentVersions.verificationCode })
      .from(schema.documentVersions)
      .where(and(eq(schema.documentVersions.documentId, id), eq(schema.documentVersions.state, 'signed')))
      .get()!.code!
    expect(getVerifiedDocument({ code })).toMatchObject({ kind: 'agreement', title: fields.title })
  })

  it('voids the signatures collected when a frozen text goes back to negotiation, and keeps them on record', async () => {
    const s = await scene()
    const { id, actor } = draft(s)
    expect(await freezeForSigning({ id, baseRevision: getAgreement({ id })!.revision, actor, origin })).toEqual({ ok: true })
    const mopsSignatory = signatoriesOf(db, id).find((x) => x.personId === s.mopsDirector)!
    await recordSignatures({
      id,
      versionId: frozenPdf(db, id)!.versionId,
      actor,
      origin,
      inputs: [
        {
          signatoryId: mopsSignatory.id,
          method: 'scan',
          userId: s.officer.user.id,
          file: { name: 'skan.pdf', bytes: Buffer.from('%PDF-1.4 skan') },
        },
      ],
    })
    const before = frozenPdf(db, id)!
    expect(reopenNegotiation({ id, baseRevision: getAgreement({ id })!.revision, reason: 'Zmiana koordynatora', actor })).toEqual({
      ok: true,
    })
    expect(signatoriesOf(db, id).every((x) => !x.signed)).toBe(true)
    expect(
      db
        .select()
        .from(schema.agreementSignatures)
        .where(and(eq(schema.agreementSignatures.agreementId, id), isNotNull(schema.agreementSignatures.voidedAt)))
        .all(),
    ).toHaveLength(1)
    // The old frozen PDF's code does not verify: the agreement was never concluded on it.
    const oldCode = db
      .select({ code: schema.documentVersions.verificationCode })
      .from(schema.documentVersions)
      .where(eq(schema.documentVersions.pdfSha256, before.sha256))
      .get()!.code!
    expect(getVerifiedDocument({ code: oldCode })).toBeUndefined()
    // A new freeze is a new PDF to sign.
    const edited = getAgreement({ id })!
    const paragraphs = edited.snapshot.paragraphs.map((p) => ({ id: p.id, title: p.title, body: p.body }))
    expect(
      saveAgreement({
        id,
        baseRevision: edited.revision,
        fields,
        paragraphs: [...paragraphs, { id: null, title: 'Koordynatorzy', body: 'Nowy koordynator.' }],
        actor,
      }).ok,
    ).toBe(true)
    expect(await freezeForSigning({ id, baseRevision: getAgreement({ id })!.revision, actor, origin })).toEqual({ ok: true })
    const refrozen = frozenPdf(db, id)!
    expect(refrozen.sha256).not.toBe(before.sha256)

    // A signature meant for the version read before is refused on the new one.
    const inputs = signatoriesOf(db, id).map((x) => ({ signatoryId: x.id, method: 'scan' as const, userId: s.officer.user.id }))
    expect(await recordSignatures({ id, versionId: before.versionId, actor, origin, inputs })).toEqual({
      ok: false,
      error: 'agreement.error.frozenChanged',
    })
    // The directory may rename a party after freezing: the signed record names it as the signed PDF does.
    db.update(schema.organisations).set({ name: 'Nazwa zmieniona po zamrożeniu' }).where(eq(schema.organisations.id, s.mops)).run()
    expect(await recordSignatures({ id, versionId: refrozen.versionId, actor, origin, inputs })).toEqual({ ok: true, signed: true })
    const record = pdftotext(archivedAgreementPdf(id)!.pdf)
    expect(record).toContain('Miejski Ośrodek Pomocy Społecznej w Wodzisławiu')
    expect(record).not.toContain('Nazwa zmieniona po zamrożeniu')
    // Once signed, the frozen PDF signed and the record verify; the text voided by reopening never does.
    const codeOf = (sha: string) =>
      db
        .select({ code: schema.documentVersions.verificationCode })
        .from(schema.documentVersions)
        .where(eq(schema.documentVersions.pdfSha256, sha))
        .get()!.code!
    expect(getVerifiedDocument({ code: codeOf(refrozen.sha256) })).toMatchObject({ kind: 'agreement' })
    expect(getVerifiedDocument({ code: codeOf(before.sha256) })).toBeUndefined()
  })

  it('records from a signatory’s own upload only their own signature', async () => {
    const s = await scene()
    const { id, actor } = draft(s)
    expect(await freezeForSigning({ id, baseRevision: getAgreement({ id })!.revision, actor, origin })).toEqual({ ok: true })
    const file = await signPdf(frozenPdf(db, id)!.pdf, pietrzyk)
    const upload = (uploaderPersonId: number | null) =>
      recordPadesUpload({ id, file, fileName: 'p.pdf', userId: s.signatory.user.id, uploaderPersonId, ip: null, actor, origin })
    // The MOPS director uploads a file signed as the PUP director: not hers to record.
    expect(await upload(s.mopsDirector)).toMatchObject({ ok: false, error: 'agreement.pades.signerMismatch' })
    expect(await upload(s.pupDirector)).toMatchObject({ ok: true, recorded: ['Marek Pietrzyk'] })
  })

  it('refuses to freeze a text without two parties each with a signatory', async () => {
    const s = await scene()
    const actor = { userId: s.officer.user.id, ip: null }
    const id = createAgreement({
      bodyId: s.bodyId,
      fields,
      paragraphs: MOPS_PUP_TEMPLATE.paragraphs,
      organisationIds: [s.mops, s.pup],
      actor,
    })
    expect(await freezeForSigning({ id, baseRevision: getAgreement({ id })!.revision, actor, origin })).toEqual({
      ok: false,
      error: 'agreement.error.noSignatory',
    })
  })

  it('refuses a signatory who does not work for the party, and a save over someone else’s', async () => {
    const s = await scene()
    const { id, actor } = draft(s)
    const agreement = getAgreement({ id })!
    const party = agreement.snapshot.parties[0]!
    expect(
      changeParties({
        id,
        baseRevision: agreement.revision,
        change: { op: 'addSignatory', partyId: party.id, personId: s.pupDirector, position: 'Dyrektor', required: true },
        actor,
      }),
    ).toEqual({
      ok: false,
      reason: 'agreement.error.notOfParty',
    })
    expect(getAgreement({ id })!.revision).toBe(agreement.revision)
    const paragraphs = agreement.snapshot.paragraphs.map((p) => ({ id: p.id, title: p.title, body: p.body }))
    expect(saveAgreement({ id, baseRevision: agreement.revision, fields, paragraphs, actor }).ok).toBe(true)
    expect(saveAgreement({ id, baseRevision: agreement.revision, fields, paragraphs, actor })).toMatchObject({ ok: false, reason: 'stale' })
  })
})

describe('the register and expiry', () => {
  it('shows drafts to the parties and the team only, flags one ending in 30 days, and expires it through the job queue', async () => {
    const s = await scene()
    const { id, actor } = draft(s)
    const inRegister = (user: TestAccount | null) => listAgreements({ user: user?.user ?? null, filter: {} }).rows.some((r) => r.id === id)
    expect(inRegister(s.officer)).toBe(true)
    expect(inRegister(s.signatory)).toBe(true)
    expect(inRegister(s.outsider)).toBe(false)
    expect(inRegister(null)).toBe(false)

    const agreement = getAgreement({ id })!
    const paragraphs = agreement.snapshot.paragraphs.map((p) => ({ id: p.id, title: p.title, body: p.body }))
    const now = new Date()
    const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10)
    expect(
      saveAgreement({
        id,
        baseRevision: agreement.revision,
        fields: { ...fields, validFrom: day(-300), validTo: day(20) },
        paragraphs,
        actor,
      }).ok,
    ).toBe(true)
    await freezeForSigning({ id, baseRevision: getAgreement({ id })!.revision, actor, origin })
    const inputs = signatoriesOf(db, id).map((x) => ({ signatoryId: x.id, method: 'scan' as const, userId: s.officer.user.id }))
    expect(await recordSignatures({ id, versionId: frozenPdf(db, id)!.versionId, actor, origin, inputs })).toEqual({
      ok: true,
      signed: true,
    })
    const row = listAgreements({ user: s.officer.user, filter: { validity: 'expiring' } }).rows.find((r) => r.id === id)
    expect(row?.expiringSoon).toBe(true)

    // An annex is an agreement of its own between the same parties, signed by the same people, in draft.
    const annex = getAgreement({ id: createAnnex({ id, actor }) })!
    expect(annex.state).toBe('draft')
    expect(annex.snapshot.annexOf).toMatchObject({ id, number: fields.number })
    expect(annex.snapshot.number).toBe(`${fields.number}/A1`)
    expect(annex.snapshot.parties.map((p) => p.signatories.map((x) => x.personId))).toEqual([[s.mopsDirector], [s.pupDirector]])
    expect(listAnnexes(id).map((a) => a.id)).toEqual([annex.id])

    // The notice is due now (20 days ahead is within 30); the expiry after the last day.
    await runDueJobs({ owner: 'test', now: new Date(now.getTime() + 60_000) })
    expect(
      db.select({ at: schema.agreements.expiryNoticeQueuedAt }).from(schema.agreements).where(eq(schema.agreements.id, id)).get()!.at,
    ).not.toBeNull()
    expect(
      db
        .select()
        .from(schema.outbox)
        .all()
        .some((m) => m.subject.includes(fields.number)),
    ).toBe(true)
    await runDueJobs({ owner: 'test', now: new Date(now.getTime() + 23 * 86_400_000) })
    expect(getAgreement({ id })!.state).toBe('expired')
  })
})

describe('namesMatch', () => {
  it('matches a certificate name in any order and case, ignoring diacritics and a demo marker', () => {
    expect(namesMatch('PIETRZYK MAREK', 'Marek Pietrzyk')).toBe(true)
    expect(namesMatch('Zofia Maria Nowak-Żółć', 'Zofia Nowak-Zolc')).toBe(true)
    expect(namesMatch('Marek Pietrzyk', 'Marek Pietrzyk (dane przykładowe)')).toBe(true)
    expect(namesMatch('Marek Kowalski', 'Marek Pietrzyk')).toBe(false)
  })
})
