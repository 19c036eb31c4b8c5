import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  createInvitationScene,
  createTestBody,
  createTestMeeting,
  createTestOrganisation,
  createTestPerson,
  seat,
} from '#tests/support/invitations'
import { startSmtpServer, type TestSmtpServer } from '#tests/support/smtp'
import { translator } from '~/i18n/messages'
import { circulatedNotice, circulateMinutes, circulationRecipients } from './minutes-cycle.server'
import { getMinutes, startMinutes } from './minutes.server'

const t = translator('pl')
const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600 * 1000)

async function circulate(meetingId: number, userId: number | null) {
  const actor = { userId, ip: null }
  startMinutes({ meetingId, actor })
  const { revision } = getMinutes({ meetingId })!
  const result = await circulateMinutes({ meetingId, commentsDueAt: inAWeek(), baseRevision: revision, actor, origin: 'http://localhost' })
  if (!result.ok) throw new Error(result.error)
  return {
    result,
    notice: circulatedNotice(result, 'pl')
      .map(({ key, params }) => t(key, params))
      .join(' '),
  }
}

describe('circulating minutes through a real SMTP server', () => {
  let smtp: TestSmtpServer
  beforeAll(async () => {
    smtp = await startSmtpServer()
  })
  afterEach(() => {
    delete process.env.SMTP_URL
  })
  afterAll(async () => {
    await smtp?.close()
  })

  it('names the people without an e-mail address beforehand, and says afterwards how many were e-mailed', async () => {
    const scene = await createInvitationScene()
    const ohp = createTestOrganisation('Ochotnicze Hufce Pracy')
    seat(scene.bodyId, ohp, createTestPerson(ohp, 'Bogdan Bezmejlowy'))
    expect(circulationRecipients({ meetingId: scene.meetingId })).toEqual({
      mailed: 3,
      withoutEmail: [
        { id: expect.any(Number), name: 'Bogdan Bezmejlowy', organisation: expect.stringMatching(/^Ochotnicze Hufce Pracy/) },
        {
          id: scene.people.mopsDeputy,
          name: 'Żaneta Bez-Adresu',
          organisation: expect.stringMatching(/^Miejski Ośrodek Pomocy Społecznej/),
        },
      ],
    })

    process.env.SMTP_URL = smtp.url
    const before = smtp.messages.length
    const { result, notice } = await circulate(scene.meetingId, scene.accounts.officer.user.id)
    const received = smtp.messages.slice(before)
    // The delegates with an address and the officer; Anna Łęcka's account shares her address, mailed once.
    expect(received).toHaveLength(3)
    expect(smtp.recipients.slice(before).flat().sort()).toEqual(
      [scene.emails.mopsDelegate, scene.emails.pupDelegate, scene.accounts.officer.email].sort(),
    )
    expect(result).toMatchObject({ mailed: received.length, withoutEmail: 2 })
    expect(notice).toBe(`Rozesłano notatkę do ${received.length} osób. 2 osoby bez adresu e-mail nie dostały wiadomości.`)
  })

  it('says plainly when nobody could be e-mailed', async () => {
    const mops = createTestOrganisation('Miejski Ośrodek Pomocy Społecznej')
    const bodyId = createTestBody({ conveningOrganisationId: mops, convenor: null, name: 'Zespół bez adresów' })
    seat(bodyId, mops, createTestPerson(mops, 'Jan Bezadresowy'))
    const meetingId = createTestMeeting(bodyId)
    expect(circulationRecipients({ meetingId })).toMatchObject({ mailed: 0, withoutEmail: [{ name: 'Jan Bezadresowy' }] })

    process.env.SMTP_URL = smtp.url
    const before = smtp.messages.length
    const { result, notice } = await circulate(meetingId, null)
    expect(smtp.messages.length - before).toBe(0)
    expect(result).toMatchObject({ mailed: 0, withoutEmail: 1 })
    expect(notice).toBe('Notatka czeka na uwagi, ale nikt nie dostał wiadomości: nikt z zespołu nie ma adresu e-mail.')
  })

  it('uses the Polish plural forms of the counts', () => {
    const said = (mailed: number, withoutEmail: number) =>
      circulatedNotice({ mailed, withoutEmail }, 'pl')
        .map(({ key, params }) => t(key, params))
        .join(' ')
    expect(said(1, 0)).toBe('Rozesłano notatkę do 1 osoby.')
    expect(said(14, 3)).toBe('Rozesłano notatkę do 14 osób. 3 osoby bez adresu e-mail nie dostały wiadomości.')
    expect(said(22, 5)).toBe('Rozesłano notatkę do 22 osób. 5 osób bez adresu e-mail nie dostało wiadomości.')
    expect(said(2, 1)).toBe('Rozesłano notatkę do 2 osób. 1 osoba bez adresu e-mail nie dostała wiadomości.')
  })
})
