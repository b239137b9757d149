// The papers' tables (notices, monthly reports, budget lines, expenses, honoraria); re-exported by ../schema.ts for drizzle-kit.
import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../../../platform/auth/schema.js';
import { programs } from '../../../platform/programs/schema.js';

export const NOTICE_KINDS = ['commencement', 'lead-person', 'structure-change', 'completion'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/**
 * A contract notice (着手届, 主任担当者届, 業務履行体制変更届, 業務完了届) as it was issued: the day,
 * and the fingerprint of the delivery structure it stated (lead person and approved staff roster),
 * so a later change of either prompts a 体制変更届. The PDF itself is a deliverable version.
 */
export const recordsNotices = pgTable(
  'records_notices',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id').notNull().references(() => programs.id),
    kind: text('kind', { enum: NOTICE_KINDS }).notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    fingerprint: text('fingerprint').notNull(),
    versionNumber: integer('version_number'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: integer('created_by').references(() => users.id),
  },
  (t) => [index('records_notices_program').on(t.programId, t.kind)],
);
export type IssuedNotice = typeof recordsNotices.$inferSelect;

export const MONTHLY_REPORT_STATUSES = ['draft', 'sent', 'received'] as const;
export type MonthlyReportStatus = (typeof MONTHLY_REPORT_STATUSES)[number];

/** One figure on a monthly report, with the module that gave it. */
export interface ReportFigure {
  module: string;
  label: string;
  value: string | number;
}

/**
 * The monthly progress report (月次報告書) of one program and month: the figures the modules gave
 * when the draft was made, the operator's text, and its way to the City (draft → sent → received).
 */
export const recordsMonthlyReports = pgTable(
  'records_monthly_reports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id').notNull().references(() => programs.id),
    /** YYYY-MM */
    month: text('month').notNull(),
    figures: jsonb('figures').$type<ReportFigure[]>().notNull(),
    summary: text('summary').notNull().default(''),
    issues: text('issues').notNull().default(''),
    plans: text('plans').notNull().default(''),
    status: text('status', { enum: MONTHLY_REPORT_STATUSES }).notNull().default('draft'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    sentBy: integer('sent_by').references(() => users.id),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    receivedBy: integer('received_by').references(() => users.id),
  },
  (t) => [uniqueIndex('records_monthly_reports_month').on(t.programId, t.month)],
);
export type MonthlyReport = typeof recordsMonthlyReports.$inferSelect;

/** A budget line of the program's own accounts (the estimate's items), integer yen. */
export const recordsBudgetLines = pgTable(
  'records_budget_lines',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id').notNull().references(() => programs.id),
    /** The seed's fixed item it stands for (venue, lecturer, presenters, facilitation); null for others. */
    key: text('key'),
    name: text('name').notNull(),
    budget: integer('budget').notNull(),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('records_budget_lines_name').on(t.programId, t.name), check('records_budget_lines_budget', sql`${t.budget} >= 0`)],
);
export type BudgetLine = typeof recordsBudgetLines.$inferSelect;

/**
 * An expense: date, payee (sealed), item, amount and the receipt's scan (sealed with the program's
 * data key: erasing the program's key makes it unreadable).
 */
export const recordsExpenses = pgTable(
  'records_expenses',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id').notNull().references(() => programs.id),
    budgetLineId: integer('budget_line_id').notNull().references(() => recordsBudgetLines.id),
    spentOn: date('spent_on', { mode: 'string' }).notNull(),
    payeeSealed: text('payee_sealed').notNull(),
    item: text('item').notNull(),
    amount: integer('amount').notNull(),
    receiptType: text('receipt_type'),
    receiptSize: integer('receipt_size'),
    receiptSealed: text('receipt_sealed'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: integer('created_by').references(() => users.id),
  },
  (t) => [index('records_expenses_program').on(t.programId, t.spentOn), check('records_expenses_amount', sql`${t.amount} > 0`)],
);
export type Expense = typeof recordsExpenses.$inferSelect;

export const HONORARIUM_ROLES = ['lecturer', 'presenter', 'mc', 'facilitator'] as const;
export type HonorariumRole = (typeof HONORARIUM_ROLES)[number];

/** An honorarium (謝礼金) with the income tax withheld (源泉徴収); payee's name and address sealed. */
export const recordsHonoraria = pgTable(
  'records_honoraria',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id').notNull().references(() => programs.id),
    budgetLineId: integer('budget_line_id').references(() => recordsBudgetLines.id),
    role: text('role', { enum: HONORARIUM_ROLES }).notNull(),
    payeeSealed: text('payee_sealed').notNull(),
    addressSealed: text('address_sealed'),
    gross: integer('gross').notNull(),
    withholding: integer('withholding').notNull(),
    net: integer('net').notNull(),
    paidOn: date('paid_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: integer('created_by').references(() => users.id),
  },
  (t) => [
    index('records_honoraria_program').on(t.programId),
    check('records_honoraria_amounts', sql`${t.gross} > 0 and ${t.withholding} >= 0 and ${t.net} = ${t.gross} - ${t.withholding}`),
  ],
);
export type Honorarium = typeof recordsHonoraria.$inferSelect;
