import { bigint, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Recipient and bodies are sealed with the program's data key: they carry the recipient's own data. */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id'),
    template: text('template').notNull(),
    toSealed: text('to_sealed').notNull(),
    subject: text('subject').notNull(),
    textSealed: text('text_sealed').notNull(),
    htmlSealed: text('html_sealed'),
    status: text('status', { enum: ['queued', 'sent', 'failed', 'held'] }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    messageId: text('message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('mail_outbox_status').on(t.status)],
);
