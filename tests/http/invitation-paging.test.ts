import { beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '~/models/audit.server'
import { addPersonGuest, answerInvitation } from '~/models/invitation.server'
import { get, location, login, post, textOf } from '#tests/support/http'
import { createInvitationScene, createTestOrganisation, createTestPerson } from '#tests/support/invitations'

// 61 invitees: a page holds 50, so the secretary pages, filters and acts on the second page.

let scene: Awaited<ReturnType<typeof createInvitationScene>>
let cookie: string
let invitationsPath: string
let attendancePath: string
const invitationIds: number[] = []

beforeAll(async () => {
  scene = await createInvitationScene()
  invitationsPath = `/meetings/${scene.meetingId}/invitations`
  attendancePath = `/meetings/${scene.meetingId}/attendance`
  const organisation = createTestOrganisation('Gminny Ośrodek Pomocy Społecznej')
  const names = [...Array.from({ length: 60 }, (_, i) => `Uczestnik ${String(i + 1).padStart(2, '0')}`), 'Łucja Śliwińska']
  for (const name of names) {
    const saved = addPersonGuest({ meetingId: scene.meetingId, personId: createTestPerson(organisation, name), actor: SYSTEM_ACTOR })
    if (!saved.ok) throw new Error(name)
    invitationIds.push(saved.id)
  }
  // Three answers, all of them on the last rows: the counts must not come from the first page.
  for (const id of invitationIds.slice(-3)) answerInvitation({ invitationId: id, response: 'yes', actor: SYSTEM_ACTOR })
  cookie = await login(scene.accounts.officer.email, scene.accounts.officer.password)
})

async function html(path: string) {
  const response = await get(path, { cookie })
  expect(response.status).toBe(200)
  return response.text()
}

const invitees = (page: string) => [...page.matchAll(/name="invitationId" value="(\d+)"/g)].map((m) => Number(m[1]))
const attendanceRows = (page: string) => [...page.matchAll(/name="rows\[\d+\]\.invitationId" value="(\d+)"/g)].map((m) => Number(m[1]))

/** The number shown after a label in the answer counts. */
function answerCount(page: string, label: string): number {
  const match = new RegExp(`<dt>${label}</dt><dd>(\\d+)</dd>`).exec(page)
  if (!match) throw new Error(`no count for ${label}`)
  return Number(match[1])
}

describe('a meeting with more invitees than a page', () => {
  it('shows 50 invitees on the first page and the rest on the second, each once, with counts over all', async () => {
    const first = await html(invitationsPath)
    const second = await html(`${invitationsPath}?page=2`)
    expect(invitees(first)).toHaveLength(50)
    expect(invitees(second)).toHaveLength(11)
    expect(new Set([...invitees(first), ...invitees(second)])).toEqual(new Set(invitationIds))
    expect(textOf(first)).toContain('Strona 1 z 2')
    expect(answerCount(first, 'Tak')).toBe(3)
    expect(answerCount(first, 'Brak odpowiedzi')).toBe(58)
    expect(textOf(first)).toContain('Zaproszonych (z filtrem): 61')
  })

  it('finds an invitee by a name typed without Polish letters', async () => {
    const found = await html(`${invitationsPath}?q=lucja+sliwin`)
    expect(invitees(found)).toEqual([invitationIds.at(-1)])
    expect(textOf(found)).toContain('Łucja Śliwińska')
    expect(answerCount(found, 'Tak')).toBe(3)
  })

  it('pages the attendance rows the same way and keeps the summary over everyone', async () => {
    const first = await html(attendancePath)
    const second = await html(`${attendancePath}?page=2`)
    expect(attendanceRows(first)).toHaveLength(50)
    expect(attendanceRows(second)).toHaveLength(11)
    expect(new Set([...attendanceRows(first), ...attendanceRows(second)])).toEqual(new Set(invitationIds))
    const total = /<tfoot>[\s\S]*?<\/tfoot>/.exec(first)?.[0] ?? ''
    expect(textOf(total)).toMatch(/0\s*0\s*0\s*61/)
  })

  it('returns to the same page and filter after an action', async () => {
    const here = `${invitationsPath}?q=uczestnik&page=2`
    const page = await html(here)
    const [target] = invitees(page)
    expect(target).toBeDefined()
    const removed = await post(here, { intent: 'remove', invitationId: String(target) }, { cookie })
    expect(removed.status).toBe(302)
    expect(location(removed)).toBe(here)
    expect(invitees(await html(here))).not.toContain(target)

    const marked = await post(
      `${attendancePath}?page=2`,
      { intent: 'attendance', 'rows[0].invitationId': String(invitationIds.at(-1)), 'rows[0].state': 'present' },
      { cookie },
    )
    expect(location(marked)).toBe(`${attendancePath}?page=2`)
    const total = /<tfoot>[\s\S]*?<\/tfoot>/.exec(await html(attendancePath))?.[0] ?? ''
    expect(textOf(total)).toMatch(/1\s*0\s*0\s*59/)
  })
})
