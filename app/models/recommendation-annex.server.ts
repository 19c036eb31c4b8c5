import type { Actor } from './audit.server'
import type { RecommendationAnnex } from './recommendation-snapshot'

export type AnnexError =
  | 'recommendation.error.annex.fileEmpty'
  | 'recommendation.error.annex.fileTooBig'
  | 'recommendation.error.annex.fileType'
  | 'recommendation.error.annex.title'
  | 'recommendation.error.wrongState'

export function listAnnexes(_: { id: number }): RecommendationAnnex[] {
  throw new Error('not implemented')
}

export function addAnnex(_: {
  id: number
  title: string
  file: { fileName: string; bytes: Buffer }
  actor: Actor
}): { ok: true; fileId: number } | { ok: false; error: AnnexError } {
  throw new Error('not implemented')
}

export function removeAnnex(_: { id: number; fileId: number; actor: Actor }): { ok: true } | { ok: false; error: AnnexError } {
  throw new Error('not implemented')
}

/** Where an annex's bytes are, with the type they were sniffed as and the name to serve them under. */
export function annexFile(_: {
  id: number
  fileId: number
}): { path: string; fileName: string; contentType: string; sizeBytes: number } | undefined {
  throw new Error('not implemented')
}
