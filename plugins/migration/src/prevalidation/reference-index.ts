/**
 * The codes and names of the entities other files of the same check refer to (an appointment's patient,
 * convênio and procedure), as numbers in a NumberSet: a numeric code is its own value (leading zeros
 * ignored), any other code or a name is a 51-bit hash of its folded text placed above every numeric code.
 * A reference is found when its code or its name is there.
 */
import type { EntityKey } from './entities.ts';
import { fold } from './fold.ts';
import { NumberSet } from './number-set.ts';

const HASH_BASE = 2 ** 51;

/** cyrb53 reduced to 51 bits. */
function hash51(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 & 0x7ffff) * 4294967296 + (h1 >>> 0);
}

/** The key of a code or name: numeric codes by value, anything else hashed after folding. */
export function referenceKey(value: string): number {
  const v = value.trim();
  if (/^\d{1,15}$/.test(v)) return Number(v);
  if (/^\d{1,15}[.,]0+$/.test(v)) return Number(v.replace(/[.,]0+$/, ''));
  return HASH_BASE + hash51(fold(v));
}

export class ReferenceIndex {
  private readonly sets = new Map<EntityKey, NumberSet>();

  /** Starts indexing an entity (its file is part of the check and another file refers to it). */
  track(entity: EntityKey): void {
    if (!this.sets.has(entity)) this.sets.set(entity, new NumberSet(4096));
  }

  tracks(entity: EntityKey): boolean {
    return this.sets.has(entity);
  }

  add(entity: EntityKey, value: string): void {
    if (value.trim() !== '') this.sets.get(entity)?.add(referenceKey(value));
  }

  /** True when the entity's file was given and holds the value; null when it was not given (not checked). */
  has(entity: EntityKey, value: string): boolean | null {
    const set = this.sets.get(entity);
    return set ? set.has(referenceKey(value)) : null;
  }
}
