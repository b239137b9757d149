import { systemActor } from '../../platform/audit/index.js';
import { tokyoDate } from '../../platform/calendar/index.js';
import { runCommand } from '../../platform/command.js';
import type { Schedule } from '../../platform/jobs/schedule.js';
import type { JobHandler } from '../../platform/jobs/worker.js';
import { listPrograms } from '../../platform/programs/queries.js';
import { sendReminders } from './commands/send-reminders.js';

export const REMINDER_JOB = 'events.send_reminders';

/** Daily: remind confirmed participants of events that are a few days away (idempotent per person). */
const sendRemindersJob: JobHandler = async ({ deps, job }) => {
  const today = typeof job.payload.scheduledFor === 'string' ? job.payload.scheduledFor : tokyoDate(deps.clock.now());
  for (const program of await listPrograms(deps.db)) {
    if (program.kind !== 'event') continue;
    await runCommand(deps, systemActor('job:events.reminders'), (ctx) => sendReminders(ctx, program, today));
  }
};

export const eventsJobHandlers: Record<string, JobHandler> = { [REMINDER_JOB]: sendRemindersJob };
export const eventsSchedules: Schedule[] = [{ name: 'events-reminders', at: '10:00', kind: REMINDER_JOB }];
