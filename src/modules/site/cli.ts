import { cliActor, positiveInt, requiredString } from '../../platform/cli/args.js';
import { CliUsageError } from '../../platform/cli/io.js';
import type { CliCommand } from '../../platform/cli/command.js';
import { isIsoDate, tokyoDate } from '../../platform/calendar/index.js';
import { runCommand } from '../../platform/command.js';
import { findProgramBySlug } from '../../platform/programs/queries.js';
import { setSoldOut } from './commands/set-sold-out.js';

/** The site module's CLI commands. */
export const siteCommands: CliCommand[] = [
  {
    name: 'facilities sold-out',
    usage: 'facilities sold-out --program SLUG --facility ID [--date YYYY-MM-DD | --clear]',
    summary: '施設を販売終了にする（--clear で解除）。公開サイトと API に1秒以内に反映 (mark a facility sold out)',
    options: { program: { type: 'string' }, facility: { type: 'string' }, date: { type: 'string' }, clear: { type: 'boolean' } },
    async run(ctx) {
      const slug = requiredString(ctx, 'program');
      const facilityId = positiveInt(requiredString(ctx, 'facility'), '--facility')!;
      const program = await findProgramBySlug(ctx.deps.db, slug);
      if (!program || program.kind !== 'campaign') throw new CliUsageError(`no campaign program "${slug}"`);
      const dateOpt = typeof ctx.values.date === 'string' ? ctx.values.date : undefined;
      if (ctx.values.clear && dateOpt) throw new CliUsageError('give --date or --clear, not both');
      if (dateOpt && !isIsoDate(dateOpt)) throw new CliUsageError('--date must be a real date YYYY-MM-DD');
      const date = ctx.values.clear ? null : (dateOpt ?? tokyoDate(ctx.deps.clock.now()));
      await runCommand(ctx.deps, cliActor(ctx), (c) => setSoldOut(c, program.id, facilityId, date));
      ctx.io.out(date ? `施設 ${facilityId} を ${date} から販売終了にしました\n` : `施設 ${facilityId} の販売終了を解除しました\n`);
    },
  },
];
