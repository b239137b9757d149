import { systemActor } from '../../platform/audit/index.js';
import { addBusinessDays, addDays, isBusinessDay, tokyoDate } from '../../platform/calendar/index.js';
import { runCommand } from '../../platform/command.js';
import type { Schedule } from '../../platform/jobs/schedule.js';
import type { JobHandler } from '../../platform/jobs/worker.js';
import { listPrograms } from '../../platform/programs/queries.js';
import { prepareTally } from './commands/submit-tally.js';
import { warnLineShortage } from './commands/warn-line-shortage.js';

export const PREPARE_JOB = 'calls.prepare_tallies';
export const LINES_JOB = 'calls.warn_line_shortage';

/** The days whose tally is prepared on `today`: every day since the previous business day (a Monday prepares Fri–Sun). */
export function daysToPrepare(today: string): string[] {
  const prev = addBusinessDays(today, -1);
  const days: string[] = [];
  for (let d = prev; d < today; d = addDays(d, 1)) days.push(d);
  return days;
}

/**
 * Each business morning: the previous business day's tally (and the closed days since) is prepared
 * and waits in the operator's inbox to be checked and submitted; on the first business day of a
 * month, last month's tally too.
 */
const prepareTalliesJob: JobHandler = async ({ deps, job }) => {
  const today = typeof job.payload.scheduledFor === 'string' ? job.payload.scheduledFor : tokyoDate(deps.clock.now());
  if (!isBusinessDay(today)) return;
  const days = daysToPrepare(today);
  const lastMonth = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
  const firstBusinessDay = addBusinessDays(`${today.slice(0, 7)}-01`, 0) === today;
  for (const program of await listPrograms(deps.db)) {
    if (program.kind !== 'campaign') continue;
    await runCommand(deps, systemActor('job:calls.prepare'), async (ctx) => {
      for (const d of days) await prepareTally(ctx, program.id, 'daily', d);
      if (firstBusinessDay) await prepareTally(ctx, program.id, 'monthly', lastMonth);
    });
  }
};

/** Every morning: each campaign's days ahead with too few lines are mailed to its operators, once per day. */
const warnLineShortageJob: JobHandler = async ({ deps }) => {
  for (const program of await listPrograms(deps.db)) {
    if (program.kind !== 'campaign') continue;
    await runCommand(deps, systemActor('job:calls.lines'), (ctx) => warnLineShortage(ctx, program));
  }
};

export const callsJobHandlers: Record<string, JobHandler> = { [PREPARE_JOB]: prepareTalliesJob, [LINES_JOB]: warnLineShortageJob };
export const callsSchedules: Schedule[] = [
  { name: 'calls-prepare-tallies', at: '08:30', kind: PREPARE_JOB },
  { name: 'calls-warn-line-shortage', at: '08:35', kind: LINES_JOB },
];
