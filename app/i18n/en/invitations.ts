import type { invitations as pl } from '../pl/invitations'

export const invitations: Record<keyof typeof pl, string> = {}
