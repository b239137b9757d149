import type { Conn } from '../../db/client.js';
import type { Vault } from '../../platform/vault/index.js';
import { ERASED, programScope } from '../../platform/vault/index.js';
import { openPersonal, str } from '../campaign/personal.js';
import { findApplication, findFacility } from '../campaign/queries.js';
import type { Transfer } from './zengin/file.js';

export type Payee = Omit<Transfer, 'amount'>;

/**
 * The bank account each facility is paid to: the one given in its approved application (sealed
 * in the vault). Facilities without one are returned in `missing`, so nothing is paid to a guess.
 */
export async function payeesOf(conn: Conn, vault: Vault, programId: number, facilityIds: number[]): Promise<{ payees: Map<number, Payee>; missing: number[] }> {
  const box = await vault.box(conn, programScope(programId));
  const payees = new Map<number, Payee>();
  const missing: number[] = [];
  for (const id of facilityIds) {
    const facility = await findFacility(conn, id);
    const application = facility?.applicationId ? await findApplication(conn, facility.applicationId) : undefined;
    const personal = application ? openPersonal(box, application.personal) : null;
    const bank = personal && personal !== ERASED ? personal.bankAccount : null;
    if (!bank || !str(bank.accountNumber)) {
      missing.push(id);
      continue;
    }
    payees.set(id, {
      bankCode: str(bank.bankCode),
      branchCode: str(bank.branchCode),
      accountType: bank.accountType === 'checking' ? 'checking' : 'ordinary',
      accountNumber: str(bank.accountNumber),
      holderKana: str(bank.accountHolderKana),
      customerCode: String(id),
    });
  }
  return { payees, missing };
}
