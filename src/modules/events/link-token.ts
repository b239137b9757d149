import crypto from 'node:crypto';
import { sha256 } from '../../platform/auth/tokens.js';
import type { Box } from '../../platform/vault/index.js';

/** A fresh random nonce for a new registration's link. */
export function newLinkNonce(): string {
  return crypto.randomBytes(16).toString('hex');
}

/** The link token: keyed by the program's vault key, so only the server can mint it again. */
export function linkToken(box: Box, nonce: string): string {
  return box.blindIndex(`events-link:${nonce}`);
}

export function tokenHash(token: string): string {
  return sha256(`events-link:${token}`);
}

export function manageUrl(baseUrl: string, slug: string, token: string): string {
  return `${baseUrl}/${slug}/registration/${token}`;
}
