import { cliActor, positiveInt, requiredString } from '../../platform/cli/args.js';
import { CliUsageError } from '../../platform/cli/io.js';
import type { CliCommand } from '../../platform/cli/command.js';
import { isIsoDate, tokyoDate } from '../../platform/calendar/index.js';
import { runCommand } from '../../platform/command.js';
import { findProgramBySlug } from '../../platform/programs/queries.js';
import { setSoldOut } from './commands/set-sold-out.js';
import { sam } from './messages.js';

/** The site module's CLI commands. */
export const siteCommands: CliCommand[] = [
  {
    name: 'facilities sold-out',
    usage: 'facilities sold-out --program SLUG --facility ID [--date YYYY-MM-DD | --clear]',
    summary: sam('cli.soldOutSummary'),
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
      ctx.io.out(`${date ? sam('cli.soldOutDone', { facility: facilityId, date }) : sam('cli.soldOutCleared', { facility: facilityId })}\n`);
    },
  },
];
