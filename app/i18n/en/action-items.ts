import type { actionItems as pl } from '../pl/action-items'

export const actionItems: Record<keyof typeof pl, string> = {
}
