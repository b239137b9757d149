import { eq } from 'drizzle-orm';
import type { Conn } from '../../db/client.js';
import type { Deps } from '../deps.js';
import { enqueueJob } from '../jobs/queue.js';
import { programScope, type Scope } from '../vault/index.js';
import { mailOutbox } from './schema.js';
import { renderMail } from './template.js';

export interface OutgoingMail {
  /** The program whose data the mail carries; its key seals recipient and body. Null for account mail. */
  programId: number | null;
  template: string;
  to: string;
  subject: string;
  text: string;
  /** The HTML alternative; by default made from `text` by the mail template (./template.ts). */
  html?: string;
  /** Language of the default HTML part. */
  lang?: 'ja' | 'en';
}

export const MAIL_JOB = 'mail.send';

export function mailScope(programId: number | null): Scope {
  return programId === null ? 'system' : programScope(programId);
}

/**
 * Writes the mail to the outbox and enqueues its delivery, in the caller's transaction: the mail
 * exists if and only if the business change that caused it commits. The subject must not hold
 * personal data (it is stored in clear for the back-office list).
 */
/** Japanese when the text has kana or kanji, English otherwise (the public pages are bilingual). */
const languageOf = (text: string): 'ja' | 'en' => (/[\u3040-\u30ff\u4e00-\u9fff]/.test(text) ? 'ja' : 'en');

export async function queueMail(conn: Conn, deps: Pick<Deps, 'vault'>, mail: OutgoingMail): Promise<number> {
  const box = await deps.vault.box(conn, mailScope(mail.programId));
  const [row] = await conn
    .insert(mailOutbox)
    .values({
      programId: mail.programId,
      template: mail.template,
      toSealed: box.seal(mail.to),
      subject: mail.subject,
      textSealed: box.seal(mail.text),
      htmlSealed: box.seal(mail.html ?? renderMail({ subject: mail.subject, text: mail.text, lang: mail.lang ?? languageOf(mail.text) }).html),
    })
    .returning({ id: mailOutbox.id });
  await enqueueJob(conn, { kind: MAIL_JOB, payload: { mailId: row!.id }, dedupeKey: `mail:${row!.id}` });
  return row!.id;
}

export async function findMail(conn: Conn, id: number) {
  const [row] = await conn.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return row;
}
