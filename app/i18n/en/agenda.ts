import type { agenda as pl } from '../pl/agenda'

export const agenda: Record<keyof typeof pl, string> = {}
