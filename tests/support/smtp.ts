import type { AddressInfo } from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export type TestSmtpServer = {
  /** `smtp://user:pass@127.0.0.1:<port>`, ready for SMTP_URL. */
  url: string
  /** Every message received so far, parsed, in order of arrival. */
  messages: ParsedMail[]
  /** The envelope recipients of each message, in the same order. */
  recipients: string[][]
  /** The user names that signed in. */
  logins: string[]
  close(): Promise<void>
}

/**
 * A real SMTP server on a free loopback port that requires the given credentials and
 * keeps what it receives. The server answers the DATA command only after the message
 * is parsed, so once the sender's call has returned, the message is in `messages`.
 */
export async function startSmtpServer({ user = 'narada', pass = 'sekret-hasło' } = {}): Promise<TestSmtpServer> {
  const messages: ParsedMail[] = []
  const recipients: string[][] = []
  const logins: string[] = []
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username !== user || auth.password !== pass) return callback(new Error('Invalid username or password'))
      logins.push(auth.username)
      callback(null, { user: auth.username })
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          messages.push(parsed)
          recipients.push(session.envelope.rcptTo.map((r) => r.address))
          callback()
        },
        (error: Error) => callback(error),
      )
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.server.address() as AddressInfo
  return {
    url: `smtp://${encodeURIComponent(user)}:${encodeURIComponent(pass)}@127.0.0.1:${port}`,
    messages,
    recipients,
    logins,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
