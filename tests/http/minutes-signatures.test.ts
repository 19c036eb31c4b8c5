import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { get, login, post } from '#tests/support/http'
import { createInvitationScene } from '#tests/support/invitations'
import { pageTexts, pdfFile, squash } from '#tests/support/pdf'
import { getMinutes } from '~/models/minutes.server'

// The signature lines as the PDF's reader sees them (pdftotext), in each state the minutes reach:
// the same room to sign in each, „(podpis)” printed under each line.

type Scene = Awaited<ReturnType<typeof createInvitationScene>>
const files: { remove(): void }[] = []
afterAll(() => files.forEach((file) => file.remove()))

let scene: Scene
let officer: string
let path: string
const revision = () => String(getMinutes({ meetingId: scene.meetingId })!.revision)

async function pdfText() {
  const response = await get(`${path}.pdf`, { cookie: officer, headers: { 'Accept-Encoding': 'identity' } })
  expect(response.status).toBe(200)
  const file = pdfFile(Buffer.from(await response.arrayBuffer()))
  files.push(file)
  return squash(pageTexts(file.file).join(' '))
}

beforeAll(async () => {
  scene = await createInvitationScene()
  officer = await login(scene.accounts.officer.email, scene.accounts.officer.password)
  path = `/meetings/${scene.meetingId}/minutes`
  expect((await post(path, { intent: 'start' }, { cookie: officer })).status).toBe(302)
})

describe('the signature lines of the minutes PDF', () => {
  it('leaves the approver to be filled in on the draft', async () => {
    const text = await pdfText()
    expect(text).toContain('PROJEKT')
    expect(text).toMatch(/Sporządził\(a\): Gizela Prowadząca \(podpis\) Zatwierdził\(a\): \(podpis\) Strona 1 z 1$/)
  })

  it('names the approver and the day once approved', async () => {
    const approved = await post(
      path,
      { intent: 'approve', revision: revision(), approvedBy: 'Zespół na spotkaniu nr 2', approvedOn: '2031-06-20' },
      { cookie: officer },
    )
    expect(approved.status).toBe(302)
    const text = await pdfText()
    expect(text).not.toContain('PROJEKT')
    expect(text).toContain('Sporządził(a): Gizela Prowadząca (podpis) Zatwierdził(a): Zespół na spotkaniu nr 2, 20.06.2031 r. (podpis)')
  })

  it('keeps them on the published PDF, above its verification block', async () => {
    const published = await post(path, { intent: 'publish', revision: revision(), visibility: 'members' }, { cookie: officer })
    expect(published.status).toBe(302)
    const text = await pdfText()
    expect(text).toMatch(
      /Sporządził\(a\): Gizela Prowadząca \(podpis\) Zatwierdził\(a\): Zespół na spotkaniu nr 2, 20\.06\.2031 r\. \(podpis\) Weryfikacja dokumentu Kod weryfikacyjny: [0-9A-Z]{12}/,
    )
  })
})
