import type { CliCommand } from '../../cli/registry.js';
import { cliActor, positiveInt, requiredString } from '../../cli/args.js';
import { CliUsageError } from '../../cli/io.js';
import { runCommand } from '../../platform/command.js';
import { AppError } from '../../platform/errors/index.js';
import { findProgramBySlug } from '../programs/queries.js';
import { setAllocation } from './commands/budget.js';

export const settlementCommands: CliCommand[] = [
  {
    name: 'allocation set',
    usage: 'allocation set --program SLUG --facility ID --yen N',
    summary: '施設の配分枠を設定する。合計は原資を超えられない (set a facility allocation)',
    options: { program: { type: 'string' }, facility: { type: 'string' }, yen: { type: 'string' } },
    async run(ctx) {
      const slug = requiredString(ctx, 'program');
      const facilityId = positiveInt(requiredString(ctx, 'facility'), '--facility')!;
      const yenText = requiredString(ctx, 'yen');
      if (!/^\d+$/.test(yenText)) throw new CliUsageError('--yen must be a whole number of yen');
      const program = await findProgramBySlug(ctx.deps.db, slug);
      if (!program || program.kind !== 'campaign') throw new AppError('not-found', `キャンペーン事業「${slug}」が見つかりません`);
      const r = await runCommand(ctx.deps, cliActor(ctx), (c) => setAllocation(c, program, facilityId, Number(yenText)));
      ctx.io.out(`allocation of facility ${facilityId}: ${r.before} → ${r.after} yen\n`);
    },
  },
];
