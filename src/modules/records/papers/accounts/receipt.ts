import { AppError } from '../../../../platform/errors/index.js';
import type { Box } from '../../../../platform/vault/index.js';
import { pp } from '../messages.js';

/** Receipts are kept in the database, sealed: a scan or photo, a few MB at most. */
export const RECEIPT_MAX_BYTES = 5 * 1024 * 1024;

const TYPES: Array<{ type: string; sig: number[] }> = [
  { type: 'application/pdf', sig: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'image/png', sig: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', sig: [0xff, 0xd8, 0xff] },
];

/** The receipt's type from its first bytes (never its name), or a refusal. */
export function receiptType(bytes: Buffer): string {
  const found = TYPES.find((t) => bytes.length >= t.sig.length && t.sig.every((v, i) => bytes[i] === v));
  if (!found) throw new AppError('validation-failed', pp('err.receiptType'), { fieldErrors: [{ field: 'receipt', message: pp('err.receiptType') }] });
  return found.type;
}

/**
 * Seals a receipt's bytes with the program's data key (as every personal datum): erasing the
 * program's key makes the scan unreadable in the database and in every backup.
 */
export function sealReceipt(box: Box, bytes: Buffer): { receiptType: string; receiptSize: number; receiptSealed: string } {
  if (bytes.length > RECEIPT_MAX_BYTES) {
    const message = pp('err.receiptSize', { mb: RECEIPT_MAX_BYTES / 1024 / 1024 });
    throw new AppError('validation-failed', message, { fieldErrors: [{ field: 'receipt', message }] });
  }
  return { receiptType: receiptType(bytes), receiptSize: bytes.length, receiptSealed: box.seal(bytes.toString('base64')) };
}
