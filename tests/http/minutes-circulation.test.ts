import { desc, gt } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { cookieHeader, get, location, login, post, textOf } from '#tests/support/http'
import { createInvitationScene, createTestOrganisation, createTestPerson, seat } from '#tests/support/invitations'
import { db, schema } from '~/db.server'
import { getMinutes } from '~/models/minutes.server'

// The test server runs without SMTP_URL: what circulating e-mails stays in the outbox, and
// that is where this test counts it (minutes-cycle.integration.test.ts counts on a real SMTP server).

type Scene = Awaited<ReturnType<typeof createInvitationScene>>
const mainText = (html: string) => textOf(html.match(/<main[\s\S]*<\/main>/)?.[0] ?? html)
const lastOutboxId = () => db.select({ id: schema.outbox.id }).from(schema.outbox).orderBy(desc(schema.outbox.id)).get()?.id ?? 0

describe('circulating the minutes over HTTP', () => {
  let scene: Scene
  let officer: string
  let path: string
  let bogdan: number

  beforeAll(async () => {
    scene = await createInvitationScene()
    const ohp = createTestOrganisation('Ochotnicze Hufce Pracy')
    bogdan = createTestPerson(ohp, 'Bogdan Bezmejlowy')
    seat(scene.bodyId, ohp, bogdan)
    officer = await login(scene.accounts.officer.email, scene.accounts.officer.password)
    path = `/meetings/${scene.meetingId}/minutes`
    expect((await post(path, { intent: 'start' }, { cookie: officer })).status).toBe(302)
  })

  it('names before sending the people who have no e-mail address, with links to add one', async () => {
    const html = await (await get(path, { cookie: officer })).text()
    const list = html.match(/<div class="notice" id="minutes-without-email">[\s\S]*?<\/div>/)?.[0] ?? ''
    expect(textOf(list)).toMatch(
      /^2 osoby nie mają adresu e-mail i nie dostaną notatki: Bogdan Bezmejlowy \(Ochotnicze Hufce Pracy[^)]*\) Żaneta Bez-Adresu \(Miejski Ośrodek Pomocy Społecznej[^)]*\)$/,
    )
    expect(list).toContain(`href="/people/${bogdan}/edit"`)
    expect(list).toContain(`href="/people/${scene.people.mopsDeputy}/edit"`)
  })

  it('says afterwards how many were e-mailed: as many as the messages sent', async () => {
    const since = lastOutboxId()
    const revision = String(getMinutes({ meetingId: scene.meetingId })!.revision)
    const response = await post(path, { intent: 'circulate', revision, commentsDueAt: '2099-12-31T12:00' }, { cookie: officer })
    expect(response.status).toBe(302)
    const sent = db.select({ to: schema.outbox.to }).from(schema.outbox).where(gt(schema.outbox.id, since)).all()
    expect(sent).toHaveLength(3)
    const page = mainText(await (await get(location(response)!, { cookie: `${officer}; ${cookieHeader(response)}` })).text())
    expect(page).toContain(`Rozesłano notatkę do ${sent.length} osób. 2 osoby bez adresu e-mail nie dostały wiadomości.`)
    expect(page).not.toContain('nie mają adresu e-mail i nie dostaną notatki')
    expect(getMinutes({ meetingId: scene.meetingId })!.state).toBe('circulated')
  })
})
