import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { programSetting } from '../../../platform/programs/queries.js';
import type { Program } from '../../../platform/programs/schema.js';
import { facilityEntriesOf } from '../../campaign/index.js';
import { sm } from '../messages.js';
import { payeesOf } from '../payees.js';
import { buildZenginFile, type Remitter } from '../zengin/file.js';
import { ZenginCharacterError } from '../../../platform/text/zengin-kana.js';
import { paymentBatches } from '../schema.js';
import { batchTotals, checkTransferDate, lockBatch } from './close-month.js';

function remitterOf(program: Program): Remitter {
  const get = (k: string) => programSetting<string | null>(program, k, null);
  const missing = ['remitterCode', 'remitterName', 'remitterBankCode', 'remitterBranchCode', 'remitterAccountType', 'remitterAccountNumber'].filter((k) => !get(k));
  if (missing.length) throw new AppError('conflict', sm('cmd.remitterMissing', { keys: missing.join(', ') }));
  return {
    code: get('remitterCode')!,
    name: get('remitterName')!,
    bankCode: get('remitterBankCode')!,
    branchCode: get('remitterBranchCode')!,
    accountType: get('remitterAccountType') === 'checking' ? 'checking' : 'ordinary',
    accountNumber: get('remitterAccountNumber')!,
  };
}

/**
 * The 総合振込 file of a closed month: one transfer per business of the batch, to the account of
 * its facility. It holds bank data, so producing it is audited as an export of personal data. The
 * file's SHA-256 and the transfer date are recorded on the batch (the batch is locked: a payment
 * being marked meanwhile is not crossed); a paid batch keeps the file that paid it, so it is not
 * written again.
 */
export async function exportZenginFile(ctx: CommandContext, program: Program, month: string, transferDate: string): Promise<{ file: Buffer; transfers: number; total: number; sha256: string }> {
  checkTransferDate(transferDate);
  const batch = await lockBatch(ctx, program.id, month);
  if (!batch) throw new AppError('not-found', sm('cmd.monthNotClosedForTransfer', { month }));
  if (batch.status === 'paid') throw new AppError('conflict', sm('cmd.zenginPaid', { month, sha256: batch.zenginSha256 ?? '—' }));
  if (transferDate < batch.closedAt.toISOString().slice(0, 10)) throw new AppError('validation-failed', sm('cmd.transferBeforeClose'), { fieldErrors: [{ field: 'transferDate', message: sm('cmd.transferBeforeClose.field') }] });
  const totals = (await batchTotals(ctx, batch.id)).filter((t) => t.total > 0);
  const { payees, missing } = await payeesOf(ctx.tx, ctx.deps.vault, program.id, totals.map((t) => t.facilityId));
  if (missing.length) {
    // Every facility without an account, by registration number and name, so the list can be worked through.
    const entries = await facilityEntriesOf(ctx.tx, program.id, missing);
    const named = entries.sort((a, b) => a.id - b.id).map((e) => `${e.registrationNumber ?? `#${e.id}`} ${e.name}`);
    throw new AppError('conflict', sm('cmd.payeeAccountMissing', { facilities: named.join('、') }));
  }
  let file: Buffer;
  try {
    file = buildZenginFile(remitterOf(program), transferDate, totals.map((t) => ({ ...payees.get(t.facilityId)!, amount: t.total })));
  } catch (e) {
    if (e instanceof ZenginCharacterError) throw new AppError('validation-failed', e.message);
    throw e;
  }
  const sha256 = crypto.createHash('sha256').update(file).digest('hex');
  await ctx.tx.update(paymentBatches).set({ zenginSha256: sha256, zenginExportedAt: ctx.now, transferDate }).where(eq(paymentBatches.id, batch.id));
  ctx.audit({ action: 'settlement.zengin.exported', programId: program.id, targetType: 'payment_batch', targetId: batch.id, diff: { month, transferDate, transfers: totals.length, total: batch.total, sha256 } });
  return { file, transfers: totals.length, total: totals.reduce((a, t) => a + t.total, 0), sha256 };
}
