import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AgreementPartySnapshot, AgreementSignatureRecord, AgreementSnapshot } from '~/models/agreement/snapshot'
import { pdfFile, pdfInfo, qpdfCheck, squash } from '#tests/support/pdf'
import { renderAgreementPdf } from './build.server'
import { buildAgreementView, partyReferences } from './view'

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex')
const files: { remove(): void }[] = []
afterAll(() => files.forEach((file) => file.remove()))

/**
 * Page texts in the order they were drawn (pdftotext -raw): a table cell's lines stay together,
 * and „§ 1” keeps the space that the default mode drops between a centred „§” and its number.
 */
const rawPageTexts = (file: string) =>
  execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1)

function read(bytes: Buffer) {
  const file = pdfFile(bytes)
  files.push(file)
  const pages = rawPageTexts(file.file).map(squash)
  return { file: file.file, pages, text: pages.join(' ') }
}

/** The text with every space and line break taken out: a wrapped hash reads whole again. */
const joined = (text: string) => text.replace(/\s+/g, '')

const mops: AgreementPartySnapshot = {
  id: 1,
  organisationId: 11,
  name: 'Miejski Ośrodek Pomocy Społecznej w Katowicach',
  kind: 'ops',
  address: 'ul. Jagiellońska 17, 40-032 Katowice',
  signatories: [
    { id: 1, personId: 101, name: 'Grażyna Żółkiewska', position: 'Dyrektor', required: true },
    { id: 2, personId: 102, name: 'Łukasz Ćwikliński', position: 'Zastępca Dyrektora ds. Świadczeń', required: true },
  ],
}

const pup: AgreementPartySnapshot = {
  id: 2,
  organisationId: 12,
  name: 'Powiatowy Urząd Pracy w Katowicach',
  kind: 'pup',
  address: 'ul. Pszczyńska 10, 40-478 Katowice',
  signatories: [{ id: 3, personId: 103, name: 'Jędrzej Ślęzak', position: 'Dyrektor Urzędu', required: true }],
}

const ngo: AgreementPartySnapshot = {
  id: 3,
  organisationId: 13,
  name: 'Stowarzyszenie „Źródło” w Katowicach',
  kind: 'ngo',
  address: null,
  signatories: [{ id: 4, personId: 104, name: 'Bożena Kęsik', position: 'Prezeska Zarządu', required: true }],
}

function agreementSnapshot(overrides: Partial<AgreementSnapshot> = {}): AgreementSnapshot {
  return {
    documentId: 40,
    bodyId: 4,
    bodyName: 'Zespół ds. współpracy MOPS i PUP w Katowicach',
    number: 'MOPS.DAS.0711.3.2014',
    title: 'w sprawie współpracy na rzecz aktywizacji społeczno-zawodowej klientów',
    subject: 'Współpraca MOPS i PUP przy aktywizacji osób bezrobotnych korzystających z pomocy społecznej',
    place: 'Katowicach',
    validFrom: '2014-06-01',
    validTo: null,
    noticeMonths: 3,
    concludedOn: null,
    annexOf: null,
    parties: [mops, pup],
    paragraphs: [
      {
        id: 1,
        number: '§ 1',
        title: 'Przedmiot porozumienia',
        body: 'Przedmiotem porozumienia jest współpraca Stron przy **aktywizacji** osób bezrobotnych, zagrożonych wykluczeniem społecznym.',
      },
      {
        id: 2,
        number: '§ 2',
        title: 'Zobowiązania Stron',
        body: [
          'Strony zobowiązują się do:',
          '',
          '- wymiany informacji o wspólnych klientach w zakresie niezbędnym,',
          '- organizowania wspólnych _konferencji przypadków_ raz w kwartale.',
          '',
          'Koordynatorem współpracy po stronie MOPS jest Zastępca Dyrektora ds. Świadczeń.',
        ].join('\n'),
      },
      { id: 3, number: '§ 3', title: 'Postanowienia końcowe', body: 'Porozumienie zawiera się na czas nieokreślony.' },
    ],
    sources: [],
    state: 'ready_to_sign',
    visibility: 'members',
    updatedAt: '2014-05-12T08:30:00.000Z',
    signing: null,
    verification: { code: '4HQ7T2MZ9KXC', verifyUrl: 'https://narada.example.pl/verify/4HQ7T2MZ9KXC' },
    ...overrides,
  }
}

const frozenSha = sha256('the frozen PDF, version 3')
const scanSha = sha256('the scan of the paper copy')

function signature(overrides: Partial<AgreementSignatureRecord>): AgreementSignatureRecord {
  return {
    signatoryId: 1,
    name: 'Grażyna Żółkiewska',
    position: 'Dyrektor',
    party: mops.name,
    method: 'narada',
    signedAt: '2014-05-15T08:32:00.000Z',
    pdfSha256: frozenSha,
    signerName: null,
    signerOrganisation: null,
    certificateIssuer: null,
    signingTime: null,
    trust: null,
    fileSha256: null,
    ...overrides,
  }
}

const signing: AgreementSnapshot['signing'] = {
  frozenVersion: 3,
  frozenSha256: frozenSha,
  signatures: [
    signature({}),
    signature({
      signatoryId: 2,
      name: 'Łukasz Ćwikliński',
      position: 'Zastępca Dyrektora ds. Świadczeń',
      method: 'scan',
      signedAt: '2014-05-15T09:05:00.000Z',
      fileSha256: scanSha,
    }),
    signature({
      signatoryId: 3,
      name: 'Jędrzej Ślęzak',
      position: 'Dyrektor Urzędu',
      party: pup.name,
      method: 'pades',
      signedAt: '2014-05-15T12:40:00.000Z',
      signerName: 'JĘDRZEJ ŚLĘZAK',
      signerOrganisation: 'Powiatowy Urząd Pracy w Katowicach',
      certificateIssuer: 'Certum QCA 2017',
      signingTime: '2014-05-15T12:39:00.000Z',
      trust: 'verified',
      fileSha256: sha256('the PAdES-signed PDF'),
    }),
  ],
}

describe('an agreement between MOPS and PUP, ready to sign', () => {
  const snapshot = agreementSnapshot()
  let bytes: Buffer
  let pdf: ReturnType<typeof read>

  beforeAll(async () => {
    bytes = await renderAgreementPdf({ snapshot })
    pdf = read(bytes)
  })

  it('opens with its number, title, a date left to fill, and both parties with their representatives and short names', () => {
    expect(pdf.pages[0]).toContain('POROZUMIENIE nr MOPS.DAS.0711.3.2014')
    expect(pdf.text).toContain('w sprawie współpracy na rzecz aktywizacji społeczno-zawodowej klientów')
    expect(pdf.text).toContain('zawarte w dniu ……………… r. w Katowicach pomiędzy:')
    expect(pdf.text).toContain(
      'Miejski Ośrodek Pomocy Społecznej w Katowicach, ul. Jagiellońska 17, 40-032 Katowice, reprezentowanym przez: ' +
        'Grażyna Żółkiewska – Dyrektor oraz Łukasz Ćwikliński – Zastępca Dyrektora ds. Świadczeń, zwanym dalej „MOPS”, a',
    )
    expect(pdf.text).toContain(
      'Powiatowy Urząd Pracy w Katowicach, ul. Pszczyńska 10, 40-478 Katowice, reprezentowanym przez: Jędrzej Ślęzak – Dyrektor Urzędu, zwanym dalej „PUP”,',
    )
    expect(pdf.text).toContain('zwanymi dalej łącznie „Stronami”.')
    expect(pdf.text).not.toContain('PROJEKT')
  })

  it('numbers the clauses of a paragraph and the points of a clause, and leaves a lone clause unnumbered', () => {
    expect(pdf.text).toContain('§ 1 Przedmiot porozumienia Przedmiotem porozumienia jest współpraca Stron przy aktywizacji')
    expect(pdf.text).not.toMatch(/§ 1 Przedmiot porozumienia 1\./)
    expect(pdf.text).toContain('§ 2 Zobowiązania Stron 1. Strony zobowiązują się do: 1) wymiany informacji')
    expect(pdf.text).toContain('2) organizowania wspólnych konferencji przypadków raz w kwartale.')
    expect(pdf.text).toContain('2. Koordynatorem współpracy po stronie MOPS jest Zastępca Dyrektora ds. Świadczeń.')
    expect(pdf.text).toContain('§ 3 Postanowienia końcowe Porozumienie zawiera się na czas nieokreślony.')
  })

  it('ends with a signature block per party, the verification block and no register', () => {
    const afterText = pdf.text.slice(pdf.text.indexOf('na czas nieokreślony.'))
    for (const name of [
      'Grażyna Żółkiewska',
      'Łukasz Ćwikliński',
      'Jędrzej Ślęzak',
      'Zastępca Dyrektora ds. Świadczeń',
      'Dyrektor Urzędu',
    ]) {
      expect(afterText).toContain(name)
    }
    expect(afterText).toContain(mops.name)
    expect(afterText).toContain(pup.name)
    expect(afterText.match(/\(podpis\)/g)).toHaveLength(3)
    expect(pdf.text).toContain('Kod weryfikacyjny: 4HQ7T2MZ9KXC')
    expect(pdf.text).toContain('https://narada.example.pl/verify/4HQ7T2MZ9KXC')
    expect(pdf.text).not.toContain('Rejestr podpisów')
    pdf.pages.forEach((page, index) => expect(page).toContain(`Strona ${index + 1} z ${pdf.pages.length}`))
  })

  it('is a tagged PDF/A-2b whose metadata names it', () => {
    const check = qpdfCheck(pdf.file)
    expect(check.stderr).toBe('')
    expect(check.status).toBe(0)
    const raw = bytes.toString('latin1')
    expect(raw).toMatch(/<pdfaid:part>2<\/pdfaid:part>/)
    expect(raw).toContain('/Lang (pl-PL)')
    const info = pdfInfo(pdf.file)
    expect(info).toMatch(/^Title:\s+Porozumienie nr MOPS\.DAS\.0711\.3\.2014 — w sprawie współpracy/m)
    expect(info).toMatch(/^Tagged:\s+yes$/m)
  })

  it('gives the same bytes every time it is rendered from the same snapshot', async () => {
    expect(sha256(await renderAgreementPdf({ snapshot: agreementSnapshot() }))).toBe(sha256(bytes))
  })
})

describe('the signed agreement’s record', () => {
  it('prints the day it was concluded and a register of every signature with its method, time and hashes', async () => {
    const pdf = read(await renderAgreementPdf({ snapshot: agreementSnapshot({ state: 'signed', concludedOn: '2014-05-15', signing }) }))
    expect(pdf.text).toContain('zawarte w dniu 15 maja 2014 r. w Katowicach pomiędzy:')
    const registerAt = pdf.pages.findIndex((page) => page.includes('Rejestr podpisów'))
    expect(registerAt).toBeGreaterThan(0)
    const register = pdf.pages.slice(registerAt).join(' ')
    expect(register).toContain('Skrót SHA-256 podpisanego dokumentu (wersja 3)')
    expect(joined(register)).toContain(frozenSha)
    expect(joined(register)).toContain(scanSha)
    expect(joined(register)).toContain(joined('podpis elektroniczny zwykły w Naradzie (eIDAS, art. 3 pkt 10)'))
    expect(joined(register)).toContain(joined('skan podpisanego egzemplarza papierowego'))
    expect(joined(register)).toContain(joined('podpis elektroniczny PAdES (kwalifikowany, zaufany lub osobisty)'))
    // Warsaw time: 08:32 UTC is 10:32 in May.
    expect(register).toContain('15.05.2014, 10:32')
    expect(register).toContain('15.05.2014, 14:40')
    expect(joined(register)).toContain(joined('JĘDRZEJ ŚLĘZAK'))
    expect(joined(register)).toContain(joined('łańcuch zweryfikowany'))
    for (const name of ['Grażyna Żółkiewska', 'Łukasz Ćwikliński', 'Jędrzej Ślęzak']) expect(joined(register)).toContain(joined(name))
    expect(pdf.text).toContain('Kod weryfikacyjny: 4HQ7T2MZ9KXC')
    expect(pdf.text).toContain('Data zawarcia: 15 maja 2014 r.')
    expect(qpdfCheck(pdf.file).status).toBe(0)
  })
})

describe('the parties’ short names', () => {
  const gops: AgreementPartySnapshot = { ...mops, id: 5, name: 'Gminny Ośrodek Pomocy Społecznej w Żórawinie' }

  it('take the initials of a name ending in the kind’s abbreviation, and fall back to „Stroną n” when two share one', () => {
    expect(partyReferences([gops, pup])).toEqual(['GOPS', 'PUP'])
    expect(partyReferences([mops, { ...mops, id: 6, name: 'Miejski Ośrodek Pomocy Społecznej w Chorzowie' }, pup])).toEqual([
      'Stroną 1',
      'Stroną 2',
      'PUP',
    ])
    expect(partyReferences([{ ...pup, kind: 'ngo' }, ngo])).toEqual(['Stroną 1', 'Stroną 2'])
  })
})

describe('an agreement with no paragraphs yet and a party naming no signatory', () => {
  it('prints the parties and the signature blocks, with a line to sign for that party', async () => {
    const pdf = read(
      await renderAgreementPdf({
        snapshot: agreementSnapshot({ paragraphs: [], parties: [mops, { ...pup, signatories: [] }], state: 'draft' }),
      }),
    )
    expect(pdf.text).not.toContain('§')
    expect(pdf.text).toContain('Powiatowy Urząd Pracy w Katowicach, ul. Pszczyńska 10, 40-478 Katowice, zwanym dalej „PUP”,')
    expect(pdf.text.match(/\(podpis\)/g)).toHaveLength(3)
  })
})

describe('the watermark', () => {
  it('says PROJEKT on a draft and in negotiation only', () => {
    expect(buildAgreementView(agreementSnapshot({ state: 'draft' })).watermark).toBe('PROJEKT')
    expect(buildAgreementView(agreementSnapshot({ state: 'negotiation' })).watermark).toBe('PROJEKT')
    expect(buildAgreementView(agreementSnapshot({ state: 'ready_to_sign' })).watermark).toBeNull()
    expect(buildAgreementView(agreementSnapshot({ state: 'signed' })).watermark).toBeNull()
  })
})

describe('an annex among three parties, in negotiation', () => {
  it('names the agreement it changes, refers to a party without a unique abbreviation by its number, and says PROJEKT', async () => {
    const pdf = read(
      await renderAgreementPdf({
        snapshot: agreementSnapshot({
          number: 'MOPS.DAS.0711.3.2014/A1',
          annexOf: { id: 39, number: 'MOPS.DAS.0711.3.2014', title: 'w sprawie współpracy' },
          parties: [mops, pup, ngo],
          state: 'negotiation',
          verification: null,
        }),
      }),
    )
    expect(pdf.pages[0]).toContain('ANEKS nr MOPS.DAS.0711.3.2014/A1 do porozumienia nr MOPS.DAS.0711.3.2014')
    expect(pdf.text).toContain('zawarty w dniu ……………… r. w Katowicach pomiędzy:')
    expect(pdf.text).toContain('zwanym dalej „MOPS”, a Powiatowy Urząd Pracy')
    expect(pdf.text).toContain(
      'zwanym dalej „PUP”, a Stowarzyszenie „Źródło” w Katowicach, reprezentowanym przez: Bożena Kęsik – Prezeska Zarządu',
    )
    expect(pdf.text).toContain('zwanym dalej „Stroną 3”, zwanymi dalej łącznie „Stronami”.')
    expect(pdf.text).toContain('Prezeska Zarządu')
    expect(pdf.text.match(/\(podpis\)/g)).toHaveLength(4)
    expect(pdf.text).not.toContain('Kod weryfikacyjny')
  })
})
