/**
 * A copy of a JSON value with every object's keys in sorted order, so equal data always serialises
 * to equal bytes (deterministic exports, backup digests). Objects are built without a prototype,
 * so a key named `__proto__` stays an ordinary key. O(size · log keys).
 */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out = Object.create(null) as Record<string, unknown>;
    for (const k of Object.keys(value).sort()) out[k] = sortKeys((value as Record<string, unknown>)[k]);
    return out;
  }
  return value;
}

/** JSON with object keys sorted. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}
