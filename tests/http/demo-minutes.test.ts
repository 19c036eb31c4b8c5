// The minutes of the sample meetings (db/seed/minutes.ts) as a visitor and the team meet them:
// Katowice published to everyone and verifiable, ROPS Kraków for its group with two
// presentations and an action item, Wodzisław still a draft carried into the next agenda.
import crypto from 'node:crypto'
import { and, eq, like } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { member } from '#tests/support/accounts'
import { baseURL, get, login, textOf, uniqueAddress } from '#tests/support/http'
import { pageTexts, pdfFile, pdfFonts, qpdfCheck, squash } from '#tests/support/pdf'
import { db, schema } from '~/db.server'

/** A demo meeting's id, found by the start of its topic. */
function meetingId(topic: string): number {
  const row = db
    .select({ id: schema.meetings.id })
    .from(schema.meetings)
    .where(like(schema.meetings.topic, `${topic}%`))
    .get()
  if (!row) throw new Error(`No demo meeting „${topic}”`)
  return row.id
}

const mainOf = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'))

async function pdfText(bytes: Buffer) {
  const file = pdfFile(bytes)
  try {
    return { text: squash(pageTexts(file.file).join(' ')), check: qpdfCheck(file.file), fonts: pdfFonts(file.file) }
  } finally {
    file.remove()
  }
}

const ids = {} as { katowice: number; rops: number; may11: number; may16: number }
let memberCookie: string

beforeAll(async () => {
  ids.katowice = meetingId('Prezentacja działań podejmowanych przez Miasto Katowice')
  ids.rops = meetingId('Prace nad rekomendacjami dotyczącymi współpracy OPS/PCPR')
  ids.may11 = meetingId('Aktywizacja zawodowa')
  ids.may16 = meetingId('Analiza koncepcji i narzędzi badawczych')
  memberCookie = await login(member.email, member.password)
})

describe('the Katowice minutes of 16.06.2009, published to the public', () => {
  let bytes: Buffer

  beforeAll(async () => {
    const response = await get(`/meetings/${ids.katowice}/minutes.pdf`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    bytes = Buffer.from(await response.arrayBuffer())
  })

  it('are a PDF/A an archive would accept, naming every participating institution in Polish', async () => {
    const { text, check, fonts } = await pdfText(bytes)
    expect(check.status, check.stdout + check.stderr).toBe(0)
    expect(fonts.length).toBeGreaterThan(0)
    expect(fonts.filter((font) => !font.embedded)).toEqual([])
    expect(bytes.toString('latin1')).toMatch(/pdfaid:part[^0-9]{1,4}2/)
    expect(text).toContain('Notatka ze spotkania')
    expect(text).toContain('Zespół Doradczy ds. pomocy osobom bezrobotnym')
    expect(text).toContain('16.06.2009 r.')
    for (const institution of [
      'Zakład Doskonalenia Zawodowego, Biuro Pośrednictwa Pracy i Poradnictwa Zawodowego Profesja',
      'Ochotniczy Hufiec Pracy',
      'Śląska Fundacja Obywatelska Lex Civis',
      'Urząd Miasta Katowice',
      'Miejski Ośrodek Pomocy Społecznej w Katowicach',
      'Powiatowy Urząd Pracy w Katowicach',
    ]) {
      expect(text).toContain(institution)
    }
    expect(text).toContain('Małgorzata Moryń-Trzęsimiech')
    expect(text).toContain('pośrednictwem pracy dla osób do 25 roku życia')
    expect(text).not.toContain('PROJEKT')
  })

  it('are read by a signed-out visitor on their page', async () => {
    const response = await get(`/meetings/${ids.katowice}/minutes`)
    expect(response.status).toBe(200)
    const text = textOf(mainOf(await response.text()))
    expect(text).toContain('Śląska Fundacja Obywatelska Lex Civis')
    expect(text).toContain('warunkiem uzyskania pomocy MOPS jest rejestracja w PUP')
  })

  it('are vouched for by their /verify page, which knows the downloaded bytes', async () => {
    const minutesId = db.select({ id: schema.minutes.id }).from(schema.minutes).where(eq(schema.minutes.meetingId, ids.katowice)).get()!.id
    const version = db
      .select({ code: schema.documentVersions.verificationCode, sha256: schema.documentVersions.pdfSha256 })
      .from(schema.documentVersions)
      .where(and(eq(schema.documentVersions.documentId, minutesId), eq(schema.documentVersions.state, 'published')))
      .get()!
    expect(version.code).toMatch(/^[0-9A-Z]{12}$/)
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex')
    expect(sha256).toBe(version.sha256)
    expect((await pdfText(bytes)).text).toContain(version.code!)

    const page = await get(`/verify/${version.code}`)
    expect(page.status).toBe(200)
    const text = textOf(mainOf(await page.text()))
    expect(text).toContain(sha256)
    expect(text).toContain('Zespół Doradczy ds. pomocy osobom bezrobotnym')

    async function check(pdf: Buffer) {
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'notatka.pdf')
      const response = await fetch(new URL(`/verify/${version.code}`, baseURL), {
        method: 'POST',
        body: form,
        headers: { Origin: baseURL, 'X-Forwarded-For': uniqueAddress() },
        redirect: 'manual',
      })
      expect(response.status).toBe(200)
      return textOf(mainOf(await response.text()))
    }
    const genuine = await check(bytes)
    expect(genuine).toContain('Ten plik jest dokładnie tym dokumentem')
    expect(genuine).not.toContain('Ten plik NIE jest tym dokumentem')
    const changed = Buffer.from(bytes)
    const at = changed.length - 20
    changed.writeUInt8(changed.readUInt8(at) ^ 1, at)
    expect(await check(changed)).toContain('Ten plik NIE jest tym dokumentem')
  })
})

describe('the ROPS Kraków meeting of 13.12.2013', () => {
  it('has the presentations of Jakub Wrona and Anna Flacht, public, as real PDFs', async () => {
    const html = await (await get(`/meetings/${ids.rops}/presentations`)).text()
    const text = textOf(mainOf(html))
    expect(text).toContain('„SOS w oddłużaniu” – dobra praktyka współpracy MOPS i PUP w Tarnowie')
    expect(text).toContain('Jakub Wrona')
    expect(text).toContain('Planowane zmiany w ustawie o promocji zatrudnienia i instytucjach rynku pracy')
    expect(text).toContain('Anna Flacht')
    const links = [...html.matchAll(/href="(\/presentations\/\d+\/[^"?]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'))
    expect(links).toHaveLength(2)
    const texts = await Promise.all(
      links.map(async (link) => {
        const response = await get(link)
        expect(response.status).toBe(200)
        expect(response.headers.get('content-type')).toBe('application/pdf')
        return (await pdfText(Buffer.from(await response.arrayBuffer()))).text
      }),
    )
    expect(texts.join(' ')).toContain('Jakub Wrona, Miejski Ośrodek Pomocy Społecznej w Tarnowie')
    expect(texts.join(' ')).toContain('Anna Flacht, Naczelnik Wydziału Ewidencji i Świadczeń')
  })

  it('has minutes with the action item „początek 2014 r.”, for the group only', async () => {
    expect((await get(`/meetings/${ids.rops}/minutes`)).status).toBe(404)
    expect((await get(`/meetings/${ids.rops}/minutes.pdf`)).status).toBe(404)
    const response = await get(`/meetings/${ids.rops}/minutes`, { cookie: memberCookie })
    expect(response.status).toBe(200)
    const text = textOf(mainOf(await response.text()))
    expect(text).toContain('Porządkowanie informacji prezentowanych dotychczas')
    expect(text).toContain('początek 2014 r.')
    expect(text).toContain('Regionalny Ośrodek Polityki Społecznej w Krakowie')

    const item = db
      .select({ dueText: schema.actionItems.dueText, dueDate: schema.actionItems.dueDate, owner: schema.organisations.name })
      .from(schema.actionItems)
      .innerJoin(schema.actionItemOwners, eq(schema.actionItemOwners.actionItemId, schema.actionItems.id))
      .innerJoin(schema.organisations, eq(schema.organisations.id, schema.actionItemOwners.organisationId))
      .where(eq(schema.actionItems.meetingId, ids.rops))
      .get()
    expect(item).toEqual({ dueText: 'początek 2014 r.', dueDate: '2014-03-31', owner: 'Regionalny Ośrodek Polityki Społecznej w Krakowie' })
  })
})

describe('the Wodzisław meetings of May 2017', () => {
  it('keep the draft minutes of 11.05.2017 from a signed-out visitor and from a member of another team', async () => {
    for (const path of [`/meetings/${ids.may11}/minutes`, `/meetings/${ids.may11}/minutes.pdf`]) {
      expect((await get(path)).status, path).toBe(404)
      expect((await get(path, { cookie: memberCookie })).status, path).toBe(404)
    }
    const minutes = db
      .select({ state: schema.documents.state })
      .from(schema.minutes)
      .innerJoin(schema.documents, eq(schema.documents.id, schema.minutes.id))
      .where(eq(schema.minutes.meetingId, ids.may11))
      .get()
    expect(minutes?.state).toBe('draft')
  })

  it('record the MOPS–PUP agreement due „najpóźniej w III kwartale 2017 r.”', () => {
    const item = db
      .select({
        text: schema.actionItems.text,
        dueText: schema.actionItems.dueText,
        dueDate: schema.actionItems.dueDate,
        state: schema.actionItems.state,
      })
      .from(schema.actionItems)
      .where(eq(schema.actionItems.meetingId, ids.may11))
      .get()
    expect(item).toMatchObject({ dueText: 'najpóźniej w III kwartale 2017 r.', dueDate: '2017-09-30', state: 'open' })
    expect(item?.text).toContain('porozumienia MOPS–PUP')
  })

  it('bring the open agreement onto the agenda of 16.05.2017 as „Sprawy z poprzedniego spotkania”', async () => {
    const text = textOf(mainOf(await (await get(`/meetings/${ids.may16}/agenda`)).text()))
    expect(text).toContain('Sprawy z poprzedniego spotkania')
    expect(text).toContain('Zawarcie porozumienia MOPS–PUP')
    expect(text).toContain('najpóźniej w III kwartale 2017 r.')
    const agenda = db
      .select({ title: schema.agendaItems.title })
      .from(schema.agendaItems)
      .where(eq(schema.agendaItems.meetingId, ids.may16))
      .orderBy(schema.agendaItems.day, schema.agendaItems.position)
      .all()
    expect(agenda[0]?.title).toBe('Sprawy z poprzedniego spotkania')

    const pdf = await get(`/meetings/${ids.may16}/agenda.pdf`)
    expect(pdf.status).toBe(200)
    expect((await pdfText(Buffer.from(await pdf.arrayBuffer()))).text).toContain('Sprawy z poprzedniego spotkania')
  })
})
