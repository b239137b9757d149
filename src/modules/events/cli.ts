import type { CliCommand } from '../../platform/cli/command.js';
import { CliUsageError } from '../../platform/cli/io.js';
import { findProgramBySlug } from '../../platform/programs/queries.js';
import { eventConfig } from './config.js';
import { ATTENDANCE_LABELS, CHANNEL_LABELS, STATUS_LABELS, eventDateText } from './format.js';
import { rosterCounts } from './queries.js';

/** The events module's CLI commands (settings are changed with `program set`). */
export const eventsCommands: CliCommand[] = [
  {
    name: 'event counts',
    usage: 'event counts SLUG [--json]',
    summary: '交流会の申込数（状況・受付経路・参加方法別、出席数）を表示する (registration counts; no personal data)',
    options: { json: { type: 'boolean' } },
    async run(ctx) {
      const [slug] = ctx.positionals;
      if (!slug) throw new CliUsageError('give an event program slug');
      const program = await findProgramBySlug(ctx.deps.db, slug);
      if (!program || program.kind !== 'event') throw new CliUsageError(`no event program "${slug}"`);
      const counts = await rosterCounts(ctx.deps.db, program.id);
      if (ctx.values.json) {
        ctx.io.out(JSON.stringify(counts, null, 2) + '\n');
        return;
      }
      const cfg = eventConfig(program);
      const line = (rec: Record<string, number>, labels: Record<string, string>) => Object.entries(labels).map(([k, l]) => `${l} ${rec[k] ?? 0}`).join(', ');
      ctx.io.out(`${program.name}\n${eventDateText(cfg)} / 定員 ${cfg.capacity}\n`);
      ctx.io.out(`状況: ${line(counts.byStatus, STATUS_LABELS)}\n受付経路: ${line(counts.byChannel, CHANNEL_LABELS)}\n参加方法: ${line(counts.byAttendance, ATTENDANCE_LABELS)}\n出席: ${counts.checkedIn}（当日参加 ${counts.walkIns}）\n`);
    },
  },
];
