import fs from 'node:fs'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, inject, it, vi } from 'vitest'
import { baseURL, fileAddress, get, location, login, textOf } from '#tests/support/http'
import { createInvitationScene } from '#tests/support/invitations'
import { sampleFiles } from '#tests/support/zip'
import { db, schema } from '~/db.server'

type Scene = Awaited<ReturnType<typeof createInvitationScene>>
const uploadsDir = inject('serverUploadsDir')
const POLISH_NAME = 'Prezentacja MOPS – Łódź.pdf'

let scene: Scene
let pagePath: string
const cookies: Record<'convenor' | 'member' | 'outsider', string> = { convenor: '', member: '', outsider: '' }

beforeAll(async () => {
  scene = await createInvitationScene()
  pagePath = `/meetings/${scene.meetingId}/presentations`
  cookies.convenor = await login(scene.accounts.officer.email, scene.accounts.officer.password)
  cookies.member = await login(scene.accounts.member.email, scene.accounts.member.password)
  cookies.outsider = await login(scene.accounts.outsider.email, scene.accounts.outsider.password)
})

const uploadsListing = () => (fs.existsSync(uploadsDir) ? fs.readdirSync(uploadsDir).sort() : [])

function upload(fields: Record<string, string>, file: { name: string; bytes: Buffer; type?: string }, cookie = cookies.convenor) {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  form.append('file', new Blob([Uint8Array.from(file.bytes)], { type: file.type ?? 'application/pdf' }), file.name)
  return fetch(new URL(pagePath, baseURL), {
    method: 'POST',
    body: form,
    redirect: 'manual',
    headers: { Origin: baseURL, Cookie: cookie, 'X-Forwarded-For': fileAddress },
  })
}

/** The download links of the presentations page, by the text of their table row. */
async function downloadLinks(cookie?: string): Promise<string[]> {
  const html = await (await get(pagePath, { cookie })).text()
  return [...html.matchAll(/href="(\/presentations\/[^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'))
}

describe('presentations', () => {
  let downloadPath: string

  it('lets the convenor upload a PDF with a Polish name and everyone in the team download it byte for byte', async () => {
    const pdf = sampleFiles.pdf()
    const response = await upload(
      {
        intent: 'upload',
        title: 'Oferta MOPS dla osób bezrobotnych',
        visibility: 'members',
        presenterPersonId: String(scene.people.mopsDelegate),
      },
      { name: POLISH_NAME, bytes: pdf },
    )
    expect(response.status).toBe(302)
    expect(location(response)).toBe(pagePath)

    const html = await (await get(pagePath, { cookie: cookies.member })).text()
    expect(textOf(html)).toContain('Oferta MOPS dla osób bezrobotnych')
    expect(textOf(html)).toContain(`wersja 1: ${POLISH_NAME}`)
    const links = await downloadLinks(cookies.member)
    expect(links).toHaveLength(1)
    downloadPath = links[0]!
    expect(decodeURIComponent(downloadPath)).toMatch(new RegExp(`^/presentations/\\d+/${POLISH_NAME}$`))

    const file = await get(downloadPath, { cookie: cookies.member })
    expect(file.status).toBe(200)
    expect(file.headers.get('Content-Type')).toBe('application/pdf')
    expect(file.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(file.headers.get('Content-Length')).toBe(String(pdf.length))
    expect(file.headers.get('Content-Disposition')).toBe(
      `attachment; filename="Prezentacja MOPS _ Lodz.pdf"; filename*=UTF-8''Prezentacja%20MOPS%20%E2%80%93%20%C5%81%C3%B3d%C5%BA.pdf`,
    )
    expect(Buffer.from(await file.arrayBuffer()).equals(pdf)).toBe(true)
  })

  it('answers 404 to a member of another team, a signed-out visitor and a wrong file name', async () => {
    expect((await get(downloadPath, { cookie: cookies.outsider })).status).toBe(404)
    expect((await get(downloadPath)).status).toBe(404)
    expect((await get(pagePath)).status).toBe(404)
    expect((await get(pagePath, { cookie: cookies.outsider })).status).toBe(404)
    expect((await get(downloadPath.replace(/[^/]+$/, 'inny.pdf'), { cookie: cookies.member })).status).toBe(404)
    expect((await get(`${downloadPath}?version=2`, { cookie: cookies.member })).status).toBe(404)
  })

  it('lets only the convenor upload: a member gets 404 and nothing is stored', async () => {
    const before = uploadsListing()
    const response = await upload({ intent: 'upload', title: 'Nie wolno' }, { name: 'x.pdf', bytes: sampleFiles.pdf() }, cookies.member)
    expect(response.status).toBe(404)
    expect(uploadsListing()).toEqual(before)
  })

  it('keeps version 1 when the convenor replaces the file', async () => {
    const presentationId = downloadPath.split('/')[2]!
    const pptx = sampleFiles.pptx()
    const response = await upload(
      { intent: 'replace', presentationId },
      { name: 'Prezentacja MOPS – wersja 2.pptx', bytes: pptx, type: 'application/octet-stream' },
    )
    expect(response.status).toBe(302)
    const links = await downloadLinks(cookies.member)
    expect(links.map(decodeURIComponent)).toEqual([
      `/presentations/${presentationId}/Prezentacja MOPS – wersja 2.pptx`,
      `/presentations/${presentationId}/${POLISH_NAME}?version=1`,
    ])
    const latest = await get(links[0]!, { cookie: cookies.member })
    expect(latest.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation')
    expect(Buffer.from(await latest.arrayBuffer()).equals(pptx)).toBe(true)
    const first = await get(links[1]!, { cookie: cookies.member })
    expect(Buffer.from(await first.arrayBuffer()).equals(sampleFiles.pdf())).toBe(true)
  })

  it.each([
    ['a renamed executable', { name: 'Prezentacja.pdf', bytes: sampleFiles.exe() }, 'Niedozwolony rodzaj pliku.'],
    ['a text file called .pdf', { name: 'notatka.pdf', bytes: Buffer.from('To nie jest PDF.\n') }, 'Niedozwolony rodzaj pliku.'],
    ['an empty file', { name: 'pusty.pdf', bytes: Buffer.alloc(0) }, 'Plik jest pusty.'],
  ])('refuses %s with a Polish message next to the file field, keeping the title and storing nothing', async (_, file, message) => {
    const before = uploadsListing()
    const response = await upload({ intent: 'upload', title: 'Plik podejrzany', visibility: 'members' }, file)
    expect(response.status).toBe(400)
    const html = await response.text()
    const fileField = html.match(/<input[^>]*id="presentation-file"[\s\S]*?<\/div>/)?.[0] ?? ''
    expect(textOf(fileField)).toContain(message)
    expect(html).toMatch(/<input[^>]*name="title"[^>]*value="Plik podejrzany"/)
    expect(uploadsListing()).toEqual(before)
    const links = await downloadLinks(cookies.member)
    expect(links.some((l) => decodeURIComponent(l).includes(file.name))).toBe(false)
  })

  it('shows a signed-out visitor of a public meeting only the public files', async () => {
    db.update(schema.bodies).set({ isPublic: true }).where(eq(schema.bodies.id, scene.bodyId)).run()
    db.update(schema.meetings).set({ isPublic: true }).where(eq(schema.meetings.id, scene.meetingId)).run()
    try {
      const response = await upload(
        { intent: 'upload', title: 'Program publiczny', visibility: 'public' },
        { name: 'Program – publiczny.png', bytes: sampleFiles.png(), type: 'image/png' },
      )
      expect(response.status).toBe(302)
      const page = await get(pagePath)
      expect(page.status).toBe(200)
      const text = textOf(await page.text())
      expect(text).toContain('Program publiczny')
      expect(text).not.toContain('Oferta MOPS dla osób bezrobotnych')
      const links = await downloadLinks()
      expect(links.map(decodeURIComponent)).toEqual([expect.stringMatching(/\/Program – publiczny\.png$/)])
      const file = await get(links[0]!)
      expect(file.status).toBe(200)
      expect(file.headers.get('Content-Type')).toBe('image/png')
      expect(Buffer.from(await file.arrayBuffer()).equals(sampleFiles.png())).toBe(true)
      // The members-only file stays hidden from the visitor, as if it did not exist.
      expect((await get(downloadPath)).status).toBe(404)
      expect((await get(downloadPath, { cookie: cookies.outsider })).status).toBe(404)
    } finally {
      db.update(schema.meetings).set({ isPublic: false }).where(eq(schema.meetings.id, scene.meetingId)).run()
    }
  })

  it('leaves nothing in the uploads folder when the upload breaks off mid-way', async () => {
    const before = uploadsListing()
    const boundary = '----narada-test-boundary'
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nupload\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nPrzerwana\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="przerwana.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    )
    let fail: (reason: Error) => void = () => {}
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(head)
        controller.enqueue(sampleFiles.pdf())
        controller.enqueue(Buffer.alloc(256 * 1024, 0x20))
        fail = (reason) => controller.error(reason)
      },
    })
    const request = fetch(new URL(pagePath, baseURL), {
      method: 'POST',
      body,
      duplex: 'half',
      redirect: 'manual',
      headers: {
        Origin: baseURL,
        Cookie: cookies.convenor,
        'X-Forwarded-For': fileAddress,
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
      },
    } as RequestInit)
    const outcome = request.then(
      () => 'answered',
      () => 'broken',
    )
    // The server is writing the file: its temp file is there…
    await vi.waitFor(() => expect(uploadsListing().filter((f) => f.endsWith('.tmp'))).toHaveLength(1), { timeout: 20_000, interval: 50 })
    fail(new Error('the client went away'))
    expect(await outcome).toBe('broken')
    // …and once the connection is gone, it is removed, and nothing else is left.
    await vi.waitFor(() => expect(uploadsListing()).toEqual(before), { timeout: 20_000, interval: 50 })
  })
})
