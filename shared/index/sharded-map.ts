/**
 * An immutable map from string keys to values, split into shards so that changing a few entries copies only the
 * shards they fall in, not the whole map. The project index keeps every coding by id in one: with 50,000 codings a
 * new coding copies one shard of about two hundred entries instead of all fifty thousand, and the map before the
 * change stays as it was (React and undo may still hold it).
 */

/** Number of shards: a power of two, so a hash picks one with a mask. */
const SHARD_COUNT = 256;

/** The map: a fixed array of shards (absent when empty) and the number of entries. */
export interface ShardedMap<V> {
  readonly shards: readonly (ReadonlyMap<string, V> | undefined)[];
  readonly size: number;
}

/** FNV-1a over the UTF-16 units of the key: spreads UUIDs and any other strings evenly over the shards. */
function shardOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & (SHARD_COUNT - 1);
}

/** A map holding the given entries (a later entry with the same key wins). */
export function shardedMapOf<V>(entries: Iterable<readonly [string, V]>): ShardedMap<V> {
  const shards: (Map<string, V> | undefined)[] = new Array<Map<string, V> | undefined>(SHARD_COUNT).fill(undefined);
  let size = 0;
  for (const [key, value] of entries) {
    const at = shardOf(key);
    let shard = shards[at];
    if (!shard) shards[at] = shard = new Map();
    if (!shard.has(key)) size++;
    shard.set(key, value);
  }
  return { shards, size };
}

/** The value under a key, or undefined. */
export function shardedGet<V>(map: ShardedMap<V>, key: string): V | undefined {
  return map.shards[shardOf(key)]?.get(key);
}

/**
 * The map with `puts` set and then `deletes` removed. Only the shards that a key falls in are copied; the map given
 * is not changed.
 */
export function shardedWith<V>(
  map: ShardedMap<V>,
  puts: readonly (readonly [string, V])[],
  deletes: readonly string[],
): ShardedMap<V> {
  if (puts.length === 0 && deletes.length === 0) return map;
  const shards = [...map.shards];
  const copied = new Set<number>();
  let size = map.size;
  const writable = (at: number): Map<string, V> => {
    if (!copied.has(at)) {
      copied.add(at);
      shards[at] = new Map(shards[at] ?? []);
    }
    return shards[at] as Map<string, V>;
  };
  for (const [key, value] of puts) {
    const shard = writable(shardOf(key));
    if (!shard.has(key)) size++;
    shard.set(key, value);
  }
  for (const key of deletes) {
    const at = shardOf(key);
    if (!shards[at]?.has(key)) continue;
    writable(at).delete(key);
    size--;
  }
  return { shards, size };
}

/** Every value of the map, in no particular order. */
export function* shardedValues<V>(map: ShardedMap<V>): Generator<V> {
  for (const shard of map.shards) if (shard) yield* shard.values();
}
