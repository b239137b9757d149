import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface MasterKey {
  key: Buffer;
  /** A short fingerprint stored beside each wrapped data key, so rotation knows what wrapped it. */
  id: string;
}

export class MasterKeyError extends Error {}

/** Accepts 32 bytes as 64 hex characters or base64 (44 characters). */
export function parseMasterKey(text: string): MasterKey {
  const t = text.trim();
  let key: Buffer;
  if (/^[0-9a-fA-F]{64}$/.test(t)) key = Buffer.from(t, 'hex');
  else key = Buffer.from(t, 'base64');
  if (key.length !== 32) {
    throw new MasterKeyError('JIMUKYOKU_MASTER_KEY must be 32 bytes, as 64 hex characters or base64');
  }
  return { key, id: fingerprint(key) };
}

export function fingerprint(key: Buffer): string {
  return crypto.createHash('sha256').update(key).digest('hex').slice(0, 16);
}

export function generateMasterKeyText(): string {
  return crypto.randomBytes(32).toString('base64');
}

export const MASTER_KEY_FILE = 'master.key';

/**
 * The environment variable wins. Without it, the embedded default keeps a key file (mode 0600) in
 * DATA_DIR, created on first use. A PostgreSQL deployment must set the variable: app servers are
 * stateless and must all hold the same key.
 */
export function loadMasterKey(opts: { envKey?: string; dataDir: string; allowFile: boolean }): MasterKey {
  if (opts.envKey) return parseMasterKey(opts.envKey);
  if (!opts.allowFile) {
    throw new MasterKeyError('JIMUKYOKU_MASTER_KEY is required with DATABASE_URL (see README: Configuration)');
  }
  const file = path.join(opts.dataDir, MASTER_KEY_FILE);
  fs.mkdirSync(opts.dataDir, { recursive: true });
  if (!fs.existsSync(file)) {
    try {
      fs.writeFileSync(file, generateMasterKeyText() + '\n', { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  return parseMasterKey(fs.readFileSync(file, 'utf8'));
}
