import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { get, hiddenFields, location, login, post, textOf } from '#tests/support/http'
import { createInvitationScene } from '#tests/support/invitations'
import { db, schema } from '~/db.server'
import { returnToDrafting, startConsultation } from '~/models/recommendation-cycle.server'
import { createRecommendation, getRecommendation, saveRecommendation } from '~/models/recommendation.server'

type Scene = Awaited<ReturnType<typeof createInvitationScene>>

let scene: Scene
const cookies = { officer: '', member: '', outsider: '' }
const actor = () => ({ userId: scene.accounts.officer.user.id, ip: null })
const mainText = (html: string) => textOf(html.match(/<main[\s\S]*<\/main>/)?.[0] ?? html)

/** A recommendation in drafting with one chapter of two numbered items, written through the model. */
function draft(title: string) {
  const id = createRecommendation({ bodyId: scene.bodyId, input: { title, summary: '', addresseeKinds: ['ops', 'pup'] }, actor: actor() })
  const rec = getRecommendation({ id })!
  const saved = saveRecommendation({
    id,
    baseRevision: rec.revision,
    input: {
      title,
      summary: 'Streszczenie demonstracyjne.',
      addresseeKinds: ['ops', 'pup'],
      chapters: [
        {
          id: rec.snapshot.chapters[0]?.id ?? null,
          title: 'Wymiana informacji',
          body: '',
          items: [
            { id: null, title: 'Wspólna baza ofert', body: 'OPS i PUP prowadzą wspólną bazę ofert.', addresseeKinds: [], timeFrame: null },
            {
              id: null,
              title: 'Spotkania kwartalne',
              body: 'Pracownicy spotykają się co kwartał.',
              addresseeKinds: ['pup'],
              timeFrame: 'od 2015 r.',
            },
          ],
        },
      ],
    },
    actor: actor(),
  })
  if (!saved.ok) throw new Error('saving the recommendation failed')
  return id
}

/** The editor's form as the browser sends it, from the saved text (`change` edits it first). */
function formOf(id: number, change: (form: Record<string, string>) => void = () => {}) {
  const rec = getRecommendation({ id })!
  const s = rec.snapshot
  const form: Record<string, string> = { revision: String(rec.revision), title: s.title, summary: s.summary }
  s.chapters.forEach((chapter, ci) => {
    form[`chapters[${ci}].id`] = String(chapter.id)
    form[`chapters[${ci}].title`] = chapter.title
    form[`chapters[${ci}].body`] = chapter.body
    chapter.items.forEach((item, ii) => {
      const at = `chapters[${ci}].items[${ii}]`
      form[`${at}.id`] = String(item.id)
      form[`${at}.title`] = item.title
      form[`${at}.body`] = item.body
      form[`${at}.timeFrame`] = item.timeFrame ?? ''
    })
  })
  change(form)
  const body = new URLSearchParams(form)
  for (const kind of s.addresseeKinds) body.append('addresseeKinds', kind)
  return body
}

const edit = (id: number) => `/recommendations/${id}/edit`
const send = (id: number, intent: string, change?: (form: Record<string, string>) => void, cookie = cookies.officer) => {
  const body = formOf(id, change)
  body.set('intent', intent)
  return post(edit(id), body, { cookie })
}
const itemTitles = (html: string) =>
  [...html.matchAll(/<legend>Rekomendacja (\d+\.\d+\.) ([^<]*)<\/legend>/g)].map((m) => `${m[1]} ${m[2]}`)

beforeAll(async () => {
  scene = await createInvitationScene()
  cookies.officer = await login(scene.accounts.officer.email, scene.accounts.officer.password)
  cookies.member = await login(scene.accounts.member.email, scene.accounts.member.password)
  cookies.outsider = await login(scene.accounts.outsider.email, scene.accounts.outsider.password)
})

describe('writing recommendations', () => {
  it('shows the officers the text numbered as the reader will see it, and nobody else', async () => {
    const id = draft('Rekomendacje do edycji')
    const response = await get(edit(id), { cookie: cookies.officer })
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('Rozdział 1. Wymiana informacji')
    expect(itemTitles(html)).toEqual(['1.1. Wspólna baza ofert', '1.2. Spotkania kwartalne'])
    for (const who of ['member', 'outsider'] as const) expect((await get(edit(id), { cookie: cookies[who] })).status, who).toBe(404)
    expect((await get(edit(id))).status).toBe(404)
  })

  it('adds, moves and removes chapters and items without JavaScript, keeping what was typed and saving nothing', async () => {
    const id = draft('Rekomendacje bez skryptu')
    const before = getRecommendation({ id })!.revision
    const typed = (form: Record<string, string>) => (form['chapters[0].items[0].body'] = 'Tekst wpisany, jeszcze niezapisany.')

    const added = await send(id, 'structure.addChapter', typed)
    expect(added.status).toBe(200)
    const addedHtml = await added.text()
    expect(addedHtml).toContain('Rozdział 2. (bez tytułu)')
    expect(addedHtml).toContain('Tekst wpisany, jeszcze niezapisany.')
    expect(mainText(addedHtml)).toContain('Nic nie zostało jeszcze zapisane')

    const item = await (await send(id, 'structure.addItem.0')).text()
    expect(itemTitles(item)).toEqual(['1.1. Wspólna baza ofert', '1.2. Spotkania kwartalne', '1.3. (bez tytułu)'])

    const moved = await (await send(id, 'structure.itemDown.0.0', typed)).text()
    expect(itemTitles(moved)).toEqual(['1.1. Spotkania kwartalne', '1.2. Wspólna baza ofert'])
    expect(moved).toContain('Tekst wpisany, jeszcze niezapisany.')

    const removed = await (await send(id, 'structure.removeItem.0.1')).text()
    expect(itemTitles(removed)).toEqual(['1.1. Wspólna baza ofert'])

    const chapterGone = await (await send(id, 'structure.removeChapter.0')).text()
    expect(chapterGone).not.toContain('Rozdział 1. Wymiana informacji')

    const rec = getRecommendation({ id })!
    expect(rec.revision).toBe(before)
    expect(rec.snapshot.chapters[0]!.items.map((i) => i.title)).toEqual(['Wspólna baza ofert', 'Spotkania kwartalne'])
  })

  it('saves the text in its new order', async () => {
    const id = draft('Rekomendacje zapisywane')
    const response = await send(id, 'save', (form) => {
      form['chapters[0].items[0].title'] = 'Spotkania kwartalne'
      form['chapters[0].items[0].id'] = String(getRecommendation({ id })!.snapshot.chapters[0]!.items[1]!.id)
      form['chapters[0].items[1].title'] = 'Wspólna baza ofert — poprawiona'
      form['chapters[0].items[1].id'] = String(getRecommendation({ id })!.snapshot.chapters[0]!.items[0]!.id)
    })
    expect(response.status).toBe(302)
    expect(location(response)).toBe(edit(id))
    const items = getRecommendation({ id })!.snapshot.chapters[0]!.items
    expect(items.map((i) => `${i.number} ${i.title}`)).toEqual(['1.1. Spotkania kwartalne', '1.2. Wspólna baza ofert — poprawiona'])
  })

  it('says in Polish what is missing, beside the field, and saves nothing', async () => {
    const id = draft('Rekomendacje z błędem')
    const before = getRecommendation({ id })!.revision
    const response = await send(id, 'save', (form) => {
      form['chapters[0].title'] = ''
      form['chapters[0].items[1].body'] = ''
      form['chapters[0].items[0].body'] = 'Zostaje w polu.'
    })
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toMatch(/id="[^"]*chapters\[0\]\.title[^"]*"[^>]*aria-invalid="true"/)
    const text = mainText(html)
    expect(text).toContain('Podaj tytuł rozdziału.')
    expect(text).toContain('Wpisz treść rekomendacji.')
    expect(text).toContain('Zostaje w polu.')
    expect(getRecommendation({ id })!.revision).toBe(before)
  })

  it('shows a stale save the writer’s text and the text saved meanwhile, and saves nothing', async () => {
    const id = draft('Rekomendacje równoległe')
    const mine = formOf(id, (form) => (form['chapters[0].items[0].body'] = 'Moja wersja tekstu o bazie ofert.'))
    mine.set('intent', 'save')
    const rec = getRecommendation({ id })!
    const other = saveRecommendation({
      id,
      baseRevision: rec.revision,
      input: {
        title: rec.snapshot.title,
        summary: rec.snapshot.summary,
        addresseeKinds: rec.snapshot.addresseeKinds,
        chapters: rec.snapshot.chapters.map((c) => ({
          id: c.id,
          title: c.title,
          body: c.body,
          items: c.items.map((i, n) => ({
            id: i.id,
            title: i.title,
            body: n === 0 ? 'Wersja koleżanki zapisana w międzyczasie.' : i.body,
            addresseeKinds: i.addresseeKinds,
            timeFrame: i.timeFrame,
          })),
        })),
      },
      actor: actor(),
    })
    expect(other.ok).toBe(true)
    const response = await post(edit(id), mine, { cookie: cookies.officer })
    expect(response.status).toBe(409)
    const text = mainText(await response.text())
    expect(text).toContain('ktoś zmienił tekst rekomendacji w międzyczasie')
    expect(text).toContain('Moja wersja tekstu o bazie ofert.')
    expect(text).toContain('Wersja koleżanki zapisana w międzyczasie.')
    expect(getRecommendation({ id })!.snapshot.chapters[0]!.items[0]!.body).toBe('Wersja koleżanki zapisana w międzyczasie.')
  })

  it('saves nothing from a form whose session expired, answering 401 with its text', async () => {
    const id = draft('Rekomendacje po wygaśnięciu')
    const before = getRecommendation({ id })!.revision
    const body = formOf(id, (form) => (form['chapters[0].items[0].body'] = 'Tekst pisany zbyt długo.'))
    body.set('intent', 'save')
    const response = await post(edit(id), body)
    expect(response.status).toBe(401)
    expect(getRecommendation({ id })!.revision).toBe(before)
  })

  it('shows the kept text and the form to send it again, which goes through once signed in', async () => {
    const id = draft('Rekomendacje po wygaśnięciu sesji')
    const before = getRecommendation({ id })!.revision
    const body = formOf(id, (form) => (form['chapters[0].items[0].body'] = 'Akapit pisany godzinę.\n\n- punkt „pierwszy”'))
    body.set('intent', 'save')
    const response = await post(edit(id), body)
    expect(response.status).toBe(401)
    const html = await response.text()
    const text = mainText(html)
    expect(text).toContain('Sesja wygasła — Twój tekst nie przepadł')
    expect(text).toContain('Treść rekomendacji 1.1.')
    expect(text).toContain('Akapit pisany godzinę.')
    expect(html).toMatch(/<a[^>]*href="\/login"[^>]*target="_blank"/)
    expect(html).toContain(`action="/recommendations/${id}/edit"`)
    // Nothing of the draft beyond what was sent: not its team, not its header and tabs.
    expect(text).not.toContain('Zespół testowy')
    expect(html).not.toContain('aria-label="Części rekomendacji"')
    expect(getRecommendation({ id })!.revision).toBe(before)

    const kept = hiddenFields(html)
    expect(kept.get('chapters[0].items[0].body')).toBe('Akapit pisany godzinę.\n\n- punkt „pierwszy”')
    expect(kept.getAll('addresseeKinds')).toEqual(['ops', 'pup'])
    const again = await post(edit(id), kept, { cookie: cookies.officer })
    expect(again.status).toBe(302)
    expect(getRecommendation({ id })!.snapshot.chapters[0]!.items[0]!.body).toBe('Akapit pisany godzinę.\n\n- punkt „pierwszy”')
  })
})

describe('reviewing recommendations', () => {
  let id = 0
  let itemId = 0
  const comments = () => `/recommendations/${id}/comments`

  beforeAll(async () => {
    id = draft('Rekomendacje w konsultacji')
    itemId = getRecommendation({ id })!.snapshot.chapters[0]!.items[1]!.id
    const started = await startConsultation({
      id,
      commentsDueAt: new Date(Date.now() + 7 * 24 * 3600 * 1000),
      baseRevision: getRecommendation({ id })!.revision,
      actor: actor(),
      origin: 'http://localhost',
    })
    if (!started.ok) throw new Error(started.error)
  })

  it('lets a member comment on one recommendation and the officer resolve it; the deadline and what is open are shown', async () => {
    const page = mainText(await (await get(comments(), { cookie: cookies.member })).text())
    expect(page).toContain('Uwagi można zgłaszać do')
    expect((await get(comments(), { cookie: cookies.outsider })).status).toBe(404)

    const added = await post(
      comments(),
      { intent: 'comment', section: String(itemId), body: 'Proszę dopisać powiatowe urzędy pracy.' },
      { cookie: cookies.member },
    )
    expect(added.status).toBe(302)
    const commentId = Number(added.headers.get('Location')!.match(/#comment-(\d+)$/)![1])
    const open = mainText(await (await get(comments(), { cookie: cookies.officer })).text())
    expect(open).toContain('Proszę dopisać powiatowe urzędy pracy.')
    expect(open).toContain('Uwagi: 1, w tym nierozstrzygnięte: 1.')
    expect(open).toContain('Rekomendacji nie można przyjąć, dopóki choć jedna uwaga jest nierozstrzygnięta.')

    const unexplained = await post(
      comments(),
      { intent: 'resolve', commentId: String(commentId), resolution: 'rejected' },
      { cookie: cookies.officer },
    )
    expect(unexplained.status).toBe(400)
    expect(mainText(await unexplained.text())).toContain('Podaj, dlaczego uwaga nie została uwzględniona.')
    expect(
      (await post(comments(), { intent: 'resolve', commentId: String(commentId), resolution: 'accepted' }, { cookie: cookies.member }))
        .status,
    ).toBe(404)

    const resolved = await post(
      comments(),
      { intent: 'resolve', commentId: String(commentId), resolution: 'accepted', note: 'Dopisano PUP.' },
      { cookie: cookies.officer },
    )
    expect(resolved.status).toBe(302)
    const done = mainText(await (await get(comments(), { cookie: cookies.officer })).text())
    expect(done).toContain('Uwagi: 1, w tym nierozstrzygnięte: 0.')
    expect(done).toContain('Dopisano PUP.')
    expect(done).toContain('Wszystkie uwagi zostały rozstrzygnięte.')
  })

  it('refuses a comment after the deadline, handing the text back', async () => {
    db.update(schema.documents)
      .set({ commentsDueAt: new Date(Date.now() - 60_000).toISOString() })
      .where(eq(schema.documents.id, id))
      .run()
    expect(mainText(await (await get(comments(), { cookie: cookies.member })).text())).toContain('Termin zgłaszania uwag minął')
    const late = await post(comments(), { intent: 'comment', section: 'whole', body: 'Spóźniona uwaga.' }, { cookie: cookies.member })
    expect(late.status).toBe(403)
    const text = mainText(await late.text())
    expect(text).toContain('Uwaga nie została zapisana')
    expect(text).toContain('Spóźniona uwaga.')
    expect(db.select().from(schema.documentComments).where(eq(schema.documentComments.documentId, id)).all()).toHaveLength(1)
  })

  it('compares two versions word by word, by default this one against the previous', async () => {
    const back = returnToDrafting({ id, baseRevision: getRecommendation({ id })!.revision, actor: actor() })
    expect(back.ok).toBe(true)
    const rec = getRecommendation({ id })!
    const changed = saveRecommendation({
      id,
      baseRevision: rec.revision,
      input: {
        title: rec.snapshot.title,
        summary: rec.snapshot.summary,
        addresseeKinds: rec.snapshot.addresseeKinds,
        chapters: rec.snapshot.chapters.map((c) => ({
          id: c.id,
          title: c.title,
          body: c.body,
          items: c.items.map((i) => ({
            id: i.id,
            title: i.title,
            body: i.body.replace('co kwartał', 'co miesiąc'),
            addresseeKinds: i.addresseeKinds,
            timeFrame: i.timeFrame,
          })),
        })),
      },
      actor: actor(),
    })
    expect(changed.ok).toBe(true)
    const again = await startConsultation({
      id,
      commentsDueAt: new Date(Date.now() + 24 * 3600 * 1000),
      baseRevision: getRecommendation({ id })!.revision,
      actor: actor(),
      origin: 'http://localhost',
    })
    expect(again.ok).toBe(true)

    const versions = await get(`/recommendations/${id}/versions`, { cookie: cookies.member })
    expect(versions.status).toBe(200)
    const html = await versions.text()
    expect(html).toContain(`href="/recommendations/${id}/versions/1"`)
    expect(html).toMatch(/<del>co kwartał<\/del>|<del>kwartał<\/del>/)
    expect(html).toMatch(/<ins>co miesiąc<\/ins>|<ins>miesiąc<\/ins>/)
    expect((await get(`/recommendations/${id}/versions`, { cookie: cookies.outsider })).status).toBe(404)

    const first = await get(`/recommendations/${id}/versions/1`, { cookie: cookies.member })
    expect(first.status).toBe(200)
    expect(mainText(await first.text())).toContain('Pracownicy spotykają się co kwartał.')
    expect((await get(`/recommendations/${id}/versions/99`, { cookie: cookies.member })).status).toBe(404)
  })
})
