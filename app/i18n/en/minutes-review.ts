import type { minutesReview as pl } from '../pl/minutes-review'

export const minutesReview: Record<keyof typeof pl, string> = {
}
