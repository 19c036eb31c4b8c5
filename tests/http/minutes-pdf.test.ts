import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseURL, get, login } from '#tests/support/http'
import { pageTexts, pdfFile, pdfFonts, qpdfCheck, squash } from '#tests/support/pdf'
import type { MinutesScene } from '#tests/support/published-minutes'

type Who = 'visitor' | 'otherTeam' | 'member' | 'officer'
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')
const files: { remove(): void }[] = []
afterAll(() => files.forEach((file) => file.remove()))

/** Three teams of their own: public minutes published, members-only minutes published, a draft. */
let scenes: { open: MinutesScene; closed: MinutesScene; draft: MinutesScene }
let versions: { open: { code: string; pdfSha256: string; number: number }; closed: { code: string; pdfSha256: string; number: number } }
const cookies: Record<Exclude<Who, 'visitor'>, Record<keyof typeof scenes, string>> = {
  otherTeam: {} as never,
  member: {} as never,
  officer: {} as never,
}

beforeAll(async () => {
  const { createMinutesScene, publishSceneMinutes } = await import('#tests/support/published-minutes')
  scenes = { open: await createMinutesScene({ open: true }), closed: await createMinutesScene(), draft: await createMinutesScene() }
  versions = {
    open: await publishSceneMinutes(scenes.open, { visibility: 'public', origin: baseURL }),
    closed: await publishSceneMinutes(scenes.closed, { visibility: 'members', origin: baseURL }),
  }
  for (const [key, scene] of Object.entries(scenes) as [keyof typeof scenes, MinutesScene][]) {
    cookies.otherTeam[key] = await login(scene.accounts.outsider.email, scene.accounts.outsider.password)
    cookies.member[key] = await login(scene.accounts.member.email, scene.accounts.member.password)
    cookies.officer[key] = await login(scene.accounts.officer.email, scene.accounts.officer.password)
  }
})

async function download(key: keyof typeof scenes, who: Who) {
  const cookie = who === 'visitor' ? undefined : cookies[who][key]
  const response = await get(`/meetings/${scenes[key].meetingId}/minutes.pdf`, { cookie, headers: { 'Accept-Encoding': 'identity' } })
  return { response, bytes: Buffer.from(await response.arrayBuffer()) }
}

function readPdf(bytes: Buffer) {
  const file = pdfFile(bytes)
  files.push(file)
  const check = qpdfCheck(file.file)
  expect(check.stderr).toBe('')
  expect(check.status).toBe(0)
  for (const font of pdfFonts(file.file)) expect(font, font.name).toMatchObject({ embedded: true })
  return squash(pageTexts(file.file).join(' '))
}

describe('/meetings/:id/minutes.pdf', () => {
  it('gives a signed-out visitor the published public version, byte for byte the one whose SHA-256 was recorded', async () => {
    const { response, bytes } = await download('open', 'visitor')
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('application/pdf')
    expect(response.headers.get('Content-Disposition')).toBe(
      `inline; filename="notatka-ze-spotkania-nr-1.pdf"; filename*=UTF-8''notatka-ze-spotkania-nr-1.pdf`,
    )
    expect(Number(response.headers.get('Content-Length'))).toBe(bytes.byteLength)
    expect(response.headers.get('Cache-Control')).toMatch(/^public/)
    expect(sha256(bytes)).toBe(versions.open.pdfSha256)
    const text = readPdf(bytes)
    expect(text).toContain('Notatka ze spotkania nr 1')
    expect(text).toContain(scenes.open.bodyName)
    expect(text).toContain('w dniu 16.05.2031 r.')
    expect(text).toContain('Miejski Ośrodek Pomocy Społecznej w Wodzisławiu Śląskim')
    expect(text).toContain('Zażółć gęślą jaźń')
    expect(text).toContain(`Kod weryfikacyjny: ${versions.open.code}`)
    expect(text).toContain(`${baseURL}/verify/${versions.open.code}`)
    expect(text).not.toContain('PROJEKT')
  })

  it('gives everyone who may read the same published bytes', async () => {
    for (const who of ['otherTeam', 'member', 'officer'] as const) {
      const { response, bytes } = await download('open', who)
      expect(response.status, who).toBe(200)
      expect(sha256(bytes), who).toBe(versions.open.pdfSha256)
    }
  })

  it('keeps members-only minutes to the team: 404 signed out and for another team, the published bytes for its members', async () => {
    for (const who of ['visitor', 'otherTeam'] as const) {
      const { response, bytes } = await download('closed', who)
      expect(response.status, who).toBe(404)
      expect(response.headers.get('Content-Type'), who).not.toBe('application/pdf')
      expect(bytes.toString('utf8'), who).not.toContain(scenes.closed.bodyName)
    }
    for (const who of ['member', 'officer'] as const) {
      const { response, bytes } = await download('closed', who)
      expect(response.status, who).toBe(200)
      expect(response.headers.get('Cache-Control'), who).toBe('private, no-store')
      expect(sha256(bytes), who).toBe(versions.closed.pdfSha256)
    }
  })

  it('shows draft minutes, marked PROJEKT, to the team only: 404 signed out and for another team', async () => {
    for (const who of ['visitor', 'otherTeam'] as const) {
      const { response } = await download('draft', who)
      expect(response.status, who).toBe(404)
      expect(response.headers.get('Content-Type'), who).not.toBe('application/pdf')
    }
    for (const who of ['member', 'officer'] as const) {
      const { response, bytes } = await download('draft', who)
      expect(response.status, who).toBe(200)
      expect(response.headers.get('Cache-Control'), who).toBe('private, no-store')
      const text = readPdf(bytes)
      expect(text).toContain('PROJEKT')
      expect(text).toContain('Notatka ze spotkania nr 1')
      expect(text).not.toContain('Kod weryfikacyjny')
    }
  })

  it('answers 404 for a meeting without minutes and for ids that are not ids', async () => {
    const { createTestMeeting } = await import('#tests/support/invitations')
    const meetingId = createTestMeeting(scenes.draft.bodyId, { startsAt: '2031-09-01T10:00', endsAt: '2031-09-01T12:00' })
    expect((await get(`/meetings/${meetingId}/minutes.pdf`, { cookie: cookies.officer.draft })).status).toBe(404)
    expect((await get('/meetings/0/minutes.pdf', { cookie: cookies.officer.draft })).status).toBe(404)
    expect((await get('/meetings/abc/minutes.pdf')).status).toBe(404)
  })
})
