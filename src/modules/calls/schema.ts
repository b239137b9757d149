// Tables of the call-center module (seed 002 §6-4).
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { programs } from '../../platform/programs/schema.js';

export const CALLER_TYPES = ['user', 'business', 'other'] as const;
export type CallerType = (typeof CALLER_TYPES)[number];
export const CATEGORIES = ['overview', 'application', 'facilities', 'participation', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];
export const OUTCOMES = ['answered', 'callback', 'handover', 'city'] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** An FAQ entry's state, read from its site content: the City's decision is the site's. */
export const FAQ_STATUSES = ['proposed', 'published', 'rejected'] as const;
export type FaqStatus = (typeof FAQ_STATUSES)[number];
export const PERIODS = ['daily', 'monthly'] as const;
export type Period = (typeof PERIODS)[number];

/** One row per campaign program, locked by each new call: hands out 受付番号 without gaps. */
export const callCounters = pgTable('call_counters', {
  programId: integer('program_id')
    .primaryKey()
    .references(() => programs.id, { onDelete: 'cascade' }),
  lastNumber: integer('last_number').notNull().default(0),
});

/**
 * A call (入電) taken by the call center: detailed, or count-only (`simple`, no question or answer).
 * The caller's name and number are optional personal data, sealed in the vault; `phoneIndex` is
 * the number's blind index, so earlier calls from one number can be found. `day` is the Asia/Tokyo
 * day of `receivedAt`, the day the call counts on in the tallies.
 */
export const callLogs = pgTable(
  'call_logs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    day: date('day').notNull(),
    /** Null only on a call the phone system opened and no agent has completed yet. */
    callerType: text('caller_type', { enum: CALLER_TYPES }),
    category: text('category', { enum: CATEGORIES }),
    simple: boolean('simple').notNull(),
    question: text('question'),
    answer: text('answer'),
    outcome: text('outcome', { enum: OUTCOMES }),
    durationSeconds: integer('duration_seconds'),
    callerNameSealed: text('caller_name_sealed'),
    callerPhoneSealed: text('caller_phone_sealed'),
    phoneIndex: text('phone_index'),
    /** The phone system's call id (CTI), with its answer and end times; missed when never answered. */
    ctiCallId: text('cti_call_id'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    missed: boolean('missed').notNull().default(false),
    /** A callback (要折り返し) done. */
    callbackDoneAt: timestamp('callback_done_at', { withTimezone: true }),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('call_logs_number').on(t.programId, t.number),
    index('call_logs_day').on(t.programId, t.day, t.callerType, t.category),
    index('call_logs_phone').on(t.programId, t.phoneIndex).where(sql`${t.phoneIndex} is not null`),
    index('call_logs_callbacks').on(t.programId, t.id).where(sql`${t.outcome} = 'callback' and ${t.callbackDoneAt} is null`),
    uniqueIndex('call_logs_cti').on(t.programId, t.ctiCallId),
  ],
);
export type CallLog = typeof callLogs.$inferSelect;

/** A daily (`2026-04-28`) or monthly (`2026-04`) tally submitted to the City, with its deadline. */
export const callTallySubmissions = pgTable(
  'call_tally_submissions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    period: text('period', { enum: PERIODS }).notNull(),
    periodKey: text('period_key').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** Null while the report is prepared and waits in the operator's inbox. */
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    onTime: boolean('on_time'),
    total: integer('total'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('call_tally_submissions_key').on(t.programId, t.period, t.periodKey)],
);
export type CallTallySubmission = typeof callTallySubmissions.$inferSelect;

/** The phone system's secret per program (only its SHA-256 is kept); rotating replaces it. */
export const callCtiTokens = pgTable('call_cti_tokens', {
  programId: integer('program_id')
    .primaryKey()
    .references(() => programs.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * An FAQ entry built from calls: proposed by an agent (from a call: its question and answer, never
 * the caller), edited by the operator. Its publication is the site's: each entry is a site content
 * of kind `faq` (`siteContentId`) whose versions carry the wording the City approves in the site's
 * approval flow and inbox; what the public sees is the site's live version. Kept here: the
 * proposal's wording as last edited, the category, the call it came from and the calls it answered.
 */
export const callFaq = pgTable(
  'call_faq',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    category: text('category', { enum: CATEGORIES }).notNull(),
    question: text('question').notNull(),
    answer: text('answer').notNull(),
    questionEn: text('question_en').notNull().default(''),
    answerEn: text('answer_en').notNull().default(''),
    /** The site content (kind `faq`) whose approved version is published. */
    siteContentId: integer('site_content_id'),
    fromCallId: integer('from_call_id'),
    /** Calls this entry answered (the agent ticks it, or a call is proposed from). */
    callCount: integer('call_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('call_faq_program').on(t.programId, t.category), uniqueIndex('call_faq_site_content').on(t.siteContentId)],
);
export type CallFaq = typeof callFaq.$inferSelect;

/** Lines planned for a day (line staffing); a day below the seed's 2 (3 in the peak) warns. */
export const callLinePlans = pgTable(
  'call_line_plans',
  {
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    lines: integer('lines').notNull(),
  },
  (t) => [uniqueIndex('call_line_plans_day').on(t.programId, t.day)],
);

/**
 * A day of line shortage the secretariat was told of by mail (once per day): the morning job
 * writes it when a day ahead has fewer lines planned than the seed's 2 (3 in the peak).
 */
export const callLineWarnings = pgTable(
  'call_line_warnings',
  {
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    planned: integer('planned').notNull(),
    required: integer('required').notNull(),
    warnedAt: timestamp('warned_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('call_line_warnings_day').on(t.programId, t.day)],
);
