import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { JobHandler } from '../jobs/worker.js';
import { enqueueJob } from '../jobs/queue.js';
import type { Deps } from '../deps.js';
import { ERASED } from '../vault/index.js';
import { findMail, mailScope, MAIL_JOB } from './outbox.js';
import { mailOutbox } from './schema.js';
import { safeErrorText } from '../log/index.js';

const transports = new Map<string, Transporter>();

function transportFor(url: string): Transporter {
  let t = transports.get(url);
  if (!t) {
    t = nodemailer.createTransport(url);
    transports.set(url, t);
  }
  return t;
}

/** A Message-ID fixed per outbox row, so a retried delivery can be recognised by the receiver. */
export function messageIdFor(mailId: number, from: string): string {
  const domain = /@([^>\s]+)/.exec(from)?.[1] ?? 'localhost';
  const tag = crypto.createHash('sha256').update(`jimukyoku-mail-${mailId}`).digest('hex').slice(0, 16);
  return `<mail-${mailId}-${tag}@${domain}>`;
}

/**
 * Delivers one outbox mail. Idempotent: a mail already sent is skipped; without SMTP_URL the mail
 * is held in the outbox for admins to read.
 */
export const sendMailJob: JobHandler = async ({ deps, job }) => {
  const mailId = Number(job.payload.mailId);
  const mail = await findMail(deps.db, mailId);
  if (!mail || mail.status === 'sent') return;
  const smtpUrl = deps.config.smtpUrl;
  if (!smtpUrl) {
    await deps.db.update(mailOutbox).set({ status: 'held' }).where(eq(mailOutbox.id, mailId));
    return;
  }
  const box = await deps.vault.box(deps.db, mailScope(mail.programId));
  const to = box.open(mail.toSealed);
  const text = box.open(mail.textSealed);
  const html = mail.htmlSealed ? box.open(mail.htmlSealed) : null;
  if (to === ERASED || text === ERASED || html === ERASED) {
    // Its program's data was erased: nothing left to send, and nothing to retry.
    await deps.db.update(mailOutbox).set({ status: 'failed', lastError: 'data erased' }).where(eq(mailOutbox.id, mailId));
    return;
  }
  const messageId = messageIdFor(mailId, deps.config.mailFrom);
  const final = job.attempts >= job.maxAttempts;
  // On the last attempt the mail is marked failed beforehand: if the process dies while sending,
  // the job is not reclaimed (its attempts are spent) and the outbox must not say 'queued' forever.
  await deps.db
    .update(mailOutbox)
    .set(final ? { attempts: sql`${mailOutbox.attempts} + 1`, status: 'failed', lastError: 'last attempt did not finish' } : { attempts: sql`${mailOutbox.attempts} + 1` })
    .where(eq(mailOutbox.id, mailId));
  try {
    await transportFor(smtpUrl).sendMail({ from: deps.config.mailFrom, to, subject: mail.subject, text, html: html ?? undefined, messageId });
  } catch (e) {
    await deps.db
      .update(mailOutbox)
      // SMTP replies echo the recipient's address: masked before it is stored.
      .set({ lastError: safeErrorText(e, 500), status: final ? 'failed' : 'queued' })
      .where(eq(mailOutbox.id, mailId));
    throw e;
  }
  await deps.db.update(mailOutbox).set({ status: 'sent', sentAt: deps.clock.now(), messageId, lastError: null }).where(eq(mailOutbox.id, mailId));
};

/** After SMTP is configured, mails held while it was not are queued for delivery. */
export async function releaseHeldMail(deps: Deps): Promise<number> {
  if (!deps.config.smtpUrl) return 0;
  const held = await deps.db.select({ id: mailOutbox.id }).from(mailOutbox).where(eq(mailOutbox.status, 'held'));
  for (const m of held) {
    await deps.db.update(mailOutbox).set({ status: 'queued' }).where(eq(mailOutbox.id, m.id));
    await enqueueJob(deps.db, { kind: MAIL_JOB, payload: { mailId: m.id }, dedupeKey: `mail:${m.id}:release:${Date.now()}` });
  }
  return held.length;
}

export function closeTransports(): void {
  for (const t of transports.values()) t.close();
  transports.clear();
}
