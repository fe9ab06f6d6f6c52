import type { Prisma } from './prisma.js';

/**
 * Engine data is plain JSON-able data (strings, numbers, booleans, arrays, objects); this is the one place that
 * tells Prisma so. Dates become ISO strings on the way in.
 */
export function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
