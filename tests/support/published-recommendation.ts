import { db, schema } from '~/db.server'
import type { RecommendationSnapshot } from '~/models/recommendation-snapshot'
import type { MinutesScene } from './published-minutes'

/**
 * A recommendation as its cycle leaves it once published (the recommendation model is not
 * needed to verify one): its document, its row and its published version with a code.
 */
export function publishedRecommendation(scene: MinutesScene, { code, sha256 }: { code: string; sha256: string }) {
  return db.transaction((tx) => {
    const { id } = tx
      .insert(schema.documents)
      .values({
        kind: 'recommendation',
        bodyId: scene.bodyId,
        state: 'published',
        visibility: 'public',
        publishedAt: '2031-07-01T10:00:00.000Z',
      })
      .returning({ id: schema.documents.id })
      .get()
    tx.insert(schema.recommendations)
      .values({ id, title: 'Standardy współpracy OPS i PUP', number: `ROPS/REK/${id}/2031` })
      .run()
    const snapshot: RecommendationSnapshot = {
      documentId: id,
      bodyId: scene.bodyId,
      bodyName: scene.bodyName,
      convener: 'Regionalny Ośrodek Polityki Społecznej',
      umbrella: null,
      title: 'Standardy współpracy OPS i PUP',
      summary: '',
      addresseeKinds: ['ops', 'pup'],
      chapters: [],
      annexes: [],
      members: [],
      fundingNotice: null,
      state: 'published',
      visibility: 'public',
      adoption: { meetingId: scene.meetingId, meetingNumber: 4, adoptedOn: '2031-06-20' },
      number: `ROPS/REK/${id}/2031`,
      publication: {
        code,
        verifyUrl: `https://narada.example.pl/verify/${code}`,
        publishedAt: '2031-07-01T10:00:00.000Z',
        publishedBy: 'Gizela Prowadząca',
      },
      updatedAt: '2031-06-20T10:00:00.000Z',
    }
    tx.insert(schema.documentVersions)
      .values({
        documentId: id,
        number: 1,
        state: 'published',
        snapshot: JSON.stringify(snapshot),
        verificationCode: code,
        pdfSha256: sha256,
      })
      .run()
    return id
  })
}
