// The demo data (SEED=demo) as a visitor and a user meet it: the sample teams of
// ../shared/samples and their meetings, in Polish, with their documents.
import ICAL from 'ical.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { admin, officer } from '#tests/support/accounts'
import { get, login, textOf } from '#tests/support/http'
import { pageTexts, pdfFile, pdfFonts, qpdfCheck, squash } from '#tests/support/pdf'

let cookies: { admin: string; officer: string }

beforeAll(async () => {
  cookies = { admin: await login(admin.email, admin.password), officer: await login(officer.email, officer.password) }
})

/** The id of a meeting on the /meetings list of its month (`2017-05`), found by its topic. */
async function meetingId(topic: string, month: string, cookie?: string): Promise<number> {
  const html = await (await get(monthList(month), { cookie })).text()
  const match = new RegExp(`href="/meetings/(\\d+)"[^>]*>(?:(?!</a>)[\\s\\S])*${topic}`).exec(html)
  if (!match) throw new Error(`No meeting „${topic}” on /meetings`)
  return Number(match[1])
}

/** /meetings for one month: the list holds a page of 50, and other tests add meetings of their own. */
const monthList = (month: string) => `/meetings?year=${month.slice(0, 4)}&month=${Number(month.slice(5))}`

describe('the sample meetings', () => {
  it('are listed by month for a signed-out visitor with Polish dates', async () => {
    const text = async (month: string) => textOf(await (await get(monthList(month))).text())
    expect(await text('2009-06')).toContain('16.06.2009 r.')
    expect(await text('2009-06')).toContain('Zespół Doradczy ds. pomocy osobom bezrobotnym')
    expect(await text('2013-12')).toContain('13.12.2013 r.')
    for (const date of ['11.05.2017 r.', '16.05.2017 r.']) expect(await text('2017-05')).toContain(date)
  })

  it('give the next Wodzisław meeting at 13:00 in MOPS, ul. Daszyńskiego 3', async () => {
    const id = await meetingId('Analiza koncepcji i narzędzi badawczych', '2017-05')
    const text = textOf(await (await get(`/meetings/${id}`)).text())
    expect(text).toContain('16.05.2017 r., godz. 13:00–15:00')
    expect(text).toContain('ul. Daszyńskiego 3')

    const ics = await (await get(`/meetings/${id}/calendar.ics`)).text()
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!)
    expect(event.startDate.toJSDate().toISOString()).toBe('2017-05-16T11:00:00.000Z')
    expect(event.endDate.toJSDate().toISOString()).toBe('2017-05-16T13:00:00.000Z')
  })

  it('keep the private meeting from visitors and from the public calendar', async () => {
    const topic = 'Plan pracy Zespołu na rok 2027'
    expect(textOf(await (await get(monthList('2027-01'))).text())).not.toContain(topic)
    expect(await (await get('/calendar.ics')).text()).not.toContain('Plan pracy')
    const id = await meetingId(topic, '2027-01', cookies.officer)
    expect((await get(`/meetings/${id}`)).status).toBe(404)
    expect((await get(`/meetings/${id}/agenda.pdf`)).status).toBe(404)
    expect((await get(`/meetings/${id}`, { cookie: cookies.officer })).status).toBe(200)
  })

  it('puts the private meeting among the upcoming ones on its convenor dashboard', async () => {
    const dashboard = textOf(await (await get('/', { cookie: cookies.officer })).text())
    expect(dashboard).toContain('Najbliższe spotkania')
    // textOf turns React's text separators into spaces, hence the optional one before the comma.
    expect(dashboard).toMatch(
      /Plan pracy Zespołu na rok 2027 — Zespół Doradczy ds\. pomocy osobom bezrobotnym ?, 19\.01\.2027 r\., godz\. 10:00–12:00/,
    )
    expect(textOf(await (await get('/')).text())).not.toContain('Plan pracy')
  })
})

describe('the Katowice meeting of 16.06.2009', () => {
  let id: number
  beforeAll(async () => {
    id = await meetingId('Prezentacja działań podejmowanych przez Miasto Katowice', '2009-06')
  })

  async function pdf(path: string, cookie?: string) {
    const response = await get(path, { cookie })
    expect(response.status, path).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    return pdfFile(Buffer.from(await response.arrayBuffer()))
  }

  it('has an agenda PDF that an archive would accept, naming every presenting institution', async () => {
    const file = await pdf(`/meetings/${id}/agenda.pdf`)
    try {
      expect(qpdfCheck(file.file).status).toBe(0)
      expect(pdfFonts(file.file).every((font) => font.embedded)).toBe(true)
      const text = squash(pageTexts(file.file).join(' '))
      expect(text).toContain('Program spotkania')
      expect(text).toContain('16 czerwca 2009 r.')
      for (const name of [
        'Powiatowego Urzędu Pracy',
        'Miejskiego Ośrodka Pomocy Społecznej',
        'Ochotniczy Hufiec Pracy',
        'Zakład Doskonalenia Zawodowego',
        'Śląska Fundacja Obywatelska Lex Civis',
      ]) {
        expect(text).toContain(name)
      }
      // A table cell may wrap a double surname at its hyphen, where pdftotext joins the lines.
      expect(text).toMatch(/Małgorzata Moryń-?\s?Trzęsimiech/)
    } finally {
      file.remove()
    }
  })

  it('has an attendance list with every participating institution and a signature column', async () => {
    const file = await pdf(`/meetings/${id}/attendance.pdf`, cookies.admin)
    try {
      expect(qpdfCheck(file.file).status).toBe(0)
      expect(pdfFonts(file.file).every((font) => font.embedded)).toBe(true)
      const text = squash(pageTexts(file.file).join(' '))
      expect(text).toContain('Lista obecności')
      expect(text).toContain('Podpis')
      for (const name of [
        'Urząd Miasta Katowice',
        'Miejski Ośrodek Pomocy Społecznej w Katowicach',
        'Powiatowy Urząd Pracy w Katowicach',
        'Zakład Doskonalenia Zawodowego, Biuro Pośrednictwa Pracy i Poradnictwa Zawodowego Profesja',
        'Ochotniczy Hufiec Pracy',
        'Śląska Fundacja Obywatelska Lex Civis',
        'Gizela Przeor',
      ]) {
        expect(text).toContain(name)
      }
      expect(text).toMatch(/Strona 1 z \d+/)
    } finally {
      file.remove()
    }
  })
})

describe('the Wodzisław project team', () => {
  it('prints its EU funding notice on the agenda PDF', async () => {
    const id = await meetingId('Aktywizacja zawodowa', '2017-05')
    const response = await get(`/meetings/${id}/agenda.pdf`)
    const file = pdfFile(Buffer.from(await response.arrayBuffer()))
    try {
      const text = squash(pageTexts(file.file).join(' '))
      expect(text).toContain('POWR.04.01.00-IZ.00-00-004/16')
      expect(text).toContain('Grupa Robocza projektu „Fachowa siła przyszłością dla rodziny”')
    } finally {
      file.remove()
    }
  })
})
