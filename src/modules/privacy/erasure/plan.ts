import type { Conn } from '../../../db/client.js';
import type { Deps } from '../../../platform/deps.js';
import { listBackups } from '../../../platform/vault/backups.js';
import { programScope } from '../../../platform/vault/index.js';
import { heldFiles } from '../files/queries.js';
import type { ErasureBackup, ErasureHolding } from '../schema.js';
import { findHoldings } from './holdings.js';
import { mailBodiesHeld } from './mail.js';

export interface ErasurePlan {
  holdings: ErasureHolding[];
  files: { files: number; bytes: number };
  mailBodies: number;
  backups: ErasureBackup[];
}

/**
 * The backups `jimukyoku backup` recorded and whether each holds the program's key. `covered`: with
 * the keys that exist after an erasure it cannot reveal the program's data — it holds no key of the
 * program, or holds it wrapped by the master key the erasure replaced (`rotatedFrom`).
 */
export async function backupsFor(conn: Conn, programId: number, rotatedFrom: string | null): Promise<ErasureBackup[]> {
  const scope = programScope(programId);
  return (await listBackups(conn)).map((b) => {
    const holdsKey = b.scopes.includes(scope);
    return {
      id: b.id,
      path: b.path,
      takenAt: b.takenAt.toISOString(),
      size: b.size,
      sha256: b.sha256,
      masterKeyId: b.masterKeyId,
      holdsKey,
      covered: !holdsKey || (rotatedFrom !== null && b.masterKeyId === rotatedFrom),
    };
  });
}

/** What holds the program's personal data: tables, stored files, sent-mail bodies, and the backups taken. */
export async function erasurePlan(conn: Conn, deps: Deps, programId: number): Promise<ErasurePlan> {
  return {
    holdings: await findHoldings(conn, deps, programId),
    files: await heldFiles(conn, programId),
    mailBodies: await mailBodiesHeld(conn, programId),
    backups: await backupsFor(conn, programId, null),
  };
}
