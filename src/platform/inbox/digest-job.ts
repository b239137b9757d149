import { systemActor } from '../audit/index.js';
import { auditedWith } from '../audit/queries.js';
import { formatJaDate, tokyoDate } from '../calendar/index.js';
import { runCommand } from '../command.js';
import type { Schedule } from '../jobs/schedule.js';
import type { JobHandler } from '../jobs/worker.js';
import { queueMail } from '../mail/outbox.js';
import { staffWithRoles, waitingWork, type WaitingWork } from './collect.js';
import { inboxMessages as m } from './messages.js';
import { INBOX_PATH } from './web.js';

export const INBOX_DIGEST_JOB = 'inbox.digest';
/** 9:00 Japan time, when the City's working day starts. */
export const INBOX_DIGEST_SCHEDULE: Schedule = { name: 'inbox-digest', at: '09:00', kind: INBOX_DIGEST_JOB };
const DONE = 'platform.inbox.digest_sent';

/** The digest's text: labels, counts, due dates and links — nothing about any person. */
export function digestText(day: string, work: WaitingWork[], baseUrl: string): { subject: string; text: string } {
  const date = formatJaDate(day);
  const count = work.reduce((n, w) => n + w.count, 0);
  const lines = work.map((w) => m('digestLine', { program: w.program.name, label: w.label, count: w.count, due: w.due ? m('digestDue', { date: formatJaDate(w.due) }) : '', url: baseUrl + w.href }));
  return {
    subject: m('digestSubject', { date, count }),
    text: [m('digestIntro', { date }), '', ...lines, '', m('digestOutro', { url: baseUrl + INBOX_PATH })].join('\n'),
  };
}

/**
 * Once a day at 9:00 (Asia/Tokyo), every City user with something waiting gets one mail listing
 * it; nobody with nothing waiting gets one. A run repeated the same day (a retry after a crash)
 * sends nothing: the day's audit entry says it was done.
 */
export const inboxDigestJob: JobHandler = async ({ deps, job }) => {
  const day = typeof job.payload.scheduledFor === 'string' ? job.payload.scheduledFor : tokyoDate(deps.clock.now());
  if (await auditedWith(deps.db, DONE, 'day', day)) return;
  const mails: Array<{ to: string; subject: string; text: string }> = [];
  for (const user of await staffWithRoles(deps, ['city'])) {
    const work = await waitingWork(deps, user.grants);
    if (work.length) mails.push({ to: user.email, ...digestText(day, work, deps.config.publicBaseUrl) });
  }
  await runCommand(deps, systemActor(`job:${INBOX_DIGEST_JOB}`), async (ctx) => {
    // Each mail goes to its own reader and lists only counts: account mail, under the system key.
    for (const mail of mails) await queueMail(ctx.tx, deps, { programId: null, template: INBOX_DIGEST_JOB, lang: 'ja', ...mail });
    ctx.audit({ action: DONE, diff: { day, recipients: mails.length } });
  });
};
