import type { DocumentKind } from '#db/schema/enums'
import type { Tx } from '~/db.server'

export const DEFAULT_RECOMMENDATION_PATTERN = 'REK/{nr}/{rok}'

export function nextDocumentNumber(_tx: Tx, _: { bodyId: number; kind: DocumentKind; year: number }): number {
  throw new Error('not implemented')
}

export function formatDocumentNumber(_pattern: string | null, _: { number: number; year: number }): string {
  throw new Error('not implemented')
}
