import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { admin } from '#tests/support/accounts'
import { get, inputValue, location, login, post, textOf } from '#tests/support/http'
import { createInvitationScene } from '#tests/support/invitations'

type Scene = Awaited<ReturnType<typeof createInvitationScene>>

let scene: Scene
let mopsName = ''
let cookie = ''

beforeAll(async () => {
  scene = await createInvitationScene()
  const { db, schema } = await import('~/db.server')
  mopsName = db
    .select({ name: schema.organisations.name })
    .from(schema.organisations)
    .where(eq(schema.organisations.id, scene.organisations.mops))
    .get()!.name
  cookie = await login(admin.email, admin.password)
})

/** The institution's own word (its name ends in a unique tag), as a user might type it. */
const tagOf = (name: string) => name.split(' ').at(-1)!

describe('the person linked to an account, chosen by searching the directory', () => {
  it('is not chosen from a list of the whole directory on the new-account page', async () => {
    const html = await (await get('/admin/users/new', { cookie })).text()
    expect(html).toContain('Osoba w katalogu')
    expect(html).not.toContain('Grzegorz Źdźbło')
    expect(html).not.toContain('Ołeksandra Obca')
  })

  it('is found without JavaScript, kept with what was typed, and linked when the account is created', async () => {
    const email = `zaneta-${Date.now()}@konto.test`
    const typed = { email, name: 'Żaneta Konto', role: 'member', password: 'haslo-konta-2026-dlugie' }
    const step = await post('/admin/users/new', { ...typed, search: 'personId', 'personId-query': `zaneta ${tagOf(mopsName)}` }, { cookie })
    expect(step.status).toBe(200)
    const html = await step.text()
    expect(html).toContain(`type="radio" name="personId" value="${scene.people.mopsDeputy}"`)
    expect(textOf(html)).toContain(`Żaneta Bez-Adresu — ${mopsName}`)
    expect(textOf(html)).not.toContain('Grzegorz Źdźbło')
    expect(inputValue(html, 'email')).toBe(email)
    expect(inputValue(html, 'name')).toBe('Żaneta Konto')
    // The password is typed again rather than sent back in the page.
    expect(html).not.toContain(typed.password)

    const created = await post('/admin/users/new', { ...typed, personId: String(scene.people.mopsDeputy) }, { cookie })
    expect(created.status).toBe(302)
    const account = await (await get(location(created)!, { cookie })).text()
    const chosen = account.match(new RegExp(`<input[^>]*name="personId"[^>]*value="${scene.people.mopsDeputy}"[^>]*>`))?.[0] ?? ''
    expect(chosen).toContain('checked=""')
    expect(textOf(account)).toContain(`Żaneta Bez-Adresu — ${mopsName}`)
    expect(textOf(account)).not.toContain('Grzegorz Źdźbło')
  })
})
