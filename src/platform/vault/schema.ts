import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Data keys, each wrapped (AES-256-GCM) by the master key. Destroying one is cryptographic erasure. */
export const dataKeys = pgTable('data_keys', {
  /** `program:{id}` or `system`. */
  scope: text('scope').primaryKey(),
  wrappedKey: text('wrapped_key'),
  masterKeyId: text('master_key_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  destroyedAt: timestamp('destroyed_at', { withTimezone: true }),
});
