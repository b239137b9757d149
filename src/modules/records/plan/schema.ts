// The plan's tables (schedule, meetings, minutes); re-exported by ../schema.ts for drizzle-kit.
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../../../platform/auth/schema.js';
import { programs } from '../../../platform/programs/schema.js';

export const TASK_OWNER_ROLES = ['contractor', 'city', 'both'] as const;
export type TaskOwnerRole = (typeof TASK_OWNER_ROLES)[number];

/**
 * A task or milestone of the work schedule (業務工程表, 000 §4(1)ウ, §7; 002 §9-1). `owner` is the
 * side responsible (contractor / City / both); `ownerName` names a person or team when the plan
 * does. `dependsOn` lists the ids of tasks that must end first.
 */
export const recordsScheduleTasks = pgTable(
  'records_schedule_tasks',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id').notNull().references(() => programs.id),
    title: text('title').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    milestone: boolean('milestone').notNull().default(false),
    owner: text('owner', { enum: TASK_OWNER_ROLES }).notNull().default('contractor'),
    ownerName: text('owner_name').notNull().default(''),
    progress: integer('progress').notNull().default(0),
    dependsOn: jsonb('depends_on').$type<number[]>().notNull().default([]),
    position: integer('position').notNull(),
    /** The minutes' action item this task came from, if any. */
    actionItemId: integer('action_item_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('records_schedule_tasks_program').on(t.programId, t.position)],
);
export type ScheduleTask = typeof recordsScheduleTasks.$inferSelect;

/**
 * Each PDF of the schedule sent to the `schedule` deliverable: its version there and the hash of
 * the tasks it shows, so a change after the City's approval is seen (要再承認) and sent again.
 */
export const recordsScheduleSubmissions = pgTable(
  'records_schedule_submissions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id').notNull().references(() => programs.id),
    deliverableId: integer('deliverable_id').notNull(),
    version: integer('version').notNull(),
    hash: text('hash').notNull(),
    tasks: jsonb('tasks').$type<Array<{ id: number; title: string; startsOn: string; endsOn: string; progress: number; milestone: boolean }>>().notNull(),
    reason: text('reason', { enum: ['first', 'changed-after-approval', 'manual'] }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    submittedBy: integer('submitted_by').references(() => users.id),
  },
  (t) => [uniqueIndex('records_schedule_submissions_version').on(t.programId, t.version)],
);
export type ScheduleSubmission = typeof recordsScheduleSubmissions.$inferSelect;

export const MINUTES_STATUSES = ['none', 'draft', 'sent', 'commented', 'confirmed'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

/**
 * A meeting with the City (打合せ・協議, 000 §4(3); at least monthly, 002 §9-3) and its minutes
 * (議事録), which the contractor writes and sends and the City confirms or comments on. Attendees
 * are named by side and office role as on the minutes, as the City asks.
 */
export const recordsMeetings = pgTable(
  'records_meetings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id').notNull().references(() => programs.id),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    startTime: text('start_time').notNull().default(''),
    place: text('place').notNull().default(''),
    online: boolean('online').notNull().default(false),
    attendeesCity: text('attendees_city').notNull(),
    attendeesContractor: text('attendees_contractor').notNull(),
    agenda: text('agenda').notNull(),
    minutesStatus: text('minutes_status', { enum: MINUTES_STATUSES }).notNull().default('none'),
    summary: text('summary').notNull().default(''),
    decisions: text('decisions').notNull().default(''),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    cityComment: text('city_comment').notNull().default(''),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: integer('confirmed_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('records_meetings_program').on(t.programId, t.heldOn)],
);
export type Meeting = typeof recordsMeetings.$inferSelect;

/** An action item of a meeting's minutes (owner and due date); each becomes a task of the schedule. */
export const recordsActionItems = pgTable(
  'records_action_items',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    meetingId: integer('meeting_id').notNull().references(() => recordsMeetings.id),
    programId: integer('program_id').notNull().references(() => programs.id),
    title: text('title').notNull(),
    owner: text('owner', { enum: TASK_OWNER_ROLES }).notNull(),
    ownerName: text('owner_name').notNull().default(''),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    taskId: integer('task_id').references(() => recordsScheduleTasks.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('records_action_items_meeting').on(t.meetingId)],
);
export type ActionItem = typeof recordsActionItems.$inferSelect;
