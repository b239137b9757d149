import crypto from 'node:crypto';
import { asc, sql } from 'drizzle-orm';
import type { Conn } from '../../db/client.js';
import type { Vault } from './index.js';
import { backupRecords, dataKeys } from './schema.js';

export type BackupRecord = typeof backupRecords.$inferSelect;

/**
 * Records an archive just written (after the dump, so the archive does not hold its own record):
 * its SHA-256 and the data keys it holds, wrapped by the current master key.
 */
export async function recordBackup(conn: Conn, vault: Vault, b: { path: string; bytes: Buffer; at: Date; by: string }): Promise<BackupRecord> {
  const live = await conn.select({ scope: dataKeys.scope }).from(dataKeys).where(sql`${dataKeys.wrappedKey} is not null`).orderBy(asc(dataKeys.scope));
  const [row] = await conn
    .insert(backupRecords)
    .values({
      path: b.path,
      takenAt: b.at,
      size: b.bytes.length,
      sha256: crypto.createHash('sha256').update(b.bytes).digest('hex'),
      masterKeyId: vault.masterKeyId,
      scopes: live.map((k) => k.scope),
      takenBy: b.by,
    })
    .returning();
  return row!;
}

/** Every backup recorded, oldest first. */
export async function listBackups(conn: Conn): Promise<BackupRecord[]> {
  return conn.select().from(backupRecords).orderBy(asc(backupRecords.id));
}
