import { describe, expect, it } from 'vitest'
import { get } from '#tests/support/http'

const headingsOf = (html: string) => [...html.matchAll(/<h([1-3])[^>]*>(.*?)<\/h\1>/g)].map((m) => m[2]!.replace(/<[^>]+>/g, ''))

describe('the accessibility statement', () => {
  it('has the sections the ministry’s template requires, for a visitor who is not signed in', async () => {
    const response = await get('/deklaracja-dostepnosci')
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(headingsOf(html)).toEqual([
      'Deklaracja dostępności',
      'Status pod względem zgodności z ustawą',
      'Treści niedostępne',
      'Wyłączenia',
      'Przygotowanie deklaracji dostępności',
      'Skróty klawiaturowe',
      'Informacje zwrotne i dane kontaktowe',
      'Procedura wnioskowo-skargowa',
      'Dostępność architektoniczna',
    ])
    for (const id of [
      'a11y-podmiot',
      'a11y-url',
      'a11y-data-publikacja',
      'a11y-data-aktualizacja',
      'a11y-data-sporzadzenie',
      'a11y-email',
      'a11y-telefon',
    ]) {
      expect(html, id).toContain(`id="${id}"`)
    }
    expect(html).toContain('ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej')
    expect(html).toMatch(/7 dni.*2 miesiące/s)
    expect(html).toContain('Rzecznika Praw Obywatelskich')
    // The test server configures no contact: the page says what to set rather than inventing one.
    expect(html).toContain('ACCESSIBILITY_CONTACT_EMAIL')
  })

  it('is in English for a visitor who chose English', async () => {
    const { langCookie } = await import('~/i18n/lang.server')
    const html = await (await get('/deklaracja-dostepnosci', { cookie: await langCookie.serialize('en') })).text()
    expect(headingsOf(html)[0]).toBe('Accessibility statement')
    expect(headingsOf(html)).toContain('Requests and complaints')
  })

  it('is linked from the footer of every page', async () => {
    for (const path of ['/', '/login', '/meetings', '/verify']) {
      const html = await (await get(path)).text()
      const footer = html.slice(html.indexOf('<footer'))
      expect(footer, path).toMatch(/<a[^>]*href="\/deklaracja-dostepnosci"[^>]*>Deklaracja dostępności<\/a>/)
    }
  })
})
