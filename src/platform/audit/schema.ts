import { bigint, integer, jsonb, pgTable, primaryKey, text, timestamp, index } from 'drizzle-orm/pg-core';

/** What an entry says: shared by the chain and by the intents queued for it at commit. */
const entryColumns = () => ({
  at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
  actorUserId: integer('actor_user_id'),
  actorLabel: text('actor_label').notNull(),
  role: text('role'),
  programId: integer('program_id'),
  action: text('action').notNull(),
  targetType: text('target_type'),
  targetId: text('target_id'),
  ip: text('ip'),
  requestId: text('request_id'),
  diff: jsonb('diff'),
});

/** Append-only, hash-chained: each row's hash covers its content and the previous row's hash. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    ...entryColumns(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_program_at').on(t.programId, t.at), index('audit_log_action').on(t.action)],
);

/**
 * The chain's head, one row (id 1) that `audit_append` updates in the same statement as each
 * append: how many entries there are and the last one's id and hash. Deleting entries from the
 * end leaves a chain that is intact in itself; the head no longer matches it, and verify says so.
 */
export const auditHead = pgTable('audit_head', {
  id: integer('id').primaryKey(),
  count: bigint('count', { mode: 'number' }).notNull(),
  lastId: bigint('last_id', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
});

export type AuditRow = typeof auditLog.$inferSelect;

/**
 * Entries a transaction will append to the chain when it commits. A deferred constraint trigger
 * (migration 0013) appends each one with `audit_append` during COMMIT and deletes it, so the
 * chain lock is held from the end of the transaction's work to its commit only — no round trip
 * to the application in between, which under load had serialised every command on it. A row
 * never outlives its transaction: committed, it has been appended and deleted; rolled back, it
 * never existed.
 */
export const auditIntents = pgTable('audit_intents', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  ...entryColumns(),
  body: text('body').notNull(),
});

/**
 * The keyed chain over the audit trail (migration 0019). The database links entries with plain
 * SHA-256 at COMMIT, which anyone holding the database's rights can recompute after a rewrite; the
 * application then seals each committed entry: mac = HMAC-SHA256(K, prevMac || id || hash), K
 * derived from the master key (./keys.ts), which the database never holds. A rewritten entry, or
 * one deleted from the middle, no longer matches its seal and cannot be resealed without K.
 * Append-only like the trail; one chain of seals per audit key (`key_id`), so a master-key rotation
 * starts a new one (verified under the old key first) beside the old.
 */
export const auditSeals = pgTable(
  'audit_seals',
  {
    keyId: text('key_id').notNull(),
    entryId: bigint('entry_id', { mode: 'number' }).notNull(),
    /** The entry's chain hash (audit_log.hash) when it was sealed. */
    entryHash: text('entry_hash').notNull(),
    mac: text('mac').notNull(),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.entryId] })],
);

export type AuditSeal = typeof auditSeals.$inferSelect;
