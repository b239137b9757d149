import { z } from 'zod';

/**
 * Record ids. Most ids of this system are `integer` (int4) columns, so no such record has an id
 * outside 1 … 2^31-1: a number beyond it is not "not found" to the database but an error
 * ("out of range for type integer"), so it is refused here, before any query. A few tables that
 * grow without bound (claims, the mail outbox, the audit trail, jobs) have `bigint` ids, read as
 * JavaScript numbers: up to MAX_BIG_ID.
 */
export const MAX_ID = 2_147_483_647;
export const MAX_BIG_ID = Number.MAX_SAFE_INTEGER;

/** Whether `n` can be the id of a record (of an int4 id column, or up to `max`). */
export function isId(n: unknown, max = MAX_ID): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= max;
}

/**
 * The id written in `text` (decimal digits, no sign, no leading zero, as the system writes ids in
 * links), or undefined when no record can have it (of an int4 id column, or up to `max`).
 */
export function parseId(text: string | undefined | null, max = MAX_ID): number | undefined {
  if (!text || text.length > 16 || !/^[1-9][0-9]*$/.test(text)) return undefined;
  const n = Number(text);
  return n <= max ? n : undefined;
}

/** A JSON id field (facilityId…): an integer 1 … 2^31-1, else `message` (→ 422 naming the field). */
export function idSchema(message: string) {
  return z.number({ message }).int(message).min(1, message).max(MAX_ID, message);
}
