// Identifiers and timestamps. Pure: uses only globalThis.crypto (Node 20 and browsers).

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

let lastTime = -1
let lastRandom: number[] = []

function randomDigits(count: number): number[] {
  const bytes = new Uint8Array(count)
  globalThis.crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b & 31)
}

/** Increments a base-32 digit array in place; returns false on overflow. */
function increment(digits: number[]): boolean {
  for (let i = digits.length - 1; i >= 0; i--) {
    if (digits[i] < 31) {
      digits[i]++
      return true
    }
    digits[i] = 0
  }
  return false
}

/**
 * A new ULID: 26 Crockford base-32 characters, 10 for the millisecond time and 16 random.
 * Ids made in the same millisecond increase monotonically, so ids sort in creation order.
 */
export function newId(): string {
  return ulidAt(Date.now())
}

/** A ULID for a given millisecond time (exported for tests). */
export function ulidAt(now: number): string {
  let random: number[]
  if (now === lastTime && increment(lastRandom)) {
    random = lastRandom
  } else {
    random = randomDigits(16)
    lastTime = now
    lastRandom = random
  }
  let time = ''
  let t = Math.max(0, Math.floor(now))
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time
    t = Math.floor(t / 32)
  }
  return time + random.map((d) => CROCKFORD[d]).join('')
}

/** The current time as an ISO-8601 UTC string. */
export function nowIso(): string {
  return new Date().toISOString()
}

/** cyrb53: a fast, well-distributed 53-bit string hash (not cryptographic). */
/** "2026-12-01 10:15": a local date and time to the minute, as the titles of conflicted copies carry it. */
export function minuteStamp(d = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

export function cyrb53(str: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed
  let h2 = 0x41c6ce57 ^ seed
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507)
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507)
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

/** Hash of a string as 11 base-36 characters (zero-padded, deterministic). */
export function hashString(str: string): string {
  return cyrb53(str).toString(36).padStart(11, '0')
}
