import { eq, inArray } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { db, schema } from '~/db.server'
import { cookieHeader, get, login, post, textOf } from '#tests/support/http'
import { createInvitationScene } from '#tests/support/invitations'

let scene: Awaited<ReturnType<typeof createInvitationScene>>
let meetingPage: string
let cookie = ''
let names: { mops: string; pup: string }

beforeAll(async () => {
  scene = await createInvitationScene()
  meetingPage = `/meetings/${scene.meetingId}/minutes/action-items`
  cookie = await login(scene.accounts.officer.email, scene.accounts.officer.password)
  const rows = db
    .select({ id: schema.organisations.id, name: schema.organisations.name })
    .from(schema.organisations)
    .where(inArray(schema.organisations.id, [scene.organisations.mops, scene.organisations.pup]))
    .all()
  const nameOf = (id: number) => rows.find((row) => row.id === id)!.name
  names = { mops: nameOf(scene.organisations.mops), pup: nameOf(scene.organisations.pup) }
})

/** The table row of an item, found by its text. */
function rowOf(html: string, text: string): string {
  return html.split('<tr').find((row) => row.includes(text)) ?? ''
}

/** The add form's checkbox for one owner, as the page without JavaScript offers it. */
function checkbox(html: string, value: string): string | undefined {
  const form = html.slice(html.indexOf('id="add"'))
  return new RegExp(`<input[^>]*type="checkbox"[^>]*value="${value}"[^>]*>`).exec(form)?.[0]
}

describe('several owners of an action item, without JavaScript', () => {
  it('searches, keeps the owners checked so far, and lists the owners in order on the meeting’s and the team’s pages', async () => {
    const text = `Zawarcie porozumienia MOPS–PUP ${Date.now()}`
    const mops = `organisation:${scene.organisations.mops}`
    const pup = `organisation:${scene.organisations.pup}`
    const lecka = `person:${scene.people.mopsDelegate}`
    // The scene's institutions carry a suffix of their own: searching it finds this scene's alone.
    const suffix = (name: string) => name.split(' ').at(-1)!

    const first = await post(
      meetingPage,
      new URLSearchParams([
        ['intent', 'add'],
        ['text', text],
        ['search', 'owners'],
        ['owners-query', suffix(names.mops)],
      ]),
      { cookie },
    )
    expect(first.status).toBe(200)
    const found = await first.text()
    expect(checkbox(found, mops)).toBeDefined()
    expect(checkbox(found, lecka)).toBeDefined()
    expect(checkbox(found, pup)).toBeUndefined()

    // MOPS checked, then a search for PUP: MOPS stays checked, PUP is offered beside it.
    const second = await post(
      meetingPage,
      new URLSearchParams([
        ['intent', 'add'],
        ['text', text],
        ['owners', mops],
        ['search', 'owners'],
        ['owners-query', suffix(names.pup)],
      ]),
      { cookie },
    )
    expect(second.status).toBe(200)
    const again = await second.text()
    expect(checkbox(again, mops)).toMatch(/checked/)
    expect(checkbox(again, pup)).not.toMatch(/checked/)
    expect(textOf(again)).toContain(names.mops)

    const saved = await post(
      meetingPage,
      new URLSearchParams([
        ['intent', 'add'],
        ['text', text],
        ['owners', mops],
        ['owners', pup],
        ['owners', lecka],
        ['owners-query', ''],
        ['dueText', 'najpóźniej w III kwartale 2017 r.'],
        ['dueDate', ''],
      ]),
      { cookie },
    )
    expect(saved.status).toBe(302)

    const owners = `${names.mops}, ${names.pup} i Anna Łęcka (${names.mops})`
    expect(textOf(rowOf(await (await get(meetingPage, { cookie })).text(), text))).toContain(owners)
    const teamRow = textOf(rowOf(await (await get(`/bodies/${scene.bodyId}/action-items?state=all`, { cookie })).text(), text))
    expect(teamRow).toContain(owners)

    // The edit form offers the three owners checked, in their order.
    const item = db.select({ id: schema.actionItems.id }).from(schema.actionItems).where(eq(schema.actionItems.text, text)).get()!
    const editing = await (await get(`${meetingPage}?edit=${item.id}`, { cookie })).text()
    const form = editing.slice(editing.indexOf(`id="edit-${item.id}"`))
    const checked = [...form.matchAll(/<input[^>]*type="checkbox"[^>]*>/g)]
      .map(([tag]) => tag)
      .filter((tag) => tag.includes('name="owners"') && tag.includes('checked'))
      .map((tag) => /value="([^"]+)"/.exec(tag)?.[1])
    expect(checked).toEqual([mops, pup, lecka])
  })

  it('shows the English conjunction on the English pages', async () => {
    const text = `Shared task ${Date.now()}`
    const saved = await post(
      meetingPage,
      new URLSearchParams([
        ['intent', 'add'],
        ['text', text],
        ['owners', `organisation:${scene.organisations.pup}`],
        ['owners', `organisation:${scene.organisations.mops}`],
      ]),
      { cookie },
    )
    expect(saved.status).toBe(302)
    const english = cookieHeader(await post('/language', { lang: 'en', redirectTo: meetingPage }))
    const html = await (await get(meetingPage, { cookie: `${cookie}; ${english}` })).text()
    expect(textOf(rowOf(html, text))).toContain(`${names.pup} and ${names.mops}`)
  })
})
