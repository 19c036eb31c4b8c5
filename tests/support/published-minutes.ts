import { eq } from 'drizzle-orm'
import { db, schema } from '~/db.server'
import type { Actor } from '~/models/audit.server'
import { approveMinutes, publishMinutes } from '~/models/minutes-cycle.server'
import { getMinutes, getPublishedVersion, saveMinutes, startMinutes } from '~/models/minutes.server'
import { createInvitationScene } from './invitations'

export type MinutesScene = Awaited<ReturnType<typeof createInvitationScene>> & { actor: Actor; bodyName: string }

/**
 * A team (createInvitationScene) whose meeting has minutes with Polish text, written
 * through the models into whichever database the test runs against. `open` makes the team
 * and the meeting public, so that its minutes may be published to everyone.
 */
export async function createMinutesScene({ open = false }: { open?: boolean } = {}): Promise<MinutesScene> {
  const scene = await createInvitationScene()
  const actor: Actor = { userId: scene.accounts.officer.user.id, ip: null }
  if (open) {
    db.update(schema.bodies).set({ isPublic: true }).where(eq(schema.bodies.id, scene.bodyId)).run()
    db.update(schema.meetings).set({ isPublic: true }).where(eq(schema.meetings.id, scene.meetingId)).run()
  }
  const bodyName = db.select({ name: schema.bodies.name }).from(schema.bodies).where(eq(schema.bodies.id, scene.bodyId)).get()!.name
  startMinutes({ meetingId: scene.meetingId, actor })
  const live = getMinutes({ meetingId: scene.meetingId })!
  const saved = saveMinutes({
    meetingId: scene.meetingId,
    baseRevision: live.revision,
    actor,
    input: {
      topic: live.snapshot.topic,
      place: live.snapshot.place,
      preparedBy: 'Gizela Prowadząca',
      participants: [
        {
          organisation: 'Miejski Ośrodek Pomocy Społecznej w Wodzisławiu Śląskim',
          name: 'Anna Łęcka',
          role: 'Kierownik Działu Pomocy Środowiskowej',
        },
        { organisation: 'Powiatowy Urząd Pracy w Wodzisławiu Śląskim', name: 'Grzegorz Źdźbło', role: 'doradca zawodowy' },
      ],
      sections: live.snapshot.sections.map((s) => ({
        id: s.id,
        title: s.title,
        body:
          s.kind === 'decisions'
            ? 'Szczegóły współpracy **MOPS–PUP** zostaną doprecyzowane w porozumieniu.'
            : 'Zażółć gęślą jaźń — omówiono ofertę PUP.',
      })),
    },
  })
  if (!saved.ok) throw new Error(`saveMinutes: ${JSON.stringify(saved)}`)
  return { ...scene, actor, bodyName }
}

/** Approves and publishes the scene's minutes; gives the published version. */
export async function publishSceneMinutes(
  scene: MinutesScene,
  { visibility, origin }: { visibility: 'members' | 'public'; origin: string },
) {
  const revision = () => getMinutes({ meetingId: scene.meetingId })!.revision
  const approved = approveMinutes({
    meetingId: scene.meetingId,
    approvedBy: 'Zespół na spotkaniu nr 2',
    approvedOn: '2031-06-20',
    baseRevision: revision(),
    actor: scene.actor,
  })
  if (!approved.ok) throw new Error(`approveMinutes: ${approved.error}`)
  const published = await publishMinutes({ meetingId: scene.meetingId, visibility, baseRevision: revision(), actor: scene.actor, origin })
  if (!published.ok) throw new Error(`publishMinutes: ${published.error}`)
  const version = getPublishedVersion({ minutesId: getMinutes({ meetingId: scene.meetingId })!.id })!
  return { number: version.number, code: version.verificationCode!, pdfSha256: version.pdfSha256!, snapshot: version.snapshot }
}
