import { systemActor } from '../../../../platform/audit/index.js';
import { addBusinessDays, isBusinessDay, tokyoDate } from '../../../../platform/calendar/index.js';
import { isAppError } from '../../../../platform/errors/index.js';
import { runCommand } from '../../../../platform/command.js';
import type { Deps } from '../../../../platform/deps.js';
import type { Schedule } from '../../../../platform/jobs/schedule.js';
import type { JobHandler } from '../../../../platform/jobs/worker.js';
import { listPrograms } from '../../../../platform/programs/queries.js';
import type { Program } from '../../../../platform/programs/schema.js';
import { collectFigures, monthRange, previousMonth } from './collect.js';
import { draftMonthlyReport } from './commands.js';
import { findMonthlyReport } from './queries.js';

export const DRAFT_REPORTS_JOB = 'records.draft_monthly_reports';

/** Whether `today` is the first business day of its month (office calendar). */
export function isFirstBusinessDay(today: string): boolean {
  return isBusinessDay(today) && addBusinessDays(`${today.slice(0, 7)}-01`, 0) === today;
}

/** Whether the program's contract ran during the month (an unset period counts as running). */
function ranDuring(p: Program, month: string): boolean {
  const { from, to } = monthRange(month);
  return !(p.startsOn && p.startsOn > to) && !(p.endsOn && p.endsOn < from);
}

/** Drafts last month's report of every program whose contract ran then, unless it has one. */
export async function draftDueReports(deps: Deps, today: string): Promise<number> {
  const month = previousMonth(today);
  let n = 0;
  for (const program of await listPrograms(deps.db)) {
    if (!ranDuring(program, month) || (await findMonthlyReport(deps.db, program.id, month))) continue;
    const figures = await collectFigures(deps, program, month);
    try {
      await runCommand(deps, systemActor('job:records.monthly'), (ctx) => draftMonthlyReport(ctx, program.id, month, figures));
      n++;
    } catch (e) {
      // Another worker (or the operator) made it meanwhile: nothing to do.
      if (!(isAppError(e) && e.code === 'conflict')) throw e;
    }
  }
  return n;
}

/** On the first business day of each month: last month's drafts, waiting in the operator's inbox. */
const draftReportsJob: JobHandler = async ({ deps, job }) => {
  const today = typeof job.payload.scheduledFor === 'string' ? job.payload.scheduledFor : tokyoDate(deps.clock.now());
  if (!isFirstBusinessDay(today)) return;
  await draftDueReports(deps, today);
};

export const monthlyJobHandlers: Record<string, JobHandler> = { [DRAFT_REPORTS_JOB]: draftReportsJob };
export const monthlySchedules: Schedule[] = [{ name: 'records-monthly-reports', at: '08:45', kind: DRAFT_REPORTS_JOB }];
