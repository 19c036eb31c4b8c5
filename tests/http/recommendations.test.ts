import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { baseURL, fileAddress, get, location, login, post, textOf } from '#tests/support/http'
import { createInvitationScene, createTestMeeting } from '#tests/support/invitations'
import { pageTexts, pdfFile } from '#tests/support/pdf'
import { db, schema } from '~/db.server'
import { addRecommendationComment, resolveRecommendationComment } from '~/models/recommendation-cycle.server'
import { getRecommendation, saveRecommendation } from '~/models/recommendation.server'

type Scene = Awaited<ReturnType<typeof createInvitationScene>>
type Who = 'officer' | 'member' | 'outsider' | 'visitor'

let scene: Scene
const cookies: Record<Who, string | undefined> = { officer: '', member: '', outsider: '', visitor: undefined }
let adoptionMeeting = 0
let bodyName = ''

const recPath = (id: number) => `/recommendations/${id}`
const mainText = (html: string) => textOf(html.match(/<main[\s\S]*<\/main>/)?.[0] ?? html)
const revisionOf = (id: number) => String(getRecommendation({ id })!.revision)
/** A form of the text page as a browser sends it: to its index route. */
const officerPost = (id: number, form: Record<string, string>) => post(`${recPath(id)}?index`, form, { cookie: cookies.officer })
const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')

/** A new recommendation through the form, then its text through the model (the edit page is another's). */
async function createWithText(title: string) {
  const form = new URLSearchParams({ title, summary: `Streszczenie: ${title}` })
  form.append('addresseeKinds', 'ops')
  form.append('addresseeKinds', 'pup')
  const created = await post(`/bodies/${scene.bodyId}/recommendations/new`, form, { cookie: cookies.officer })
  expect(created.status).toBe(302)
  const id = Number(location(created)!.match(/^\/recommendations\/(\d+)\/edit$/)![1])
  const rec = getRecommendation({ id })!
  const saved = saveRecommendation({
    id,
    baseRevision: rec.revision,
    input: {
      title,
      summary: `Streszczenie: ${title}`,
      addresseeKinds: ['ops', 'pup'],
      chapters: [
        {
          id: rec.snapshot.chapters[0]?.id ?? null,
          title: 'Wymiana informacji',
          body: 'Wstęp do rozdziału o wymianie informacji.',
          items: [
            {
              id: null,
              title: 'Wspólna baza ofert',
              body: 'OPS i PUP prowadzą wspólną bazę ofert pracy (tekst demonstracyjny).',
              addresseeKinds: ['pup'],
              timeFrame: 'do końca 2015 r.',
            },
          ],
        },
      ],
    },
    actor: { userId: scene.accounts.officer.user.id, ip: null },
  })
  expect(saved.ok).toBe(true)
  return id
}

function uploadAnnex(id: number, title: string, file: { name: string; bytes: Buffer }, cookie = cookies.officer) {
  const form = new FormData()
  form.append('intent', 'add-annex')
  form.append('title', title)
  form.append('file', new Blob([Uint8Array.from(file.bytes)], { type: 'application/pdf' }), file.name)
  return fetch(new URL(`${recPath(id)}?index`, baseURL), {
    method: 'POST',
    body: form,
    redirect: 'manual',
    headers: { Origin: baseURL, Cookie: cookie ?? '', 'X-Forwarded-For': fileAddress },
  })
}

const docRow = (id: number) => db.select().from(schema.documents).where(eq(schema.documents.id, id)).get()!
const recRow = (id: number) => db.select().from(schema.recommendations).where(eq(schema.recommendations.id, id)).get()!

beforeAll(async () => {
  scene = await createInvitationScene()
  db.update(schema.bodies).set({ isPublic: true }).where(eq(schema.bodies.id, scene.bodyId)).run()
  bodyName = db.select({ name: schema.bodies.name }).from(schema.bodies).where(eq(schema.bodies.id, scene.bodyId)).get()!.name
  adoptionMeeting = createTestMeeting(scene.bodyId, {
    topic: 'Przyjęcie rekomendacji',
    startsAt: '2031-06-20T10:00',
    endsAt: '2031-06-20T12:00',
  })
  cookies.officer = await login(scene.accounts.officer.email, scene.accounts.officer.password)
  cookies.member = await login(scene.accounts.member.email, scene.accounts.member.password)
  cookies.outsider = await login(scene.accounts.outsider.email, scene.accounts.outsider.password)
})

describe('a new recommendation', () => {
  it('is offered to the team’s officers only, on the team page and its own page', async () => {
    expect(await (await get(`/bodies/${scene.bodyId}`, { cookie: cookies.officer })).text()).toContain(
      `href="/bodies/${scene.bodyId}/recommendations/new"`,
    )
    expect(await (await get(`/bodies/${scene.bodyId}`, { cookie: cookies.member })).text()).not.toContain('/recommendations/new')
    expect((await get(`/bodies/${scene.bodyId}/recommendations/new`, { cookie: cookies.officer })).status).toBe(200)
    for (const who of ['member', 'outsider'] as const) {
      expect((await get(`/bodies/${scene.bodyId}/recommendations/new`, { cookie: cookies[who] })).status, who).toBe(404)
    }
    expect(location(await get(`/bodies/${scene.bodyId}/recommendations/new`))).toMatch(/^\/login\?/)
  })

  it('says in Polish what is missing, beside the field, keeping what was typed', async () => {
    const response = await post(
      `/bodies/${scene.bodyId}/recommendations/new`,
      { title: '', summary: 'Zostaje w polu' },
      { cookie: cookies.officer },
    )
    expect(response.status).toBe(400)
    const text = mainText(await response.text())
    expect(text).toContain('Podaj tytuł.')
    expect(text).toContain('Zaznacz co najmniej jeden rodzaj instytucji.')
    expect(text).toContain('Zostaje w polu')
  })

  it('creates the document in drafting with its addressees and lands on its edit page', async () => {
    const id = await createWithText('Rekomendacje nowe')
    expect(docRow(id)).toMatchObject({ kind: 'recommendation', bodyId: scene.bodyId, state: 'drafting' })
    expect(JSON.parse(recRow(id).addresseeKinds)).toEqual(['ops', 'pup'])
  })
})

describe('the cycle through the forms', () => {
  let id = 0
  let annexId = 0
  beforeAll(async () => {
    id = await createWithText('Rekomendacje dotyczące współpracy OPS z PUP')
  })

  it('shows the team the draft with the consultation form, and nobody else anything', async () => {
    const html = await (await get(recPath(id), { cookie: cookies.officer })).text()
    const text = mainText(html)
    expect(text).toContain('1. Wymiana informacji')
    expect(text).toContain('1.1. Wspólna baza ofert')
    expect(text).toContain('Termin: do końca 2015 r.')
    expect(text).toContain('Przekaż do konsultacji')
    // The MOPS deputy has no address: named before anything is sent.
    expect(text).toContain('Żaneta Bez-Adresu')
    expect(mainText(await (await get(recPath(id), { cookie: cookies.member })).text())).toContain('1.1. Wspólna baza ofert')
    for (const who of ['outsider', 'visitor'] as const) {
      const response = await get(recPath(id), { cookie: cookies[who] })
      expect(response.status, who).toBe(404)
      expect(await response.text()).not.toContain('Wspólna baza ofert')
    }
  })

  it('takes an annex while drafting and serves it to the team only', async () => {
    const refused = await uploadAnnex(id, '', { name: 'mapa.pdf', bytes: PDF_BYTES })
    expect(refused.status).toBe(400)
    const added = await uploadAnnex(id, 'Mapa instytucji', { name: 'mapa-instytucji.pdf', bytes: PDF_BYTES })
    expect(added.status, await added.clone().text()).toBe(302)
    const file = db.select().from(schema.documentFiles).where(eq(schema.documentFiles.documentId, id)).get()!
    expect(file).toMatchObject({ title: 'Mapa instytucji', fileName: 'mapa-instytucji.pdf', sizeBytes: PDF_BYTES.length })
    annexId = file.id
    const link = `${recPath(id)}/annexes/${annexId}/mapa-instytucji.pdf`
    expect(await (await get(recPath(id), { cookie: cookies.officer })).text()).toContain(`href="${link}"`)
    const download = await get(link, { cookie: cookies.member })
    expect(download.status).toBe(200)
    expect(download.headers.get('Content-Disposition')).toContain('mapa-instytucji.pdf')
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF_BYTES)).toBe(true)
    expect((await get(link)).status).toBe(404)
    expect((await get(`${recPath(id)}/annexes/${annexId}/inna-nazwa.pdf`, { cookie: cookies.member })).status).toBe(404)
  })

  it('sends the draft for consultation, refusing a deadline in the past with the input kept', async () => {
    const past = await officerPost(id, { intent: 'consult', revision: revisionOf(id), commentsDueAt: '2001-01-01T12:00' })
    expect(past.status).toBe(409)
    expect(await past.text()).toContain('2001-01-01T12:00')
    expect(docRow(id).state).toBe('drafting')
    const sent = await officerPost(id, { intent: 'consult', revision: revisionOf(id), commentsDueAt: '2099-12-31T12:00' })
    expect(sent.status, await sent.clone().text()).toBe(302)
    expect(docRow(id).state).toBe('consultation')
    expect(docRow(id).commentsDueAt).not.toBeNull()
  })

  it('refuses adoption while a comment is unresolved and a stale revision, then records it at the meeting', async () => {
    const sectionId = getRecommendation({ id })!.snapshot.chapters[0]!.items[0]!.id
    const comment = addRecommendationComment({
      id,
      sectionId,
      body: 'Proszę dopisać powiaty.',
      actor: { userId: scene.accounts.member.user.id, ip: null },
    })
    expect(comment.ok).toBe(true)
    const html = await (await get(recPath(id), { cookie: cookies.officer })).text()
    expect(html).toContain(`value="${adoptionMeeting}"`)
    const refused = await officerPost(id, { intent: 'adopt', revision: revisionOf(id), meetingId: String(adoptionMeeting) })
    expect(refused.status).toBe(409)
    expect(mainText(await refused.text())).toMatch(/uwag/i)
    expect(docRow(id).state).toBe('consultation')

    const commentId = db.select().from(schema.documentComments).where(eq(schema.documentComments.documentId, id)).get()!.id
    const resolved = resolveRecommendationComment({
      id,
      commentId,
      resolution: 'accepted',
      note: 'Dopisano.',
      actor: { userId: scene.accounts.officer.user.id, ip: null },
    })
    expect(resolved.ok).toBe(true)
    const stale = await officerPost(id, { intent: 'adopt', revision: '1', meetingId: String(adoptionMeeting) })
    expect(stale.status).toBe(409)
    expect(docRow(id).state).toBe('consultation')
    const noMeeting = await officerPost(id, { intent: 'adopt', revision: revisionOf(id), meetingId: '' })
    expect(noMeeting.status).toBe(400)
    expect(mainText(await noMeeting.text())).toContain('Wybierz spotkanie zespołu.')

    const adopted = await officerPost(id, { intent: 'adopt', revision: revisionOf(id), meetingId: String(adoptionMeeting) })
    expect(adopted.status, await adopted.clone().text()).toBe(302)
    expect(docRow(id).state).toBe('adopted')
    expect(recRow(id).adoptedMeetingId).toBe(adoptionMeeting)
    const text = mainText(await (await get(recPath(id), { cookie: cookies.officer })).text())
    expect(text).toContain('na spotkaniu nr')
  })

  it('publishes for everyone with a number and an archived PDF that a stranger reads', async () => {
    const published = await officerPost(id, { intent: 'publish', revision: revisionOf(id), visibility: 'public' })
    expect(published.status, await published.clone().text()).toBe(302)
    expect(docRow(id)).toMatchObject({ state: 'published', visibility: 'public' })
    const number = recRow(id).number
    expect(number).toBeTruthy()
    const version = db
      .select()
      .from(schema.documentVersions)
      .where(eq(schema.documentVersions.documentId, id))
      .all()
      .find((v) => v.state === 'published')
    expect(version?.pdf).toBeTruthy()

    for (const who of ['visitor', 'outsider'] as const) {
      const response = await get(recPath(id), { cookie: cookies[who] })
      expect(response.status, who).toBe(200)
      const html = await response.text()
      const text = mainText(html)
      expect(text).toContain('Rekomendacje dotyczące współpracy OPS z PUP')
      expect(text).toContain(number!)
      expect(text).toContain('1.1. Wspólna baza ofert')
      expect(text).not.toContain('Wycofaj')
      expect(html).not.toContain('name="intent"')
      expect(html).not.toContain(`${recPath(id)}/comments`)
    }
    const annex = await get(`${recPath(id)}/annexes/${annexId}/mapa-instytucji.pdf`)
    expect(annex.status).toBe(200)

    const pdf = await get(`${recPath(id)}/publication.pdf`)
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('Content-Type')).toBe('application/pdf')
    expect(pdf.headers.get('Content-Disposition')).toMatch(/^inline; filename=".*\.pdf"; filename\*=UTF-8''/)
    const bytes = Buffer.from(await pdf.arrayBuffer())
    expect(bytes.equals(Buffer.from(version!.pdf!))).toBe(true)
    const file = pdfFile(bytes)
    try {
      expect(pageTexts(file.file).join(' ').replace(/\s+/g, ' ')).toContain('Rekomendacje dotyczące współpracy OPS z PUP')
    } finally {
      file.remove()
    }
  })

  it('withdraws with a reason, which the stranger then reads', async () => {
    const noReason = await officerPost(id, { intent: 'withdraw', revision: revisionOf(id), reason: '' })
    expect(noReason.status).toBe(400)
    expect(mainText(await noReason.text())).toContain('Podaj powód wycofania.')
    const withdrawn = await officerPost(id, { intent: 'withdraw', revision: revisionOf(id), reason: 'Zastąpione nowym opracowaniem' })
    expect(withdrawn.status, await withdrawn.clone().text()).toBe(302)
    expect(docRow(id).state).toBe('withdrawn')
    expect(recRow(id).withdrawnReason).toBe('Zastąpione nowym opracowaniem')
    const text = mainText(await (await get(recPath(id))).text())
    expect(text).toContain('Powód: Zastąpione nowym opracowaniem')
    expect((await get(`${recPath(id)}/publication.pdf`)).status).toBe(200)
  })
})

describe('the draft PDF and annex removal', () => {
  it('renders the live text for the team only, and removes an annex while drafting', async () => {
    const id = await createWithText('Rekomendacje robocze')
    const pdf = await get(`${recPath(id)}/publication.pdf`, { cookie: cookies.member })
    expect(pdf.status).toBe(200)
    const file = pdfFile(Buffer.from(await pdf.arrayBuffer()))
    try {
      expect(pageTexts(file.file).join(' ').replace(/\s+/g, ' ')).toContain('Rekomendacje robocze')
    } finally {
      file.remove()
    }
    expect((await get(`${recPath(id)}/publication.pdf`)).status).toBe(404)
    expect((await get(`${recPath(id)}/publication.pdf`, { cookie: cookies.outsider })).status).toBe(404)

    expect((await uploadAnnex(id, 'Do usunięcia', { name: 'usun.pdf', bytes: PDF_BYTES })).status).toBe(302)
    const fileId = db.select().from(schema.documentFiles).where(eq(schema.documentFiles.documentId, id)).get()!.id
    const removed = await officerPost(id, { intent: 'remove-annex', fileId: String(fileId) })
    expect(removed.status).toBe(302)
    expect(db.select().from(schema.documentFiles).where(eq(schema.documentFiles.documentId, id)).all()).toEqual([])
  })
})

describe('the list', () => {
  let draft = 0
  let published = 0
  beforeAll(async () => {
    draft = await createWithText('Rekomendacje listy — projekt')
    published = await createWithText('Rekomendacje listy — opublikowane')
    expect(
      (await officerPost(published, { intent: 'adopt', revision: revisionOf(published), meetingId: String(adoptionMeeting) })).status,
    ).toBe(302)
    expect((await officerPost(published, { intent: 'publish', revision: revisionOf(published), visibility: 'public' })).status).toBe(302)
  })

  it('shows a stranger the published public ones only, with team, state and number', async () => {
    for (const who of ['visitor', 'outsider'] as const) {
      const html = await (await get(`/recommendations?body=${scene.bodyId}`, { cookie: cookies[who] })).text()
      const text = mainText(html)
      expect(text, who).toContain('Rekomendacje listy — opublikowane')
      expect(text, who).not.toContain('Rekomendacje listy — projekt')
      expect(html).toContain(`href="/recommendations/${published}"`)
      expect(text).toContain(recRow(published).number!)
    }
  })

  it('shows the team every state, filtered by state, team and year, saying the filter and the count', async () => {
    const allHtml = await (await get(`/recommendations?body=${scene.bodyId}`, { cookie: cookies.member })).text()
    expect(allHtml).toContain(`href="/recommendations/${draft}"`)
    const all = mainText(allHtml)
    expect(all).toContain('Rekomendacje listy — projekt')
    expect(all).toContain('Rekomendacje listy — opublikowane')

    const drafts = mainText(await (await get(`/recommendations?body=${scene.bodyId}&state=drafting`, { cookie: cookies.member })).text())
    expect(drafts).toContain('Rekomendacje listy — projekt')
    expect(drafts).not.toContain('Rekomendacje listy — opublikowane')
    expect(drafts).toMatch(/\d+ rekomendacj[aei]+: stan: [^,]+, zespół: Zespół testowy/)

    const byName = await get(`/recommendations?team=${encodeURIComponent(bodyName)}&state=published`, { cookie: cookies.member })
    const byNameText = mainText(await byName.text())
    expect(byNameText).toContain('1 rekomendacja: stan:')
    expect(byNameText).toContain('Rekomendacje listy — opublikowane')

    const year = new Date().getFullYear()
    expect(mainText(await (await get(`/recommendations?body=${scene.bodyId}&year=${year}`, { cookie: cookies.member })).text())).toContain(
      'Rekomendacje listy — projekt',
    )
    const otherYear = mainText(await (await get(`/recommendations?body=${scene.bodyId}&year=1999`, { cookie: cookies.member })).text())
    expect(otherYear).toContain('Nie ma rekomendacji spełniających te warunki.')
    expect(otherYear).toContain('0 rekomendacji: zespół: Zespół testowy')
  })

  it('is linked from the site’s navigation', async () => {
    expect(await (await get('/')).text()).toContain('href="/recommendations"')
  })
})
