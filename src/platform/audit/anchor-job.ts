import path from 'node:path';
import { tokyoDate, tokyoDateTime } from '../calendar/index.js';
import { runCommand } from '../command.js';
import type { Deps } from '../deps.js';
import type { Schedule } from '../jobs/schedule.js';
import type { JobHandler } from '../jobs/worker.js';
import { queueMail } from '../mail/outbox.js';
import { anchorFileName, cityContacts, makeAnchor, writeAnchorFile, type AuditAnchor } from './anchor.js';
import { systemActor, type Actor } from './index.js';
import { auditKeys } from './keys.js';
import { auditedWith } from './queries.js';
import { aam } from './messages.js';
import type { SealOutcome } from './seal.js';

export const AUDIT_ANCHOR_JOB = 'audit.anchor';
/** Daily, after the night's purge (03:00). */
export const AUDIT_ANCHOR_SCHEDULE: Schedule = { name: 'audit-anchor', at: '04:00', kind: AUDIT_ANCHOR_JOB };

export interface PublishedAnchor {
  anchor: AuditAnchor;
  file: string;
  recipients: number;
  seal: SealOutcome;
}

/**
 * Makes a signed anchor of the sealed trail, writes it to AUDIT_ANCHOR_DIR and (with `mail`)
 * mails it to every City user of a program; records that in the trail. `daily`: the day of the
 * scheduled anchor (its file name), null for one made by hand.
 */
export async function publishAnchor(deps: Deps, opts: { daily: string | null; mail: boolean; actor: Actor }): Promise<PublishedAnchor> {
  const { anchor, seal } = await makeAnchor(deps.db, auditKeys(deps.vault), { baseUrl: deps.config.publicBaseUrl, now: deps.clock.now() });
  const file = writeAnchorFile(deps.config.auditAnchorDir, anchorFileName(anchor, opts.daily), anchor);
  const recipients = opts.mail ? await cityContacts(deps.db) : [];
  await runCommand(deps, opts.actor, async (c) => {
    const text = aam('mailText', {
      baseUrl: anchor.baseUrl,
      installationId: anchor.installationId,
      at: tokyoDateTime(new Date(anchor.at)),
      count: anchor.count,
      lastId: anchor.lastId,
      head: anchor.head,
      json: JSON.stringify(anchor, null, 2),
    });
    const subject = aam('mailSubject', { date: tokyoDate(new Date(anchor.at)) });
    // Account-level mail (no program's data in it): sealed under the system key.
    for (const to of recipients) await queueMail(c.tx, deps, { programId: null, template: 'audit.anchor', to, subject, text, lang: 'ja' });
    c.audit({
      action: 'platform.audit.anchored',
      targetType: 'audit_anchor',
      targetId: path.basename(file),
      diff: { daily: opts.daily, count: anchor.count, lastId: anchor.lastId, head: anchor.head, keyId: anchor.keyId, recipients: recipients.length },
    });
  });
  return { anchor, file, recipients: recipients.length, seal };
}

/** The daily anchor: once a day, file and mail (idempotent per day). */
export const auditAnchorJob: JobHandler = async ({ deps, job }) => {
  const day = typeof job.payload.scheduledFor === 'string' ? job.payload.scheduledFor : tokyoDate(deps.clock.now());
  if (await auditedWith(deps.db, 'platform.audit.anchored', 'daily', day)) return;
  await publishAnchor(deps, { daily: day, mail: true, actor: systemActor('job:audit.anchor') });
};
