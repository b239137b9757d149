import { eq } from 'drizzle-orm';
import type { Conn } from '../../db/client.js';
import { ERASED, type Box } from '../../platform/vault/index.js';
import { openPersonal, str } from './personal.js';
import { campaignApplications, facilities } from './schema.js';

/** The bank account a facility is paid to (振込先), as its business gave it when applying. */
export interface PayoutAccount {
  bankCode: string;
  branchCode: string;
  accountType: 'ordinary' | 'checking';
  accountNumber: string;
  holderKana: string;
}

/**
 * The bank account given in the application a facility was registered from, opened with `box`
 * (the program's vault box; the caller audits the read). Null when there is none to pay to: a
 * facility loaded without an application, data erased, no account number.
 */
export async function payoutAccountOf(conn: Conn, box: Box, facilityId: number): Promise<PayoutAccount | null> {
  const [row] = await conn
    .select({ personal: campaignApplications.personal })
    .from(facilities)
    .innerJoin(campaignApplications, eq(campaignApplications.id, facilities.applicationId))
    .where(eq(facilities.id, facilityId));
  if (!row) return null;
  const personal = openPersonal(box, row.personal);
  const bank = personal === ERASED ? null : personal.bankAccount;
  if (!bank || !str(bank.accountNumber)) return null;
  return {
    bankCode: str(bank.bankCode),
    branchCode: str(bank.branchCode),
    accountType: bank.accountType === 'checking' ? 'checking' : 'ordinary',
    accountNumber: str(bank.accountNumber),
    holderKana: str(bank.accountHolderKana),
  };
}
