import { bigint, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Data keys, each wrapped (AES-256-GCM) by the master key. Destroying one is cryptographic erasure. */
export const dataKeys = pgTable('data_keys', {
  /** `program:{id}` or `system`. */
  scope: text('scope').primaryKey(),
  wrappedKey: text('wrapped_key'),
  masterKeyId: text('master_key_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  destroyedAt: timestamp('destroyed_at', { withTimezone: true }),
});

/**
 * Each archive `jimukyoku backup` wrote: where, when, how big, its SHA-256, and which data keys it
 * holds (scopes whose wrapped key was live) under which master key. An erasure lists them and says
 * which copies it covers (a backup holding an erased key is covered once its master key is gone).
 */
export const backupRecords = pgTable('backup_records', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  path: text('path').notNull(),
  takenAt: timestamp('taken_at', { withTimezone: true }).notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  sha256: text('sha256').notNull(),
  masterKeyId: text('master_key_id').notNull(),
  scopes: jsonb('scopes').$type<string[]>().notNull(),
  takenBy: text('taken_by').notNull(),
});
