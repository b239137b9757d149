import type { Conn } from '../../db/client.js';
import type { Vault } from '../../platform/vault/index.js';
import { programScope } from '../../platform/vault/index.js';
import { payoutAccountOf } from '../campaign/index.js';
import type { Transfer } from './zengin/file.js';

export type Payee = Omit<Transfer, 'amount'>;

/**
 * The bank account each facility is paid to: the one given in its approved application (sealed
 * in the vault, read through campaign). Facilities without one are returned in `missing`, so
 * nothing is paid to a guess.
 */
export async function payeesOf(conn: Conn, vault: Vault, programId: number, facilityIds: number[]): Promise<{ payees: Map<number, Payee>; missing: number[] }> {
  const box = await vault.box(conn, programScope(programId));
  const payees = new Map<number, Payee>();
  const missing: number[] = [];
  for (const id of facilityIds) {
    const account = await payoutAccountOf(conn, box, id);
    if (!account) {
      missing.push(id);
      continue;
    }
    payees.set(id, { ...account, customerCode: String(id) });
  }
  return { payees, missing };
}
