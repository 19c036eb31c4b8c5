import crypto from 'node:crypto'
import { inject } from 'vitest'

/** The test server, e.g. http://localhost:41234 (tests/support/global-setup/server.ts). */
export const baseURL = inject('baseURL')

/**
 * The server throttles sign-ins per e-mail and per client address, and every test comes
 * from 127.0.0.1. It trusts X-Forwarded-For from loopback, so each test file (and each
 * login) claims an address of its own and nobody locks anybody else out.
 */
export function uniqueAddress(): string {
  const [a, b, c] = crypto.randomBytes(3)
  return `10.${a}.${b}.${Math.max(1, c! % 255)}`
}

/** This test file's client address, used when a request names none. */
export const fileAddress = uniqueAddress()

export type RequestOptions = {
  /** A Cookie header, e.g. what `login` returns. */
  cookie?: string
  /** The page the request claims to come from; a browser sends its own origin. `null` sends none. */
  origin?: string | null
  /** The client address sent as X-Forwarded-For (default: this file's own). */
  ip?: string
  headers?: Record<string, string>
}

function headersFor({ cookie, ip, headers }: RequestOptions): Headers {
  const result = new Headers(headers)
  result.set('X-Forwarded-For', ip ?? fileAddress)
  if (cookie) result.set('Cookie', cookie)
  return result
}

/** A GET that does not follow redirects: the test sees the 302/303 itself. */
export function get(path: string, options: RequestOptions = {}): Promise<Response> {
  return fetch(new URL(path, baseURL), { headers: headersFor(options), redirect: 'manual' })
}

/** A form POST as a browser sends it: urlencoded, with `Origin: <baseURL>` unless told otherwise. */
export function post(path: string, form: Record<string, string> | URLSearchParams, options: RequestOptions = {}): Promise<Response> {
  const headers = headersFor(options)
  const origin = options.origin === undefined ? baseURL : options.origin
  if (origin !== null) headers.set('Origin', origin)
  const body = form instanceof URLSearchParams ? form : new URLSearchParams(form)
  return fetch(new URL(path, baseURL), { method: 'POST', headers, body, redirect: 'manual' })
}

/** The `name=value` pairs of every Set-Cookie, ready to send back as a Cookie header. */
export function cookieHeader(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';', 1)[0]!)
    .join('; ')
}

/** The whole Set-Cookie header of one cookie, attributes included. */
export function setCookie(response: Response, name: string): string | undefined {
  return response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${name}=`))
}

/** Signs in through POST /login and returns the Cookie header of the new session. */
export async function login(email: string, password: string, options: { ip?: string } = {}): Promise<string> {
  const response = await post('/login', { email, password, redirectTo: '/' }, { ip: options.ip ?? uniqueAddress() })
  const cookie = setCookie(response, 'narada_session')
  if (response.status !== 303 || !cookie) {
    throw new Error(`Signing in as ${email} failed: HTTP ${response.status}${cookie ? '' : ', no session cookie'}`)
  }
  return cookie.split(';', 1)[0]!
}

/** Where a redirect points, as a path with its query (`/login?redirectTo=%2Faccount`). */
export function location(response: Response): string | null {
  const value = response.headers.get('Location')
  if (value === null) return null
  const url = new URL(value, baseURL)
  return url.origin === new URL(baseURL).origin ? `${url.pathname}${url.search}` : url.href
}

/** The value attribute of the first <input name="…"> in a page, decoded; undefined if none. */
export function inputValue(html: string, name: string): string | undefined {
  const tag = html.match(new RegExp(`<input\\b[^>]*\\bname="${name}"[^>]*>`))?.[0]
  if (!tag) return undefined
  const value = tag.match(/\bvalue="([^"]*)"/)?.[1]
  return value === undefined ? '' : decodeEntities(value)
}

/** Every hidden field of a page, decoded and in order, as a form would send them again. */
export function hiddenFields(html: string): URLSearchParams {
  const fields = new URLSearchParams()
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
    fields.append(decodeEntities(match[1]!), decodeEntities(match[2]!))
  return fields
}

/** Visible text of a page fragment: tags removed, entities decoded, spaces collapsed. */
export function textOf(html: string): string {
  return decodeEntities(html.replace(/<script\b[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim()
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}
