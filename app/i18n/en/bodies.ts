import type { bodies as pl } from '../pl/bodies'

export const bodies: Record<keyof typeof pl, string> = {}
