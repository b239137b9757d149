import { ERASED, type Box } from '../../platform/vault/index.js';
import type { PersonalData } from './validators.js';

/** Operator, contact and bank data as stored: one sealed JSON value (raw strings in a draft). */
export type StoredPersonal = { operator: Record<string, unknown>; bankAccount: Record<string, unknown>; license?: Record<string, unknown> };

export function sealPersonal(box: Box, data: StoredPersonal | PersonalData): string {
  return box.seal(JSON.stringify(data));
}

/** The opened value, `ERASED` after the program's key was destroyed, or empty groups when none. */
export function openPersonal(box: Box, sealed: string | null): StoredPersonal | typeof ERASED {
  if (!sealed) return { operator: {}, bankAccount: {} };
  const text = box.open(sealed);
  if (text === ERASED) return ERASED;
  const v = JSON.parse(text) as Partial<StoredPersonal>;
  return { operator: v.operator ?? {}, bankAccount: v.bankAccount ?? {}, license: v.license };
}

export const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
