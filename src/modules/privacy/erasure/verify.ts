import { sql } from 'drizzle-orm';
import { queryRows, type Conn } from '../../../db/client.js';
import type { Deps } from '../../../platform/deps.js';
import { programScope, type Scope } from '../../../platform/vault/index.js';
import type { ErasureHolding, ErasureVerification } from '../schema.js';
import { heldFiles } from '../files/queries.js';
import { filesOnDisk } from '../files/store.js';
import { sampleSealed } from './holdings.js';
import { mailBodiesHeld } from './mail.js';

/**
 * After the key is destroyed: the program's key row holds no key, and every sampled sealed value
 * of each personal-data table fails to decrypt with every data key left in the database (the
 * program's own box answers ERASED; each other live key is tried too), no stored file of the
 * program remains and no sent-mail body of it.
 */
export async function verifyErasure(conn: Conn, deps: Deps, programId: number, holdings: ErasureHolding[]): Promise<ErasureVerification> {
  const scope = programScope(programId);
  const keyDestroyed = await deps.vault.isDestroyed(conn, scope);
  const live = await queryRows<{ scope: string }>(conn, sql`select scope from data_keys where wrapped_key is not null order by scope`);
  const boxes = [await deps.vault.box(conn, scope)];
  for (const k of live) boxes.push(await deps.vault.box(conn, k.scope as Scope));
  const sampled: ErasureVerification['sampled'] = [];
  for (const h of holdings) {
    for (const column of h.sealedColumns) {
      const values = await sampleSealed(conn, h.table, column, programId);
      let opened = 0;
      for (const v of values) {
        for (const box of boxes) {
          try {
            if (typeof box.open(v) === 'string') opened++;
          } catch {
            // Does not decrypt: as it must.
          }
        }
      }
      sampled.push({ table: h.table, column, values: values.length, opened });
    }
  }
  // No stored file of the program may remain (on disk, or as a row still holding its key), nor any sent-mail body.
  const filesLeft = (await filesOnDisk(deps.config.dataDir, programId)) + (await heldFiles(conn, programId)).files;
  const mailBodiesLeft = await mailBodiesHeld(conn, programId);
  return { sampled, keysTried: boxes.length, keyDestroyed, filesLeft, mailBodiesLeft, ok: keyDestroyed && filesLeft === 0 && mailBodiesLeft === 0 && sampled.every((s) => s.opened === 0) };
}
