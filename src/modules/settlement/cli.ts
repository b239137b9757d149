import type { CliCommand } from '../../cli/registry.js';
import { cliActor, positiveInt, requiredString } from '../../cli/args.js';
import { CliUsageError } from '../../cli/io.js';
import { runCommand } from '../../platform/command.js';
import { AppError } from '../../platform/errors/index.js';
import { findProgramBySlug } from '../programs/queries.js';
import { setAllocation } from './commands/budget.js';
import { closeMonth, markBatchPaid } from './commands/close-month.js';
import type { CliRunContext } from '../../cli/registry.js';

async function campaignProgram(ctx: CliRunContext) {
  const slug = requiredString(ctx, 'program');
  const program = await findProgramBySlug(ctx.deps.db, slug);
  if (!program || program.kind !== 'campaign') throw new AppError('not-found', `キャンペーン事業「${slug}」が見つかりません`);
  return program;
}

export const settlementCommands: CliCommand[] = [
  {
    name: 'allocation set',
    usage: 'allocation set --program SLUG --facility ID --yen N',
    summary: '施設の配分枠を設定する。合計は原資を超えられない (set a facility allocation)',
    options: { program: { type: 'string' }, facility: { type: 'string' }, yen: { type: 'string' } },
    async run(ctx) {
      const facilityId = positiveInt(requiredString(ctx, 'facility'), '--facility')!;
      const yenText = requiredString(ctx, 'yen');
      if (!/^\d+$/.test(yenText)) throw new CliUsageError('--yen must be a whole number of yen');
      const program = await campaignProgram(ctx);
      const r = await runCommand(ctx.deps, cliActor(ctx), (c) => setAllocation(c, program, facilityId, Number(yenText)));
      ctx.io.out(`allocation of facility ${facilityId}: ${r.before} → ${r.after} yen\n`);
    },
  },

  {
    name: 'settlement close',
    usage: 'settlement close --program SLUG --month YYYY-MM',
    summary: '月末締め: 承認済みの宿泊実績を支払バッチにまとめる。再実行しても同じバッチ (month-end close, idempotent)',
    options: { program: { type: 'string' }, month: { type: 'string' } },
    async run(ctx) {
      const program = await campaignProgram(ctx);
      const month = requiredString(ctx, 'month');
      const { batch, created } = await runCommand(ctx.deps, cliActor(ctx), (c) => closeMonth(c, program, month));
      ctx.io.out(`${created ? 'closed' : 'already closed'} ${month}: ${batch.claimCount} stays, ${batch.total} yen (batch ${batch.id})\n`);
    },
  },
  {
    name: 'settlement paid',
    usage: 'settlement paid --program SLUG --month YYYY-MM',
    summary: '締めたバッチを支払済みにし、台帳に支払を記録する (mark a closed month paid)',
    options: { program: { type: 'string' }, month: { type: 'string' } },
    async run(ctx) {
      const program = await campaignProgram(ctx);
      const month = requiredString(ctx, 'month');
      const batch = await runCommand(ctx.deps, cliActor(ctx), (c) => markBatchPaid(c, program, month));
      ctx.io.out(`${month} paid: ${batch.total} yen\n`);
    },
  },
];
