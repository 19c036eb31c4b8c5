import type { portal as pl } from '../pl/portal'

export const portal: Record<keyof typeof pl, string> = {
}
