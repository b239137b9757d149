import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
// Facilities belong to campaign. Settlement's rows name them by id, and the database keeps those
// ids honest with foreign keys to campaign's table: `facilityIdColumn` is exported by campaign for
// that alone (a function, read lazily by drizzle-kit, so this file may load while campaign is
// still loading). Settlement reads facilities through campaign's index: functions, or the
// `facility_directory` view for its own SQL.
import { facilityIdColumn } from '../campaign/index.js';
import { programs } from '../../platform/programs/schema.js';

/**
 * Ledger accounts with materialised balances. Every balance is checked by the database to stay
 * at or above zero, so no concurrency, retry or crash can commit money beyond an allocation or the
 * pool: the statement that would overspend fails instead.
 *
 * Kinds: `pool` (the program's unallocated money), `available` (a facility's allocation not yet
 * committed), `reserved`, `approved`, `paid` (a facility's committed money by stage).
 * The sum over all accounts of a program always equals its pool.
 */
export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    facilityId: integer('facility_id').references(facilityIdColumn, { onDelete: 'restrict' }),
    kind: text('kind', { enum: ['pool', 'available', 'reserved', 'approved', 'paid'] }).notNull(),
    balance: bigint('balance', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    uniqueIndex('ledger_accounts_key').on(t.programId, sql`coalesce(${t.facilityId}, 0)`, t.kind),
    // The key above is on an expression, so lookups by `facility_id = …` / `is null` could not use
    // it and scanned every account (0.8 ms of each API claim at 1,000 facilities).
    index('ledger_accounts_facility').on(t.facilityId, t.kind),
    check('ledger_accounts_non_negative', sql`${t.balance} >= 0`),
  ],
);

/** Append-only double entries: money moves from one account to another, never appears or vanishes. */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id').notNull(),
    fromAccount: integer('from_account').references(() => ledgerAccounts.id),
    toAccount: integer('to_account').references(() => ledgerAccounts.id),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    /** funded, allocated, reserved, released, approved, rejected, paid, adjusted. */
    reason: text('reason').notNull(),
    claimId: bigint('claim_id', { mode: 'number' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ledger_entries_program').on(t.programId), check('ledger_entries_positive', sql`${t.amount} > 0`)],
);

export const CLAIM_STATUSES = ['reserved', 'cancelled', 'stayed', 'approved', 'rejected', 'paid'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** A discounted stay registered by a business: reserved at sale, confirmed after check-out. */
export const claims = pgTable(
  'claims',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id').notNull(),
    facilityId: integer('facility_id')
      .notNull()
      .references(facilityIdColumn),
    bookingRef: text('booking_ref').notNull(),
    bookedOn: date('booked_on').notNull(),
    checkIn: date('check_in').notNull(),
    nights: integer('nights').notNull(),
    guests: integer('guests').notNull(),
    totalPrice: integer('total_price').notNull(),
    discount: integer('discount').notNull(),
    status: text('status', { enum: CLAIM_STATUSES }).notNull().default('reserved'),
    /** The rules in force when the claim was made, so later rule changes do not rewrite it. */
    rules: jsonb('rules').$type<Record<string, number | string>>().notNull(),
    /** Hash of the request body: the same body again is a retry, a different one a conflict. */
    requestHash: text('request_hash').notNull(),
    stay: jsonb('stay').$type<{ nights: number; guests: number; totalPrice: number } | null>(),
    reviewReason: text('review_reason'),
    checkOut: date('check_out').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('claims_facility_booking').on(t.facilityId, t.bookingRef),
    index('claims_program_status').on(t.programId, t.status, t.checkOut),
    check('claims_discount_non_negative', sql`${t.discount} >= 0`),
  ],
);

export type Claim = typeof claims.$inferSelect;

/**
 * Which business users may act for a facility (register claims, report stays). Written when an
 * application is approved (campaign module) or by an operator.
 */
export const facilityUsers = pgTable(
  'facility_users',
  {
    facilityId: integer('facility_id')
      .notNull()
      .references(facilityIdColumn, { onDelete: 'cascade' }),
    userId: integer('user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('facility_users_pk').on(t.facilityId, t.userId), index('facility_users_user').on(t.userId)],
);

/** One month-end close (月末締め): the approved stays it pays, frozen once closed. */
export const paymentBatches = pgTable(
  'payment_batches',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    /** `YYYY-MM`, the month of check-out it closes (late approvals of earlier months ride along). */
    month: text('month').notNull(),
    status: text('status', { enum: ['closed', 'paid'] }).notNull().default('closed'),
    claimCount: integer('claim_count').notNull(),
    total: bigint('total', { mode: 'number' }).notNull(),
    transferDate: date('transfer_date'),
    closedAt: timestamp('closed_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    /**
     * SHA-256 (hex) of the last 全銀 file written for the batch, and when: a batch is marked paid
     * only once a file exists, and the hash then shows which file paid it.
     */
    zenginSha256: text('zengin_sha256'),
    zenginExportedAt: timestamp('zengin_exported_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('payment_batches_month').on(t.programId, t.month)],
);

export type PaymentBatch = typeof paymentBatches.$inferSelect;

/**
 * Which claims a batch pays, and how much (the claim's discount when the month was closed). Written
 * once by the close, in one INSERT … SELECT; closing no longer rewrites every closed claim (a new
 * version of a wide row and three index entries each: 48 s for 1,100,000 stays on the embedded
 * database). The primary key keeps a claim in one batch. No foreign keys: only the close writes
 * these rows, from the claims it reads in the same statement, for the batch it has just created —
 * and a check per row would cost what the change saves.
 */
export const paymentBatchClaims = pgTable(
  'payment_batch_claims',
  {
    claimId: bigint('claim_id', { mode: 'number' }).primaryKey(),
    batchId: integer('batch_id').notNull(),
    facilityId: integer('facility_id').notNull(),
    amount: integer('amount').notNull(),
  },
  (t) => [index('payment_batch_claims_batch').on(t.batchId, t.facilityId)],
);

/**
 * A business's own 販売終了 mark on a facility (it stopped selling discounted stays), kept apart
 * from the allocation-driven mark so that money coming back never clears it. The public site
 * reads the facility's `sold_out_on` (campaign's), which is set while either this mark or an exhausted allocation
 * holds.
 */
export const facilitySalesStops = pgTable('facility_sales_stops', {
  facilityId: integer('facility_id')
    .primaryKey()
    .references(facilityIdColumn, { onDelete: 'cascade' }),
  programId: integer('program_id').notNull(),
  stoppedOn: date('stopped_on').notNull(),
  stoppedBy: integer('stopped_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
