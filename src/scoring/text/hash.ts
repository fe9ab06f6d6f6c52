/** FNV-1a, 32 bit: a small, stable hash for repeatable tie-breaks (never for anything secret). */
export function seededHash(...parts: string[]): number {
  let hash = 0x811c9dc5;
  for (const char of parts.join('\u0000')) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
