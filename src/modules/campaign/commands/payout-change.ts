import { eq } from 'drizzle-orm';
import type { Conn } from '../../../db/client.js';
import type { CommandContext } from '../../../platform/command.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { programScope, type Box } from '../../../platform/vault/index.js';
import { openAccount, payoutAccountOf, sealAccount, type PayoutAccount } from '../payout-account.js';
import { facilityPayoutAccounts } from '../schema.js';
import { bankAccountSchema } from '../validators.js';
import { z } from 'zod';

/** The bank fields as the form and the diff name them (`bankAccount.*`), in the application's order. */
export const BANK_FIELDS = ['bankCode', 'branchCode', 'accountType', 'accountNumber', 'accountHolderKana'] as const;
type BankField = (typeof BANK_FIELDS)[number];

const valueOf = (a: PayoutAccount | null, k: BankField): string => (a ? (k === 'accountHolderKana' ? a.holderKana : a[k]) : '');

/** The bank fields that differ between two accounts (all of them when there was none). */
export function changedBankFields(before: PayoutAccount | null, after: PayoutAccount | null): BankField[] {
  return BANK_FIELDS.filter((k) => valueOf(before, k) !== valueOf(after, k));
}

/** A bank field's value for the operator's diff: the account type in words is the caller's; the others as they are. */
export function bankValue(a: PayoutAccount | null, k: BankField): string {
  return valueOf(a, k);
}

/** Whether a submission gives a bank account: any of its fields filled (a profile change may leave them all empty). */
export function givesBankAccount(input: unknown): boolean {
  if (!input || typeof input !== 'object') return false;
  return BANK_FIELDS.some((k) => String((input as Record<string, unknown>)[k] ?? '').trim() !== '');
}

/**
 * Validates a bank account submitted with a profile change (as the application's: field errors
 * under `bankAccount.*`) and keeps it sealed as the facility's pending account; `null` clears a
 * pending one (a newer submission replaces the previous). Returns the bank fields that would
 * change (none when it is the account already in force).
 */
export async function stagePayoutChange(ctx: CommandContext, facility: { id: number; programId: number }, input: unknown | null): Promise<BankField[]> {
  const box = await ctx.deps.vault.box(ctx.tx, programScope(facility.programId));
  let pending: string | null = null;
  let changed: BankField[] = [];
  if (input !== null) {
    const { bankAccount } = parseOrThrow(z.object({ bankAccount: bankAccountSchema }), { bankAccount: input });
    const current = await payoutAccountOf(ctx.tx, box, facility.id);
    const after = openAccount(box, sealAccount(box, bankAccount));
    changed = changedBankFields(current, after);
    if (changed.length) pending = sealAccount(box, bankAccount);
  }
  await ctx.tx
    .insert(facilityPayoutAccounts)
    .values({ facilityId: facility.id, programId: facility.programId, pendingSealed: pending, updatedAt: ctx.now })
    .onConflictDoUpdate({ target: facilityPayoutAccounts.facilityId, set: { pendingSealed: pending, updatedAt: ctx.now } });
  return changed;
}

/** The facility's pending bank account with the one in force, opened with `box` (the caller audits the view). */
export async function pendingPayoutChange(conn: Conn, box: Box, facilityId: number): Promise<{ before: PayoutAccount | null; after: PayoutAccount } | null> {
  const [row] = await conn.select({ pending: facilityPayoutAccounts.pendingSealed }).from(facilityPayoutAccounts).where(eq(facilityPayoutAccounts.facilityId, facilityId));
  const after = openAccount(box, row?.pending ?? null);
  if (!after) return null;
  return { before: await payoutAccountOf(conn, box, facilityId), after };
}

/**
 * Decides the facility's pending bank account with its profile change (the facility is locked by
 * the caller): approval makes it the account the facility is paid to, rejection drops it. Returns
 * the bank fields it changed, for the audit entry (names only: the values stay in the vault).
 */
export async function decidePayoutChange(ctx: CommandContext, facility: { id: number; programId: number }, approve: boolean): Promise<BankField[]> {
  const [row] = await ctx.tx.select().from(facilityPayoutAccounts).where(eq(facilityPayoutAccounts.facilityId, facility.id)).for('update');
  if (!row?.pendingSealed) return [];
  const box = await ctx.deps.vault.box(ctx.tx, programScope(facility.programId));
  const changed = changedBankFields(await payoutAccountOf(ctx.tx, box, facility.id), openAccount(box, row.pendingSealed));
  await ctx.tx
    .update(facilityPayoutAccounts)
    .set({ ...(approve ? { accountSealed: row.pendingSealed } : {}), pendingSealed: null, updatedAt: ctx.now })
    .where(eq(facilityPayoutAccounts.facilityId, facility.id));
  return changed;
}
