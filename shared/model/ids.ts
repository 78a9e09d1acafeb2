/**
 * Identifiers and clock, injectable so that tests and `tessera synth` produce the same output on every run.
 */
import type { IsoDateTime, Uuid } from './types.ts';

/** Makes a new UUID. */
export type IdGenerator = () => Uuid;

/** Tells the current time. */
export type Clock = () => IsoDateTime;

/** A random v4 UUID from the platform's cryptographic generator (browser, Electron and Node alike). */
export const randomUuid: IdGenerator = () => globalThis.crypto.randomUUID();

/** The wall clock. */
export const systemClock: Clock = () => new Date().toISOString();

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether a string is a UUID in Tessera's canonical form (lowercase, no braces). */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

/**
 * Brings a GUID as other tools write it ("{3CB15DF7-…}", uppercase) to Tessera's canonical form, or returns null
 * when it is not a GUID at all.
 */
export function normaliseGuid(value: string): Uuid | null {
  const bare = value.trim().replace(/^\{(.*)\}$/, '$1').toLowerCase();
  return isUuid(bare) ? bare : null;
}

/**
 * A seeded pseudo-random generator (mulberry32): same seed, same sequence, on every platform.
 *
 * Used where output must be reproducible (synthetic studies, tests), never for anything secret.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A deterministic v4-shaped UUID generator driven by a seeded random source. */
export function seededUuidGenerator(random: () => number): IdGenerator {
  const hex = (count: number): string => {
    let out = '';
    for (let i = 0; i < count; i++) out += Math.floor(random() * 16).toString(16);
    return out;
  };
  return () => {
    const variant = (8 + Math.floor(random() * 4)).toString(16);
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
  };
}

/** A clock that starts at `start` and moves on by `stepMs` each time it is read. */
export function steppingClock(start: IsoDateTime, stepMs = 1000): Clock {
  let time = Date.parse(start);
  return () => {
    const now = new Date(time).toISOString();
    time += stepMs;
    return now;
  };
}
