import { TIME_ZONE, toWarsawWallClock } from './format'

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** The Warsaw calendar day of an instant: '2017-05-16'. */
export function warsawDay(instant: Date | string): string {
  const wall = toWarsawWallClock(instant)
  return `${wall.getFullYear()}-${pad(wall.getMonth() + 1)}-${pad(wall.getDate())}`
}

/** The Warsaw wall-clock time of an instant: '13:00'. */
export function warsawTime(instant: Date | string): string {
  const wall = toWarsawWallClock(instant)
  return `${pad(wall.getHours())}:${pad(wall.getMinutes())}`
}

/** The value of a `datetime-local` input showing the instant in Warsaw: '2017-05-16T13:00'. */
export function toWarsawLocalInput(instant: Date | string): string {
  return `${warsawDay(instant)}T${warsawTime(instant)}`
}

/** Minutes Warsaw is ahead of UTC at an instant: 60 in winter, 120 in summer. */
function warsawOffsetMinutes(utcMs: number): number {
  const wall = toWarsawWallClock(new Date(utcMs))
  const wallAsUtc = Date.UTC(wall.getFullYear(), wall.getMonth(), wall.getDate(), wall.getHours(), wall.getMinutes(), wall.getSeconds())
  return Math.round((wallAsUtc - Math.floor(utcMs / 1000) * 1000) / 60_000)
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/

/**
 * The instant of a Warsaw wall-clock time ('2017-05-16T13:00' → 11:00Z). A time skipped by
 * the spring change (02:30 on the last Sunday of March) is read as the hour after; a time
 * repeated in autumn, as its first occurrence. Null for anything that is not such a time.
 */
export function fromWarsawLocal(value: string): Date | null {
  const match = LOCAL.exec(value.trim())
  if (!match) return null
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number]
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null
  const asUtc = Date.UTC(year, month - 1, day, hour, minute)
  if (new Date(asUtc).getUTCDate() !== day) return null // 31 April and the like
  // Try the earlier offset first (the first occurrence in autumn), then the later.
  for (const offset of [120, 60]) {
    const candidate = asUtc - offset * 60_000
    if (warsawOffsetMinutes(candidate) === offset) return new Date(candidate)
  }
  // In the spring gap neither offset fits: the offset from before the gap moves it forward.
  return new Date(asUtc - warsawOffsetMinutes(asUtc - 6 * 3_600_000) * 60_000)
}

/** Every Warsaw calendar day a meeting touches, first to last: ['2012-05-14', '2012-05-15']. */
export function daysBetween(startsAt: Date | string, endsAt: Date | string): string[] {
  const first = warsawDay(startsAt)
  const last = warsawDay(endsAt)
  const days: string[] = []
  for (let d = new Date(`${first}T12:00:00Z`); ; d = new Date(d.getTime() + 86_400_000)) {
    const day = d.toISOString().slice(0, 10)
    days.push(day)
    if (day >= last || days.length > 366) break
  }
  return days
}

export { TIME_ZONE }
