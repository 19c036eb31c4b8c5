import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { get, location, login, post, textOf } from '#tests/support/http'
import { createInvitationScene } from '#tests/support/invitations'
import { db, schema } from '~/db.server'
import { circulateMinutes } from '~/models/minutes-cycle.server'
import { getMinutes, saveMinutes, startMinutes } from '~/models/minutes.server'

type Scene = Awaited<ReturnType<typeof createInvitationScene>>
type Role = 'officer' | 'member' | 'outsider'

const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600 * 1000)

/** Starts a meeting's minutes, writes the discussion section, and circulates them if asked. */
async function minutesFor(scene: Scene, { circulate, discussion }: { circulate: boolean; discussion: string }) {
  const actor = { userId: scene.accounts.officer.user.id, ip: null }
  const minutesId = startMinutes({ meetingId: scene.meetingId, actor })
  const current = getMinutes({ meetingId: scene.meetingId })!
  const sections = current.snapshot.sections.map((s) => (s.kind === 'discussion' ? { ...s, body: discussion } : s))
  const saved = saveMinutes({ meetingId: scene.meetingId, baseRevision: current.revision, input: { ...current.snapshot, sections }, actor })
  if (!saved.ok) throw new Error('saving the minutes failed')
  if (circulate) {
    const result = await circulateMinutes({
      meetingId: scene.meetingId,
      commentsDueAt: inAWeek(),
      baseRevision: saved.revision,
      actor,
      origin: 'http://localhost',
    })
    if (!result.ok) throw new Error(result.error)
  }
  return { minutesId, discussionId: sections.find((s) => s.kind === 'discussion')!.id }
}

async function signInAll(scene: Scene): Promise<Record<Role, string>> {
  const { officer, member, outsider } = scene.accounts
  return {
    officer: await login(officer.email, officer.password),
    member: await login(member.email, member.password),
    outsider: await login(outsider.email, outsider.password),
  }
}

const commentsIn = (minutesId: number) =>
  db
    .select({ id: schema.documentComments.id, body: schema.documentComments.body })
    .from(schema.documentComments)
    .where(eq(schema.documentComments.documentId, minutesId))
    .all()

describe('comments and versions of minutes', () => {
  let scene: Scene
  let cookies: Record<Role, string>
  let minutes: { minutesId: number; discussionId: number }
  let commentsPath: string

  beforeAll(async () => {
    scene = await createInvitationScene()
    cookies = await signInAll(scene)
    minutes = await minutesFor(scene, { circulate: true, discussion: 'Zespół omówił stary projekt porozumienia.' })
    commentsPath = `/meetings/${scene.meetingId}/minutes/comments`
  })

  it("lists circulated minutes on the home page of the team's members only, and draft minutes on nobody's", async () => {
    const link = `href="/meetings/${scene.meetingId}/minutes"`
    expect(await (await get('/', { cookie: cookies.member })).text()).toContain(link)
    expect(await (await get('/', { cookie: cookies.officer })).text()).toContain(link)
    expect(await (await get('/', { cookie: cookies.outsider })).text()).not.toContain(link)
    const draft = await createInvitationScene()
    await minutesFor(draft, { circulate: false, discussion: 'Szkic.' })
    const member = await login(draft.accounts.member.email, draft.accounts.member.password)
    const home = await (await get('/', { cookie: member })).text()
    expect(home).not.toContain(`href="/meetings/${draft.meetingId}/minutes"`)
    expect(textOf(home)).toContain('Notatki do przeczytania i zatwierdzenia')
  })

  it('answers 404 to a signed-out visitor and to a member of another team, for draft and circulated minutes alike', async () => {
    const draft = await createInvitationScene()
    await minutesFor(draft, { circulate: false, discussion: 'Szkic.' })
    const outsider = await login(draft.accounts.outsider.email, draft.accounts.outsider.password)
    for (const [meetingId, foreign] of [
      [scene.meetingId, cookies.outsider],
      [draft.meetingId, outsider],
    ] as const) {
      for (const path of ['comments', 'versions', 'versions?from=1&to=current', 'versions/1']) {
        expect((await get(`/meetings/${meetingId}/minutes/${path}`)).status, `signed out: ${path}`).toBe(404)
        expect((await get(`/meetings/${meetingId}/minutes/${path}`, { cookie: foreign })).status, `other team: ${path}`).toBe(404)
      }
    }
    const attempt = await post(commentsPath, { intent: 'comment', section: 'whole', body: 'Obcy komentarz.' }, { cookie: cookies.outsider })
    expect(attempt.status).toBe(404)
    expect(commentsIn(minutes.minutesId).map((c) => c.body)).not.toContain('Obcy komentarz.')
  })

  it('lets a member comment on a section: the text is shown as typed, as text, never as HTML', async () => {
    const page = await (await get(`${commentsPath}?section=${minutes.discussionId}`, { cookie: cookies.member })).text()
    expect(textOf(page)).toContain('Uwagi można zgłaszać do')
    expect(page).toMatch(new RegExp(`<option value="${minutes.discussionId}" selected="">Dyskusja</option>`))

    const body = 'Proszę dopisać:\n  <b>PUP</b> przedstawił ofertę staży.'
    const response = await post(
      commentsPath,
      { intent: 'comment', section: String(minutes.discussionId), body },
      { cookie: cookies.member },
    )
    expect(response.status).toBe(302)
    const stored = commentsIn(minutes.minutesId).find((c) => c.body === body)
    expect(stored).toBeDefined()
    expect(location(response)).toBe(`${commentsPath}`)

    const html = await (await get(commentsPath, { cookie: cookies.member })).text()
    const part = html.match(new RegExp(`<section[^>]*id="section-${minutes.discussionId}"[\\s\\S]*?</section>`))?.[0] ?? ''
    expect(part).toContain('Proszę dopisać:\n  &lt;b&gt;PUP&lt;/b&gt; przedstawił ofertę staży.')
    expect(textOf(part)).toContain('Anna Łęcka, Miejski Ośrodek Pomocy Społecznej')
    expect(textOf(part)).toContain('nierozstrzygnięta')
    expect(html).not.toContain('<b>PUP</b>')
  })

  it('keeps the typed text and says what is wrong next to the field when the comment is empty or the part unknown', async () => {
    const empty = await post(
      commentsPath,
      { intent: 'comment', section: String(minutes.discussionId), body: '   ' },
      { cookie: cookies.member },
    )
    expect(empty.status).toBe(400)
    expect(textOf(await empty.text())).toContain('Wpisz treść uwagi.')
    const wrongPart = await post(
      commentsPath,
      { intent: 'comment', section: '999999999', body: 'Uwaga do nieistniejącej części.' },
      { cookie: cookies.member },
    )
    expect(wrongPart.status).toBe(400)
    const html = await wrongPart.text()
    expect(textOf(html)).toContain('Wybierz część notatki z listy.')
    expect(html).toMatch(/<textarea[^>]*name="body"[^>]*>Uwaga do nieistniejącej części\.<\/textarea>/)
  })

  it('lets the officer resolve a comment with a note; a member may not', async () => {
    const added = await post(
      commentsPath,
      { intent: 'comment', section: 'whole', body: 'Brakuje daty kolejnego spotkania.' },
      { cookie: cookies.member },
    )
    expect(added.status).toBe(302)
    const commentId = commentsIn(minutes.minutesId).find((c) => c.body === 'Brakuje daty kolejnego spotkania.')!.id

    const byMember = await post(
      commentsPath,
      { intent: 'resolve', commentId: String(commentId), resolution: 'accepted', note: 'Sam sobie.' },
      { cookie: cookies.member },
    )
    expect(byMember.status).toBe(404)
    const noReason = await post(
      commentsPath,
      { intent: 'resolve', commentId: String(commentId), resolution: 'rejected' },
      { cookie: cookies.officer },
    )
    expect(noReason.status).toBe(400)
    expect(textOf(await noReason.text())).toContain('Podaj, dlaczego uwaga nie została uwzględniona.')

    const resolved = await post(
      commentsPath,
      { intent: 'resolve', commentId: String(commentId), resolution: 'rejected', note: 'Termin ustali zespół na następnym spotkaniu.' },
      { cookie: cookies.officer },
    )
    expect(resolved.status).toBe(302)
    const html = await (await get(commentsPath, { cookie: cookies.member })).text()
    const card = textOf(html.match(new RegExp(`<article[^>]*id="comment-${commentId}"[\\s\\S]*?</article>`))?.[0] ?? '')
    expect(card).toContain('nieuwzględniona')
    expect(card).toContain('Termin ustali zespół na następnym spotkaniu.')
    expect(card).toContain('Gizela Prowadząca')
  })

  it('refuses a comment after the deadline with a clear message, keeps the typed text and stores nothing', async () => {
    const late = await createInvitationScene()
    const lateMinutes = await minutesFor(late, { circulate: true, discussion: 'Tekst.' })
    db.update(schema.documents)
      .set({ commentsDueAt: new Date(Date.now() - 60_000).toISOString() })
      .where(eq(schema.documents.id, lateMinutes.minutesId))
      .run()
    const member = await login(late.accounts.member.email, late.accounts.member.password)
    const path = `/meetings/${late.meetingId}/minutes/comments`

    const page = await (await get(path, { cookie: member })).text()
    expect(textOf(page)).toContain('Termin zgłaszania uwag minął')
    expect(page).not.toMatch(/<textarea[^>]*name="body"/)

    const response = await post(path, { intent: 'comment', section: 'whole', body: 'Spóźniona uwaga o stażach.' }, { cookie: member })
    expect(response.status).toBe(403)
    const html = await response.text()
    expect(textOf(html)).toContain('Termin zgłaszania uwag minął. Uwaga nie została zapisana.')
    expect(html).toMatch(/<textarea[^>]*readonly=""[^>]*>\n?Spóźniona uwaga o stażach\.<\/textarea>/)
    expect(commentsIn(lateMinutes.minutesId)).toEqual([])
  })

  it('lists the frozen versions and shows a changed word as <del>old</del> and <ins>new</ins>', async () => {
    const current = getMinutes({ meetingId: scene.meetingId })!
    const sections = current.snapshot.sections.map((s) =>
      s.id === minutes.discussionId ? { ...s, body: 'Zespół omówił nowy projekt porozumienia.' } : s,
    )
    const saved = saveMinutes({
      meetingId: scene.meetingId,
      baseRevision: current.revision,
      input: { ...current.snapshot, sections },
      actor: { userId: scene.accounts.officer.user.id, ip: null },
    })
    expect(saved.ok).toBe(true)

    const list = await (await get(`/meetings/${scene.meetingId}/minutes/versions`, { cookie: cookies.member })).text()
    expect(textOf(list)).toContain('wersja 1 rozesłana do uwag')
    const response = await get(`/meetings/${scene.meetingId}/minutes/versions?from=1&to=current`, { cookie: cookies.member })
    expect(response.status).toBe(200)
    const html = await response.text()
    const section = html.match(new RegExp(`<section[^>]*aria-labelledby="cmp-s${minutes.discussionId}"[\\s\\S]*?</section>`))?.[0] ?? ''
    expect(section).toMatch(/<del>stary<\/del>/)
    expect(section).toMatch(/<ins>nowy<\/ins>/)
    expect(textOf(section)).toContain('Zespół omówił usunięto: stary dodano: nowy projekt porozumienia.')

    const frozen = await (await get(`/meetings/${scene.meetingId}/minutes/versions/1`, { cookie: cookies.member })).text()
    expect(textOf(frozen)).toContain('Zespół omówił stary projekt porozumienia.')
    expect((await get(`/meetings/${scene.meetingId}/minutes/versions?from=99&to=current`, { cookie: cookies.member })).status).toBe(404)
  })
})
