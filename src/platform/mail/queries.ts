import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { mailOutbox } from './schema.js';

export type OutboxMail = typeof mailOutbox.$inferSelect;

/** One page of the outbox, newest first (no personal data: recipients and bodies stay sealed), and the total. */
export async function listOutbox(db: Db, page: number, perPage: number) {
  const rows = await db
    .select({ id: mailOutbox.id, template: mailOutbox.template, subject: mailOutbox.subject, status: mailOutbox.status, createdAt: mailOutbox.createdAt, sentAt: mailOutbox.sentAt })
    .from(mailOutbox)
    .orderBy(desc(mailOutbox.id))
    .limit(perPage)
    .offset((page - 1) * perPage);
  const total = (await db.$count(mailOutbox)) as number;
  return { rows, total };
}

export async function findOutboxMail(db: Db, id: number): Promise<OutboxMail | undefined> {
  const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return mail;
}

/** Mails queued and not yet sent (for /metrics). */
export async function outboxBacklog(db: Db): Promise<number> {
  return Number(await db.$count(mailOutbox, eq(mailOutbox.status, 'queued')));
}
