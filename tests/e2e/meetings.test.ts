import crypto from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Locator, Page } from 'playwright-core'
import { beforeAll, expect, it } from 'vitest'
import type { SessionUser } from '~/auth/session.server'
import { officer } from '#tests/support/accounts'
import { describeInBrowser, expectNoAxeViolations, signIn, useBrowser } from '#tests/support/browser'
import { pickByKeyboard } from '#tests/support/pickers'

const suffix = crypto.randomUUID().slice(0, 8)
const bodyName = `Grupa robocza „Fachowa siła” ${suffix}`
const topic = `Współpraca OPS i PUP — warsztaty ${suffix}`
const org = {
  pup: `Powiatowy Urząd Pracy w Wodzisławiu Śląskim ${suffix}`,
  mops: `MOPS w Wodzisławiu Śląskim ${suffix}`,
  ngo: `Stowarzyszenie „Źródło” ${suffix}`,
}
const person = { pup: `Ewa Żółkiewska ${suffix}`, mops: `Łucja Ćwik ${suffix}`, ngo: `Jerzy Śliwa ${suffix}` }
const ids = { body: 0 }

/** A body the demo officer convenes, with no meetings yet, and three people from three institutions. */
async function seed() {
  const { db, schema } = await import('~/db.server')
  const { createBody } = await import('~/models/body.server')
  const { createOrganisation } = await import('~/models/organisation.server')
  const { createPerson } = await import('~/models/person.server')
  const actor = { userId: null, ip: null }
  const convenor: SessionUser | undefined = db
    .select({
      id: schema.users.id,
      email: schema.users.email,
      name: schema.users.name,
      role: schema.users.role,
      personId: schema.users.personId,
    })
    .from(schema.users)
    .where(eq(schema.users.email, officer.email))
    .get()
  if (!convenor) throw new Error('no officer account')
  const organisations = Object.fromEntries(
    (['pup', 'mops', 'ngo'] as const).map((key) => {
      const saved = createOrganisation({
        input: { name: org[key], kind: key === 'mops' ? 'ops' : key, municipalityCode: '2415011' },
        actor,
      })
      if (!saved.ok) throw new Error(`organisation ${key}`)
      const people = createPerson({ input: { name: person[key], organisationId: saved.id }, actor })
      if (!people.ok) throw new Error(`person ${key}`)
      return [key, saved.id]
    }),
  ) as Record<'pup' | 'mops' | 'ngo', number>
  const body = createBody({
    input: { kind: 'working_group', name: bodyName, conveningOrganisationId: organisations.mops, isPublic: false },
    actor,
    convenor,
  })
  if (!body.ok) throw new Error('body')
  ids.body = body.id
}

/** „Przenieś wyżej: <title>”: the title is visually hidden, so a space may come before the colon. */
const named = (action: string, title: string) => new RegExp(`^${action}\\s*:\\s*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)

const option = (key: keyof typeof person) => `${person[key]} — ${org[key]}`

/** Fills the „Dodaj punkt programu” form and sends it. */
async function addItem(
  page: Page,
  item: {
    day: string
    start?: string
    end?: string
    kind: string
    title: string
    speakers?: (keyof typeof person)[]
    moderator?: keyof typeof person
    track?: string
  },
  { javaScript = true } = {},
) {
  const form = page.getByRole('region', { name: 'Dodaj punkt programu' })
  await form.getByLabel('Dzień', { exact: true }).selectOption({ label: item.day })
  if (item.start) await form.getByLabel('Godzina rozpoczęcia').fill(item.start)
  if (item.end) await form.getByLabel('Godzina zakończenia').fill(item.end)
  await form.getByLabel('Rodzaj punktu').selectOption({ label: item.kind })
  await form.getByLabel('Tytuł').fill(item.title)
  for (const key of item.speakers ?? []) {
    if (javaScript) await pickByKeyboard(form.getByRole('combobox', { name: /^Prelegenci/ }), person[key], option(key))
    else {
      // Without JavaScript: search, and tick the match on the page that comes back.
      const speakers = form.getByRole('group', { name: /^Prelegenci/ })
      await speakers.getByLabel('Szukaj osoby').fill(person[key])
      await speakers.getByRole('button', { name: /^Szukaj/ }).click()
      await speakers.getByRole('checkbox', { name: option(key) }).check()
    }
  }
  if (item.moderator)
    await pickByKeyboard(form.getByRole('combobox', { name: /^Moderator/ }), person[item.moderator], option(item.moderator))
  if (item.track) await form.getByLabel(/^Ścieżka równoległa/).fill(item.track)
  await form.getByRole('button', { name: 'Dodaj punkt' }).click()
  await page.locator('main').getByRole('heading', { level: 4, name: item.title }).waitFor()
}

/** The titles of one day's items, in the order shown. */
async function titlesOf(day: Locator) {
  // The item being edited is headed „Edycja punktu: <title>”.
  return (await day.locator('li.agenda-item > h4').allTextContents()).map((text) => text.replace(/^Edycja punktu: /, ''))
}

describeInBrowser('scheduling a meeting and building its agenda in the browser', () => {
  const browser = useBrowser()
  let meetingPath = ''

  beforeAll(async () => {
    await seed()
  })

  it('schedules a two-day meeting after a Polish error that keeps what was typed', async () => {
    const page = await browser.context.newPage()
    await signIn(page, officer)
    await page.goto(`/bodies/${ids.body}/meetings/new`)
    await expect(page.locator('main h1').textContent()).resolves.toBe('Nowe spotkanie')
    await expectNoAxeViolations(page)
    const form = page.locator('main form')
    await form.getByLabel(/^Temat przewodni/).fill(topic)
    await form.getByLabel('Początek').fill('2030-05-14T09:00')
    await form.getByLabel('Koniec').fill('2030-05-13T15:00')
    await form.getByLabel(/^Nazwa miejsca/).fill('Miejski Ośrodek Pomocy Społecznej')
    await form.getByLabel(/^Adres/).fill('ul. Daszyńskiego 3, Wodzisław Śląski')
    await form.getByLabel(/^Nazwa cyklu/).fill('Cykl spotkań 2030')
    await form.getByLabel(/^Liczba zaplanowanych spotkań/).fill('3')
    await form.getByRole('button', { name: 'Zaplanuj spotkanie' }).click()

    await form.getByText('Koniec musi nastąpić po początku.').waitFor()
    await expect(form.getByLabel('Koniec').getAttribute('aria-invalid')).resolves.toBe('true')
    await expect(form.getByLabel(/^Temat przewodni/).inputValue()).resolves.toBe(topic)
    await expect(form.getByLabel(/^Adres/).inputValue()).resolves.toBe('ul. Daszyńskiego 3, Wodzisław Śląski')
    expect(page.url()).toMatch(/\/meetings\/new$/)
    await expectNoAxeViolations(page)

    await form.getByLabel('Koniec').fill('2030-05-15T15:00')
    await form.getByRole('button', { name: 'Zaplanuj spotkanie' }).click()
    await page.waitForURL(/\/meetings\/\d+$/)
    meetingPath = new URL(page.url()).pathname
    const main = page.locator('main')
    await main.getByRole('heading', { level: 1, name: `Spotkanie nr 1: ${topic}` }).waitFor()
    await main.getByText('14–15 maja 2030 r. (14 maja od godz. 09:00, 15 maja do godz. 15:00)').waitFor()
    await main.getByText('Spotkanie 1 z 3 w cyklu „Cykl spotkań 2030”').waitFor()
    await expect(page.getByRole('status').first().textContent()).resolves.toBe('Zaplanowano spotkanie.')
    await expectNoAxeViolations(page)
    await page.close()
  })

  it('builds an agenda of three items over two days, with speakers and a moderator, and reorders one by keyboard', async () => {
    expect(meetingPath).not.toBe('')
    const page = await browser.context.newPage()
    await page.goto(meetingPath)
    await page.locator('main').getByRole('navigation', { name: 'Części spotkania' }).getByRole('link', { name: 'Program' }).click()
    await page.waitForURL(/\/agenda$/)
    await page.locator('main').getByText('Program jest pusty. Dodaj pierwszy punkt poniżej.').waitFor()
    await expectNoAxeViolations(page)

    // A Polish error first: the end before the start, next to the end time, the title kept.
    const form = page.getByRole('region', { name: 'Dodaj punkt programu' })
    await form.getByLabel('Godzina rozpoczęcia').fill('11:00')
    await form.getByLabel('Godzina zakończenia').fill('10:00')
    await form.getByLabel('Rodzaj punktu').selectOption({ label: 'Prezentacja' })
    await form.getByLabel('Tytuł').fill('Błędny punkt')
    await form.getByRole('button', { name: 'Dodaj punkt' }).click()
    await form.getByText('Koniec musi nastąpić po początku.').waitFor()
    await expect(form.getByLabel('Tytuł').inputValue()).resolves.toBe('Błędny punkt')
    await form.getByLabel('Godzina rozpoczęcia').fill('')
    await form.getByLabel('Godzina zakończenia').fill('')

    await addItem(page, {
      day: 'Dzień 1 — 14 maja 2030 r.',
      start: '09:00',
      end: '09:30',
      kind: 'Otwarcie',
      title: 'Otwarcie spotkania',
      speakers: ['mops'],
    })
    await addItem(page, {
      day: 'Dzień 2 — 15 maja 2030 r.',
      start: '10:00',
      end: '12:00',
      kind: 'Praca w grupach',
      title: 'Praca w grupach: diagnoza potrzeb',
      moderator: 'ngo',
      track: 'Sala A',
    })
    await addItem(page, {
      day: 'Dzień 1 — 14 maja 2030 r.',
      kind: 'Prezentacja',
      title: 'Oferta PUP i MOPS dla rodzin',
      speakers: ['pup', 'mops'],
      moderator: 'ngo',
    })

    const main = page.locator('main')
    const day1 = main.getByRole('region', { name: 'Dzień 1 — 14 maja 2030 r.' })
    const day2 = main.getByRole('region', { name: 'Dzień 2 — 15 maja 2030 r.' })
    expect(await titlesOf(day1)).toEqual(['Otwarcie spotkania', 'Oferta PUP i MOPS dla rodzin'])
    expect(await titlesOf(day2)).toEqual(['Praca w grupach: diagnoza potrzeb'])
    await day1.getByText(`Prowadzą: ${person.pup} (${org.pup}), ${person.mops} (${org.mops})`).waitFor()
    await day1.getByText(`Moderator: ${person.ngo} (${org.ngo})`).waitFor()
    await day2.getByText('Ścieżka: Sala A').waitFor()
    await day2.getByText('10:00–12:00').waitFor()
    await expectNoAxeViolations(page)

    // Move the presentation above the opening with the keyboard alone: its edit view holds the move buttons.
    await day1.getByRole('link', { name: named('Edytuj, przenieś lub usuń', 'Oferta PUP i MOPS dla rodzin') }).click()
    await page.waitForURL(/\?edit=\d+/)
    const moveUp = day1.getByRole('button', { name: named('Przenieś wyżej', 'Oferta PUP i MOPS dla rodzin') })
    await moveUp.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => titlesOf(day1)).toEqual(['Oferta PUP i MOPS dla rodzin', 'Otwarcie spotkania'])
    // At the top it cannot go higher: the focus rests on the item itself, not lost on the page.
    const itemId = await day1.locator('li.agenda-item').first().getAttribute('id')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(itemId)
    await expect(page.getByRole('status').first().textContent()).resolves.toBe('Zmieniono kolejność punktów programu.')
    // From there, Tab to „Przenieś niżej”, and back up the same way.
    const pressOn = async (name: string) => {
      await page.keyboard.press('Tab')
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(name)
      await page.keyboard.press('Enter')
    }
    await pressOn('Przenieś niżej: Oferta PUP i MOPS dla rodzin')
    await expect.poll(() => titlesOf(day1)).toEqual(['Otwarcie spotkania', 'Oferta PUP i MOPS dla rodzin'])
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(itemId)
    await pressOn('Przenieś wyżej: Oferta PUP i MOPS dla rodzin')
    await expect.poll(() => titlesOf(day1)).toEqual(['Oferta PUP i MOPS dla rodzin', 'Otwarcie spotkania'])
    await expectNoAxeViolations(page)

    // The same edit view: its speakers come back selected.
    const edit = day1.locator('form.agenda-form')
    await edit.getByText(option('pup'), { exact: true }).waitFor()
    await edit.getByText(option('mops'), { exact: true }).waitFor()
    await edit.getByLabel('Tytuł').fill('Oferta PUP i MOPS dla rodzin (wersja 2)')
    await expectNoAxeViolations(page)
    await edit.getByRole('button', { name: 'Zapisz' }).click()
    await main.getByRole('heading', { level: 4, name: 'Oferta PUP i MOPS dla rodzin (wersja 2)' }).waitFor()
    await day1.getByText(`Prowadzą: ${person.pup} (${org.pup}), ${person.mops} (${org.mops})`).waitFor()
    await page.close()
  })

  it('edits the meeting and offers the next one with the same venue and series', async () => {
    const page = await browser.context.newPage()
    await page.goto(`${meetingPath}/edit`)
    await expectNoAxeViolations(page)
    await expect(page.getByLabel('Początek').inputValue()).resolves.toBe('2030-05-14T09:00')
    await page.goto(meetingPath)
    await page.locator('main').getByRole('link', { name: 'Zaplanuj kolejne spotkanie' }).click()
    await page.waitForURL(/\/meetings\/new\?from=\d+$/)
    await page.locator('main').getByRole('heading', { level: 1, name: 'Kolejne spotkanie' }).waitFor()
    await expect(page.getByLabel(/^Adres/).inputValue()).resolves.toBe('ul. Daszyńskiego 3, Wodzisław Śląski')
    await expect(page.getByLabel(/^Nazwa cyklu/).inputValue()).resolves.toBe('Cykl spotkań 2030')
    await expectNoAxeViolations(page)
    await page.close()
  })
})

describeInBrowser('the agenda without JavaScript', () => {
  const browser = useBrowser({ javaScriptEnabled: false })

  it('adds an item with two speakers and moves it, with plain form posts', async () => {
    const page = await browser.context.newPage()
    await signIn(page, officer)
    await page.goto(`/bodies/${ids.body}/meetings/new`)
    const form = page.locator('main form')
    await form.getByLabel(/^Temat przewodni/).fill(`Spotkanie bez JavaScriptu ${suffix}`)
    await form.getByLabel('Początek').fill('2030-06-01T10:00')
    await form.getByLabel('Koniec').fill('2030-06-01T09:00')
    await form.getByRole('button', { name: 'Zaplanuj spotkanie' }).click()
    // The server answers with the error and the input kept.
    await form.getByText('Koniec musi nastąpić po początku.').waitFor()
    await expect(form.getByLabel(/^Temat przewodni/).inputValue()).resolves.toBe(`Spotkanie bez JavaScriptu ${suffix}`)
    await form.getByLabel('Koniec').fill('2030-06-01T13:00')
    await form.getByRole('button', { name: 'Zaplanuj spotkanie' }).click()
    await page.waitForURL(/\/meetings\/\d+$/)
    await page.goto(`${new URL(page.url()).pathname}/agenda`)

    await addItem(
      page,
      {
        day: 'Dzień 1 — 1 czerwca 2030 r.',
        start: '10:00',
        end: '11:00',
        kind: 'Panel dyskusyjny',
        title: 'Panel dyskusyjny',
        speakers: ['pup', 'ngo'],
      },
      { javaScript: false },
    )
    await addItem(page, { day: 'Dzień 1 — 1 czerwca 2030 r.', kind: 'Przerwa', title: 'Przerwa kawowa' }, { javaScript: false })
    const main = page.locator('main')
    await main.getByText(`Prowadzą: ${person.pup} (${org.pup}), ${person.ngo} (${org.ngo})`).waitFor()
    expect(await titlesOf(main)).toEqual(['Panel dyskusyjny', 'Przerwa kawowa'])
    await main.getByRole('link', { name: named('Edytuj, przenieś lub usuń', 'Przerwa kawowa') }).click()
    await main.getByRole('button', { name: named('Przenieś wyżej', 'Przerwa kawowa') }).click()
    await main.getByRole('button', { name: named('Przenieś niżej', 'Przerwa kawowa') }).waitFor()
    expect(await titlesOf(main)).toEqual(['Przerwa kawowa', 'Panel dyskusyjny'])
    await main.getByRole('button', { name: named('Usuń', 'Przerwa kawowa') }).click()
    await page.getByRole('status').getByText('Usunięto punkt programu.').waitFor()
    expect(await titlesOf(main)).toEqual(['Panel dyskusyjny'])
    await page.close()
  })
})
