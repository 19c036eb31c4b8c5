import http from 'node:http'
import { describe, expect, it } from 'vitest'
import { baseURL, fileAddress, get, inputValue, login, textOf, uniqueAddress } from '#tests/support/http'
import { createInvitationScene } from '#tests/support/invitations'
import { sampleFiles } from '#tests/support/zip'

type Answer = { status: number; headers: http.IncomingHttpHeaders; html: string; bytesSent: number }

/**
 * A POST written as a client would, its body in chunks; the answer is taken as soon as it
 * comes, even while the body is still being written (the server may stop reading it).
 */
function send(
  path: string,
  headers: Record<string, string>,
  body: { head?: Buffer; chunk: Buffer; times: number; hold?: boolean },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let bytesSent = 0
    let answered = false
    // The path goes out as written, not resolved against the site's address as a URL would be.
    const request = http.request(baseURL, { method: 'POST', path, headers: { 'X-Forwarded-For': fileAddress, ...headers } })
    request.on('response', (response) => {
      answered = true
      let html = ''
      response.setEncoding('utf8')
      response.on('data', (text: string) => (html += text))
      response.on('end', () => {
        request.destroy()
        resolve({ status: response.statusCode!, headers: response.headers, html, bytesSent })
      })
      response.on('error', reject)
    })
    // Once the answer is in, a connection closed under the rest of the body is expected.
    request.on('error', (error) => {
      if (!answered) reject(error)
    })
    const write = (left: number) => {
      if (answered) return void request.end()
      // `hold`: the rest of the declared body never comes; only a server that did not wait for it answers.
      if (left === 0) return body.hold ? undefined : void request.end()
      bytesSent += body.chunk.length
      if (request.write(body.chunk)) setImmediate(() => write(left - 1))
      else request.once('drain', () => write(left - 1))
    }
    if (body.head) {
      bytesSent += body.head.length
      request.write(body.head)
    }
    write(body.times)
  })
}

const MB = 1024 * 1024
const urlencoded = 'application/x-www-form-urlencoded'
const filler = Buffer.alloc(64 * 1024, 'a')

function expectTooLargePage(answer: Answer, backTo = '/login') {
  expect(answer.status).toBe(413)
  expect(answer.headers['content-type']).toBe('text/html; charset=utf-8')
  expect(answer.headers.connection).toBe('close')
  expect(answer.html).toMatch(/^<!DOCTYPE html>\n<html lang="pl">/)
  expect(textOf(answer.html)).toContain('Przesłane dane są zbyt duże')
  expect(answer.html).toContain(`<a href="${backTo}">Wróć do formularza</a>`)
}

describe('request bodies', () => {
  it('refuses a 20 MB form to /login with a Polish 413 page, without reading it', async () => {
    const answer = await send(
      '/login',
      { 'Content-Type': urlencoded, 'Content-Length': String(20 * MB) },
      { chunk: filler, times: 1, hold: true },
    )
    expectTooLargePage(answer)
    expect(answer.bytesSent).toBe(filler.length)
  })

  it('refuses a chunked form or JSON body as soon as it passes 1 MB', async () => {
    for (const contentType of [urlencoded, 'application/json', 'text/plain']) {
      // 2 MB, then the body never ends: only a server that stopped at 1 MB answers at all.
      const answer = await send(
        '/login',
        { 'Content-Type': contentType, 'Transfer-Encoding': 'chunked' },
        { chunk: filler, times: 32, hold: true },
      )
      expectTooLargePage(answer)
    }
  })

  it('still reads a small chunked form whole', async () => {
    const body = Buffer.from(new URLSearchParams({ email: 'nikt@example.pl', password: 'złe hasło' }).toString())
    const answer = await send(
      '/login',
      { 'Content-Type': urlencoded, 'Transfer-Encoding': 'chunked', 'X-Forwarded-For': uniqueAddress() },
      { chunk: body, times: 1 },
    )
    expect(answer.status).toBe(401)
    expect(inputValue(answer.html, 'email')).toBe('nikt@example.pl')
  })

  it('refuses a big multipart body to a page that takes no files', async () => {
    const answer = await send(
      '/login',
      { 'Content-Type': 'multipart/form-data; boundary=XX', 'Content-Length': String(2 * MB) },
      { chunk: filler, times: 32 },
    )
    expectTooLargePage(answer)
  })

  it('links back only to a path of this site', async () => {
    const answer = await send(
      '/\\evil.example',
      { 'Content-Type': urlencoded, 'Content-Length': String(20 * MB) },
      { chunk: filler, times: 1, hold: true },
    )
    expectTooLargePage(answer, '/')
    expect(answer.html).not.toContain('evil.example')
  })

  it('refuses a chunked upload to /verify as soon as it passes the biggest file and 1 MB of text', async () => {
    // A part the page does not read as the file: only the limit on the whole body stops it.
    const head = Buffer.from('--XX\r\nContent-Disposition: form-data; name="other"; filename="a.pdf"\r\n\r\n')
    const answer = await send(
      '/verify',
      { 'Content-Type': 'multipart/form-data; boundary=XX', 'Transfer-Encoding': 'chunked', Origin: baseURL },
      // 52 MB (the limit is MAX_UPLOAD_MB + 1 = 51 MB), then the body never ends: the page would
      // wait for its end, so only the limit answers.
      { head, chunk: filler, times: 52 * 16, hold: true },
    )
    expectTooLargePage(answer, '/verify')
  })

  it('answers 400 to a malformed multipart body sent to /verify', async () => {
    const cut = Buffer.from('--XX\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.7 bez końca')
    const answer = await send('/verify', { 'Content-Type': 'multipart/form-data; boundary=XX', Origin: baseURL }, { chunk: cut, times: 1 })
    expect(answer.status).toBe(400)
    const broken = await send('/verify', { 'Content-Type': 'multipart/form-data', Origin: baseURL }, { chunk: cut, times: 1 })
    expect(broken.status).toBe(400)
  })

  it('answers 413 to a text field over 64 KB sent to /verify, on a connection that stays usable', async () => {
    const form = new FormData()
    form.append('note', 'x'.repeat(64 * 1024 + 1))
    form.append('file', new Blob([Uint8Array.from(sampleFiles.pdf())], { type: 'application/pdf' }), 'a.pdf')
    const response = await fetch(new URL('/verify', baseURL), {
      method: 'POST',
      body: form,
      headers: { Origin: baseURL, 'X-Forwarded-For': fileAddress },
    })
    expect(response.status).toBe(413)
    expect(textOf(await response.text())).toContain('Przesłane dane są zbyt duże')
  })

  it.each([
    ['Raport v=2.pdf', 'Raport v=2.pdf', `filename="Raport v=2.pdf"; filename*=UTF-8''Raport%20v%3D2.pdf`],
    ['Raport; wersja 2.pdf', 'Raport; wersja 2.pdf', `filename="Raport; wersja 2.pdf"; filename*=UTF-8''Raport%3B%20wersja%202.pdf`],
    ['100% #1 ?.pdf', '100% #1 ?.pdf', `filename="100_ #1 ?.pdf"; filename*=UTF-8''100%25%20%231%20%3F.pdf`],
    ['poly.html', 'poly.pdf', `filename="poly.pdf"; filename*=UTF-8''poly.pdf`],
  ])('takes a presentation sent as %j from the convenor and gives it back as %j', async (sent, kept, disposition) => {
    const scene = await createInvitationScene()
    const cookie = await login(scene.accounts.officer.email, scene.accounts.officer.password)
    const pagePath = `/meetings/${scene.meetingId}/presentations`
    const pdf = sampleFiles.pdf()
    const form = new FormData()
    form.append('intent', 'upload')
    form.append('title', 'Raport z wersją 2')
    form.append('visibility', 'members')
    form.append('file', new Blob([Uint8Array.from(pdf)], { type: 'application/pdf' }), sent)
    const response = await fetch(new URL(pagePath, baseURL), {
      method: 'POST',
      body: form,
      redirect: 'manual',
      headers: { Origin: baseURL, Cookie: cookie, 'X-Forwarded-For': fileAddress },
    })
    expect(response.status).toBe(302)
    const html = await (await get(pagePath, { cookie })).text()
    expect(textOf(html)).toContain(`wersja 1: ${kept}`)
    const link = html.match(/href="(\/presentations\/[^"]+)"/)?.[1]?.replace(/&amp;/g, '&')
    expect(link).toMatch(/^\/presentations\/\d+\/[^/?]+$/)
    expect(decodeURIComponent(link!.split('/')[3]!)).toBe(kept)
    const file = await get(link!, { cookie })
    expect(file.status).toBe(200)
    expect(file.headers.get('Content-Type')).toBe('application/pdf')
    expect(file.headers.get('Content-Disposition')).toBe(`attachment; ${disposition}`)
    expect(Buffer.from(await file.arrayBuffer()).equals(pdf)).toBe(true)
  })

  it('keeps answering after all of that', async () => {
    expect((await get('/healthz')).status).toBe(200)
  })
})
