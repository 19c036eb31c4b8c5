import crypto from 'node:crypto'
import { desc, eq, like } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { baseURL, fileAddress, get, inputValue, location, login, post, textOf } from '#tests/support/http'
import { createAccount, createInvitationScene, createTestOrganisation, createTestPerson } from '#tests/support/invitations'
import { publishedRecommendation } from '#tests/support/published-recommendation'
import { db, schema } from '~/db.server'
import { reissueLink } from '~/models/distribution-recipient.server'
import { sendDistribution } from '~/models/distribution.server'
import { DEFAULT_DISTRIBUTION_SETTINGS } from '~/schemas/distribution'

// A real distribution, sent through the model into the server's database; the personal
// links are read from the outbox, the only place the raw tokens exist.

const rcp = schema.distributionRecipients
const tag = crypto.randomBytes(3).toString('hex')
const TITLE = 'Standardy współpracy OPS i PUP'
const PDF_BYTES = Buffer.from('%PDF-1.7\n% archived publication of the delivery test\n%%EOF\n')

let documentId: number
const recipients = { ours: 0, theirs: 0 }
const tokens = { ours: '', theirs: '' }
const cookies = { ours: '', theirs: '', unattached: '' }

const row = (id: number) => db.select().from(rcp).where(eq(rcp.id, id)).get()!
const reportsOf = (id: number) =>
  db
    .select()
    .from(schema.distributionReports)
    .where(eq(schema.distributionReports.recipientId, id))
    .orderBy(schema.distributionReports.id)
    .all()

/** The personal link in the newest e-mail to a recipient, as the institution receives it. */
function tokenOf(recipientId: number): string {
  const { email } = row(recipientId)
  const message = db
    .select({ text: schema.outbox.text })
    .from(schema.outbox)
    .where(like(schema.outbox.to, `%<${email}>`))
    .orderBy(desc(schema.outbox.id))
    .get()
  const token = /\/delivery\/([A-Za-z0-9_-]{43})/.exec(message?.text ?? '')?.[1]
  if (!token) throw new Error(`no delivery e-mail for recipient ${recipientId}`)
  return token
}

/** A multipart form as a browser sends the report form: with Origin, as from our own page. */
function postMultipart(
  path: string,
  fields: Record<string, string>,
  file?: { name: string; bytes: Buffer; type: string },
  cookie?: string,
) {
  const body = new FormData()
  for (const [name, value] of Object.entries(fields)) body.append(name, value)
  if (file) body.append('file', new Blob([Uint8Array.from(file.bytes)], { type: file.type }), file.name)
  const headers = new Headers({ Origin: baseURL, 'X-Forwarded-For': fileAddress })
  if (cookie) headers.set('Cookie', cookie)
  return fetch(new URL(path, baseURL), { method: 'POST', body, headers, redirect: 'manual' })
}

/**
 * The policy a browser applies: the server's default comes first in the header and the page's
 * own after it, and of a list the browser keeps the last policy it knows.
 */
const referrerPolicy = (response: Response) => response.headers.get('Referrer-Policy')?.split(',').at(-1)?.trim()

const mainOf = (html: string) => html.match(/<main[\s\S]*?<\/main>/)?.[0] ?? ''

beforeAll(async () => {
  const scene = await createInvitationScene()
  documentId = publishedRecommendation({ bodyId: scene.bodyId, bodyName: 'Zespół testowy', meetingId: scene.meetingId } as never, {
    code: `DLV-${tag}`,
    sha256: crypto.createHash('sha256').update(PDF_BYTES).digest('hex'),
  })
  // The archived bytes the publication route serves.
  db.update(schema.documentVersions).set({ pdf: PDF_BYTES }).where(eq(schema.documentVersions.documentId, documentId)).run()
  const ours = createTestOrganisation('OPS Odbiorca', { kind: 'ops', email: `ops-odbiorca-${tag}@test.invalid` })
  const theirs = createTestOrganisation('OPS Inny Odbiorca', { kind: 'ops', email: `ops-inny-${tag}@test.invalid` })
  const sent = sendDistribution({
    documentId,
    target: { kind: ['ops'], voivodeship: [], county: [], municipality: [], include: [ours, theirs], exclude: [] },
    settings: DEFAULT_DISTRIBUTION_SETTINGS,
    actor: { userId: scene.accounts.officer.user.id, ip: null },
    origin: 'http://localhost',
  })
  if (!sent.ok) throw new Error(`sendDistribution: ${sent.error}`)
  const frozen = db
    .select({ id: rcp.id, organisationId: rcp.organisationId })
    .from(rcp)
    .where(eq(rcp.distributionId, sent.distributionId))
    .all()
  recipients.ours = frozen.find((r) => r.organisationId === ours)!.id
  recipients.theirs = frozen.find((r) => r.organisationId === theirs)!.id
  tokens.ours = tokenOf(recipients.ours)
  tokens.theirs = tokenOf(recipients.theirs)
  const ourMember = await createAccount('member', 'Wiesława Odbiorczyni', createTestPerson(ours, 'Wiesława Odbiorczyni'))
  const theirMember = await createAccount('member', 'Hieronim Obcy', createTestPerson(theirs, 'Hieronim Obcy'))
  const unattached = await createAccount('member', 'Bez Instytucji')
  cookies.ours = await login(ourMember.email, ourMember.password)
  cookies.theirs = await login(theirMember.email, theirMember.password)
  cookies.unattached = await login(unattached.email, unattached.password)
})

describe('the personal link, signed out', () => {
  it('shows the recommendations and records the first opening, without a name', async () => {
    expect(row(recipients.ours).firstOpenedAt).toBeNull()
    const response = await get(`/delivery/${tokens.ours}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('Cache-Control')).toContain('no-store')
    // No other site learns the address; the page's own forms still carry their Origin (no-referrer would send null).
    expect(referrerPolicy(response)).toBe('same-origin')
    const main = textOf(mainOf(await response.text()))
    expect(main).toContain(TITLE)
    expect(main).toContain(`ROPS/REK/${documentId}/2031`)
    expect(main).toContain('Zespół testowy')
    expect(main).toContain('Potwierdzam otrzymanie')
    const opened = row(recipients.ours)
    expect(opened.firstOpenedAt).not.toBeNull()
    expect(opened.firstOpenedBy).toBeNull()
    expect(opened.state).toBe('opened')
  })

  it('names no other recipient and links to no team page', async () => {
    const html = mainOf(await (await get(`/delivery/${tokens.ours}`)).text())
    expect(textOf(html)).not.toContain('OPS Inny Odbiorca')
    expect(html).not.toMatch(/href="\/bodies\//)
    expect(html).not.toMatch(/href="\/recommendations\//)
  })

  it('serves the archived publication for the link, and nothing for an unknown one', async () => {
    const response = await get(`/delivery/${tokens.ours}/publication.pdf`)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('application/pdf')
    expect(referrerPolicy(response)).toBe('no-referrer')
    expect(Buffer.from(await response.arrayBuffer()).equals(PDF_BYTES)).toBe(true)
    const unknown = crypto.randomBytes(32).toString('base64url')
    expect((await get(`/delivery/${unknown}/publication.pdf`)).status).toBe(404)
  })

  it('answers 404 to an unknown, a malformed and a revoked link', async () => {
    expect((await get(`/delivery/${crypto.randomBytes(32).toString('base64url')}`)).status).toBe(404)
    expect((await get('/delivery/not-a-token')).status).toBe(404)
    const revoked = tokens.theirs
    expect((await get(`/delivery/${revoked}`)).status).toBe(200)
    const reissued = reissueLink({ id: recipients.theirs, actor: { userId: null, ip: null }, origin: 'http://localhost' })
    expect(reissued).toEqual({ ok: true, mailed: true })
    expect((await get(`/delivery/${revoked}`)).status).toBe(404)
    expect((await get(`/delivery/${revoked}/publication.pdf`)).status).toBe(404)
    expect((await post(`/delivery/${revoked}`, { intent: 'confirm', name: 'Ktoś', position: 'Ktoś' })).status).toBe(404)
    tokens.theirs = tokenOf(recipients.theirs)
    expect(tokens.theirs).not.toBe(revoked)
    expect((await get(`/delivery/${tokens.theirs}`)).status).toBe(200)
  })
})

describe('confirming and reporting through the link', () => {
  const path = () => `/delivery/${tokens.ours}`

  it('refuses a confirmation without a name, in Polish beside the field, the position kept', async () => {
    const response = await post(path(), { intent: 'confirm', name: '', position: 'Kierowniczka ośrodka' })
    expect(response.status).toBe(400)
    const html = await response.text()
    const nameError = /<span class="field__error" id="([^"]*name[^"]*)">([^<]*)<\/span>/.exec(html)
    expect(nameError?.[2]).toBe('To pole jest wymagane.')
    expect(html).toMatch(new RegExp(`<input[^>]*aria-describedby="${nameError![1]}"`))
    expect(inputValue(html, 'position')).toBe('Kierowniczka ośrodka')
    expect(row(recipients.ours).confirmedAt).toBeNull()
  })

  it('confirms once, with the name and the position', async () => {
    const response = await post(path(), { intent: 'confirm', name: 'Wiesława Odbiorczyni', position: 'Kierowniczka ośrodka' })
    expect(response.status).toBe(302)
    expect(location(response)).toBe(path())
    const confirmed = row(recipients.ours)
    expect(confirmed).toMatchObject({
      confirmedByName: 'Wiesława Odbiorczyni',
      confirmedByPosition: 'Kierowniczka ośrodka',
      state: 'confirmed',
    })
    expect(confirmed.confirmedAt).not.toBeNull()
    expect(confirmed.confirmedByUserId).toBeNull()
    const main = textOf(mainOf(await (await get(path())).text()))
    expect(main).toContain('Wiesława Odbiorczyni, Kierowniczka ośrodka')
    expect(main).toContain('Informacja o wdrażaniu')
  })

  it('changes nothing on a second confirmation', async () => {
    const before = row(recipients.ours)
    const response = await post(path(), { intent: 'confirm', name: 'Ktoś Inny', position: 'Inne stanowisko' })
    expect(response.status).toBe(409)
    expect(row(recipients.ours)).toEqual(before)
    // The page says why, beside who confirmed first.
    const main = textOf(mainOf(await response.text()))
    expect(main).toContain('Otrzymanie zostało już potwierdzone.')
    expect(main).toContain('Wiesława Odbiorczyni, Kierowniczka ośrodka')
  })

  it('refuses a report without a status, the text kept', async () => {
    const response = await postMultipart(path(), {
      intent: 'report',
      status: '',
      text: 'Zespół interdyscyplinarny powołany.',
      name: 'W. O.',
    })
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(textOf(html)).toContain('Wybierz stan wdrażania.')
    expect(html).toContain('Zespół interdyscyplinarny powołany.')
    expect(reportsOf(recipients.ours)).toHaveLength(0)
  })

  it('keeps two reports, the second with a file, the last status on the recipient', async () => {
    const first = await postMultipart(path(), {
      intent: 'report',
      status: 'planned',
      text: 'Porozumienie z PUP w przygotowaniu.',
      name: 'Wiesława Odbiorczyni',
      position: 'Kierowniczka ośrodka',
    })
    expect(first.status).toBe(302)
    const file = { name: 'porozumienie.pdf', bytes: Buffer.from('%PDF-1.4\n% porozumienie\n%%EOF\n'), type: 'application/pdf' }
    const second = await postMultipart(
      path(),
      { intent: 'report', status: 'implemented', text: 'Porozumienie podpisane 3 marca.', name: 'Wiesława Odbiorczyni' },
      file,
    )
    expect(second.status).toBe(302)
    const rows = reportsOf(recipients.ours)
    expect(rows.map((r) => [r.status, r.text, r.filedByPosition, r.fileName])).toEqual([
      ['planned', 'Porozumienie z PUP w przygotowaniu.', 'Kierowniczka ośrodka', null],
      ['implemented', 'Porozumienie podpisane 3 marca.', null, 'porozumienie.pdf'],
    ])
    expect(rows[1]!.sizeBytes).toBe(file.bytes.length)
    expect(row(recipients.ours)).toMatchObject({ state: 'reported', lastReportStatus: 'implemented' })
    // The history, newest first.
    const main = textOf(mainOf(await (await get(path())).text()))
    expect(main.indexOf('Porozumienie podpisane 3 marca.')).toBeGreaterThan(-1)
    expect(main.indexOf('Porozumienie podpisane 3 marca.')).toBeLessThan(main.indexOf('Porozumienie z PUP w przygotowaniu.'))
    expect(main).toContain('porozumienie.pdf')
  })

  it('refuses a file of a type it does not keep, beside the file field', async () => {
    const response = await postMultipart(
      path(),
      { intent: 'report', status: 'in_progress', text: 'Skrypt w załączeniu.', name: 'W. O.' },
      { name: 'skrypt.sh', bytes: Buffer.from('#!/bin/sh\necho hi\n'), type: 'text/plain' },
    )
    expect(response.status).toBe(400)
    expect(await response.text()).toMatch(/<span class="field__error" id="delivery-report-file-error">[^<]+<\/span>/)
    expect(reportsOf(recipients.ours)).toHaveLength(2)
  })
})

describe('/inbox', () => {
  it('lists the delivery to the member of the recipient institution, who opens it there', async () => {
    const inbox = await get('/inbox', { cookie: cookies.ours })
    expect(inbox.status).toBe(200)
    const html = await inbox.text()
    expect(html).toContain(`href="/inbox/${recipients.ours}"`)
    expect(textOf(mainOf(html))).toContain(TITLE)
    // The institution sees at a glance how far it has reported.
    expect(textOf(mainOf(html))).toMatch(/Ostatnia informacja o wdrażaniu: [^.]+\./)
    expect(html).not.toContain(`href="/inbox/${recipients.theirs}"`)
    const page = await get(`/inbox/${recipients.ours}`, { cookie: cookies.ours })
    expect(page.status).toBe(200)
    expect(referrerPolicy(page)).toBe('same-origin')
    expect(textOf(mainOf(await page.text()))).toContain('Porozumienie podpisane 3 marca.')
  })

  it('keeps the first opening when the member opens the delivery later from /inbox', async () => {
    const before = row(recipients.theirs) // opened through the link, signed out, above
    expect(before.firstOpenedAt).not.toBeNull()
    expect((await get(`/inbox/${recipients.theirs}`, { cookie: cookies.theirs })).status).toBe(200)
    expect(row(recipients.theirs)).toMatchObject({ firstOpenedAt: before.firstOpenedAt, firstOpenedBy: null })
  })

  it('answers 404 to a member of another institution, and sends a visitor to sign in', async () => {
    expect((await get(`/inbox/${recipients.ours}`, { cookie: cookies.theirs })).status).toBe(404)
    expect((await get(`/inbox/${recipients.ours}`, { cookie: cookies.unattached })).status).toBe(404)
    expect(
      (await post(`/inbox/${recipients.ours}`, { intent: 'confirm', name: 'X', position: 'Y' }, { cookie: cookies.theirs })).status,
    ).toBe(404)
    expect((await get(`/inbox/${recipients.ours}/publication.pdf`, { cookie: cookies.theirs })).status).toBe(404)
    expect(location(await get('/inbox'))).toBe('/login?redirectTo=%2Finbox')
  })

  it('lets the member confirm in their own name from /inbox', async () => {
    const response = await post(
      `/inbox/${recipients.theirs}`,
      { intent: 'confirm', name: 'Hieronim Obcy', position: 'Dyrektor' },
      { cookie: cookies.theirs },
    )
    expect(response.status).toBe(302)
    expect(row(recipients.theirs)).toMatchObject({ confirmedByName: 'Hieronim Obcy', state: 'confirmed' })
    expect(row(recipients.theirs).confirmedByUserId).not.toBeNull()
  })

  it('explains itself to a user without an institution', async () => {
    const response = await get('/inbox', { cookie: cookies.unattached })
    expect(response.status).toBe(200)
    expect(textOf(mainOf(await response.text()))).toContain('nie jest powiązane z instytucją')
  })
})
