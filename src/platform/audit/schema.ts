import { bigint, integer, jsonb, pgTable, text, timestamp, index } from 'drizzle-orm/pg-core';

/** Append-only, hash-chained: each row's hash covers its content and the previous row's hash. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
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
