import { eq } from 'drizzle-orm';
import type { Conn } from '../../db/client.js';
import { ERASED, type Box } from '../../platform/vault/index.js';
import { openPersonal, str } from './personal.js';
import { campaignApplications, facilities, facilityPayoutAccounts } from './schema.js';
import { bankAccountSchema, type BankAccountInput } from './validators.js';

/** The bank account a facility is paid to (振込先). */
export interface PayoutAccount {
  bankCode: string;
  branchCode: string;
  accountType: 'ordinary' | 'checking';
  accountNumber: string;
  holderKana: string;
}

function accountOf(bank: Record<string, unknown> | undefined): PayoutAccount | null {
  if (!bank || !str(bank.accountNumber)) return null;
  return {
    bankCode: str(bank.bankCode),
    branchCode: str(bank.branchCode),
    accountType: bank.accountType === 'checking' ? 'checking' : 'ordinary',
    accountNumber: str(bank.accountNumber),
    holderKana: str(bank.accountHolderKana),
  };
}

/** A sealed bank account (facility_payout_accounts), opened; null when none or erased. */
export function openAccount(box: Box, sealed: string | null): PayoutAccount | null {
  if (!sealed) return null;
  const text = box.open(sealed);
  return text === ERASED ? null : accountOf(JSON.parse(text) as Record<string, unknown>);
}

export function sealAccount(box: Box, account: BankAccountInput): string {
  return box.seal(JSON.stringify(account));
}

/**
 * The bank account a facility is paid to, opened with `box` (the program's vault box; the caller
 * audits the read): the one given by the import or approved in a profile change, otherwise the
 * one of the application it was registered from. Null when there is none to pay to: imported
 * without bank columns, data erased, no account number.
 */
export async function payoutAccountOf(conn: Conn, box: Box, facilityId: number): Promise<PayoutAccount | null> {
  const [own] = await conn.select({ sealed: facilityPayoutAccounts.accountSealed }).from(facilityPayoutAccounts).where(eq(facilityPayoutAccounts.facilityId, facilityId));
  if (own?.sealed) return openAccount(box, own.sealed);
  const [row] = await conn
    .select({ personal: campaignApplications.personal })
    .from(facilities)
    .innerJoin(campaignApplications, eq(campaignApplications.id, facilities.applicationId))
    .where(eq(facilities.id, facilityId));
  if (!row) return null;
  const personal = openPersonal(box, row.personal);
  return personal === ERASED ? null : accountOf(personal.bankAccount);
}

/**
 * Whether a facility has an account to be paid to, and a change of it waiting for approval,
 * without opening either (its business's profile page says so).
 */
export async function payoutAccountState(conn: Conn, facilityId: number): Promise<{ registered: boolean; pending: boolean }> {
  const [own] = await conn.select().from(facilityPayoutAccounts).where(eq(facilityPayoutAccounts.facilityId, facilityId));
  const pending = !!own?.pendingSealed;
  if (own?.accountSealed) return { registered: true, pending };
  const [row] = await conn.select({ personal: campaignApplications.personal }).from(facilities).innerJoin(campaignApplications, eq(campaignApplications.id, facilities.applicationId)).where(eq(facilities.id, facilityId));
  return { registered: !!row?.personal, pending };
}

/**
 * Puts a bank account in force for a facility without review — for seeding and fixtures (the demo
 * campaign's facilities), not for anything a person asks: that goes through the profile change.
 * Checked as the application's (throws on a bad account); `box` is the program's vault box.
 */
export async function setPayoutAccount(conn: Conn, box: Box, programId: number, facilityId: number, input: unknown): Promise<void> {
  const sealed = sealAccount(box, bankAccountSchema.parse(input));
  await conn
    .insert(facilityPayoutAccounts)
    .values({ facilityId, programId, accountSealed: sealed })
    .onConflictDoUpdate({ target: facilityPayoutAccounts.facilityId, set: { accountSealed: sealed, updatedAt: new Date() } });
}
