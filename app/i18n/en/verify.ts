import type { verify as pl } from '../pl/verify'

export const verify: Record<keyof typeof pl, string> = {
}
