import type { calendar as pl } from '../pl/calendar'

export const calendar: Record<keyof typeof pl, string> = {}
