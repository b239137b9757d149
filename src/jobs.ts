import { purgeExpiredSessions } from './platform/auth/sessions.js';
import { purgeThrottle } from './platform/auth/throttle.js';
import type { Schedule } from './platform/jobs/schedule.js';
import type { JobHandler } from './platform/jobs/worker.js';
import { MAIL_JOB } from './platform/mail/outbox.js';
import { sendMailJob } from './platform/mail/send-job.js';
import { campaignJobHandlers, campaignSchedules } from './modules/campaign/jobs.js';
import { eventsJobHandlers, eventsSchedules } from './modules/events/jobs.js';

/** Every job kind and its handler. Modules add theirs here. */
export const JOB_HANDLERS: Record<string, JobHandler> = {
  [MAIL_JOB]: sendMailJob,
  'auth.purge_sessions': async ({ deps }) => {
    await purgeExpiredSessions(deps.db, deps.clock.now());
    await purgeThrottle(deps.db, deps.clock.now());
  },
  ...campaignJobHandlers,
  ...eventsJobHandlers,
};

/** Daily jobs, at Asia/Tokyo wall-clock times. */
export const SCHEDULES: Schedule[] = [{ name: 'purge-sessions', at: '03:00', kind: 'auth.purge_sessions' }, ...campaignSchedules, ...eventsSchedules];
