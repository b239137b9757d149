import { z } from 'zod';

/**
 * Record ids. Every id of this system is an `integer` (int4) column, so no record has an id
 * outside 1 … 2^31-1: a number beyond it is not "not found" to the database but an error
 * ("out of range for type integer"), so it is refused here, before any query.
 */
export const MAX_ID = 2_147_483_647;

/** Whether `n` can be the id of a record. */
export function isId(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_ID;
}

/**
 * The id written in `text` (decimal digits, no sign, no leading zero, as the system writes ids in
 * links), or undefined when no record can have it.
 */
export function parseId(text: string | undefined | null): number | undefined {
  if (!text || text.length > 10 || !/^[1-9][0-9]*$/.test(text)) return undefined;
  const n = Number(text);
  return n <= MAX_ID ? n : undefined;
}

/** A JSON id field (facilityId…): an integer 1 … 2^31-1, else `message` (→ 422 naming the field). */
export function idSchema(message: string) {
  return z.number({ message }).int(message).min(1, message).max(MAX_ID, message);
}
