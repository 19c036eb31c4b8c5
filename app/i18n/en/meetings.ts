import type { meetings as pl } from '../pl/meetings'

export const meetings: Record<keyof typeof pl, string> = {}
