// Tables of the exchange-meeting (event) module.
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { programs } from '../../platform/programs/schema.js';

export const CHANNELS = ['web', 'email', 'fax', 'phone', 'post', 'walk-in'] as const;
export type Channel = (typeof CHANNELS)[number];
export const ATTENDANCES = ['venue', 'online'] as const;
export type Attendance = (typeof ATTENDANCES)[number];
export const REGISTRATION_STATUSES = ['confirmed', 'waitlisted', 'cancelled', 'merged'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const ACCOMMODATIONS = ['wheelchair', 'hearing', 'visual', 'other'] as const;
export type Accommodation = (typeof ACCOMMODATIONS)[number];

/**
 * One row per event program, locked (`for update`) by every registration, cancellation and
 * promotion: it serialises seat decisions and hands out 受付番号 without gaps or duplicates.
 */
export const eventCounters = pgTable('event_counters', {
  programId: integer('program_id')
    .primaryKey()
    .references(() => programs.id, { onDelete: 'cascade' }),
  lastNumber: integer('last_number').notNull().default(0),
});

/**
 * A registration (参加申込) from any channel, in one roster. Everything that identifies a person is
 * sealed in the vault; `*Index` columns are blind indexes for duplicate detection.
 */
export const eventRegistrations = pgTable(
  'event_registrations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    status: text('status', { enum: REGISTRATION_STATUSES }).notNull(),
    attendance: text('attendance', { enum: ATTENDANCES }).notNull(),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    receivedOn: date('received_on').notNull(),
    nameSealed: text('name_sealed').notNull(),
    nameKanaSealed: text('name_kana_sealed').notNull(),
    organizationSealed: text('organization_sealed'),
    orgRoleSealed: text('org_role_sealed'),
    emailSealed: text('email_sealed'),
    phoneSealed: text('phone_sealed'),
    faxSealed: text('fax_sealed'),
    accommodations: jsonb('accommodations').$type<Accommodation[]>().notNull().default([]),
    accommodationNoteSealed: text('accommodation_note_sealed'),
    questionSealed: text('question_sealed'),
    kanaIndex: text('kana_index').notNull(),
    emailIndex: text('email_index'),
    phoneIndex: text('phone_index'),
    faxIndex: text('fax_index'),
    /** Organisation blind index: group assignment spreads equal values over groups. */
    orgIndex: text('org_index'),
    /** An earlier registration that looks like the same person (kana + contact). */
    possibleDuplicateOf: integer('possible_duplicate_of'),
    mergedInto: integer('merged_into'),
    /**
     * The per-registration link (view, change, cancel) carries a token derived from this random
     * nonce with the program's vault key (so every mail can carry it again); only its SHA-256 is
     * stored for lookup, and erasing the key kills every link.
     */
    linkNonce: text('link_nonce').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** A paper confirmation sheet owed to a FAX/postal applicant: to-send, then sent. */
    printStatus: text('print_status', { enum: ['to-send', 'sent'] }),
    printSentAt: timestamp('print_sent_at', { withTimezone: true }),
    groupId: integer('group_id'),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('event_registrations_number').on(t.programId, t.number),
    uniqueIndex('event_registrations_token').on(t.tokenHash),
    index('event_registrations_status').on(t.programId, t.status, t.attendance, t.number),
    index('event_registrations_kana').on(t.programId, t.kanaIndex),
    index('event_registrations_print').on(t.programId, t.printStatus).where(sql`${t.printStatus} is not null`),
  ],
);
export type EventRegistration = typeof eventRegistrations.$inferSelect;

/** A timed item of the two-hour programme (話題提供, 事例発表, 情報交換, まとめ). */
export const eventProgramItems = pgTable(
  'event_program_items',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    startTime: text('start_time').notNull(),
    minutes: integer('minutes').notNull(),
    title: text('title').notNull(),
    titleEn: text('title_en').notNull().default(''),
    /** Public speaker credits, e.g. 「講師：○○大学 教授 仙台太郎」; one per line. */
    speakers: text('speakers').notNull().default(''),
    streamed: boolean('streamed').notNull().default(true),
  },
  (t) => [index('event_program_items_program').on(t.programId, t.position)],
);
export type EventProgramItem = typeof eventProgramItems.$inferSelect;

/** A discussion group (グループ) for the exchange session, with its facilitator. */
export const eventGroups = pgTable(
  'event_groups',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    facilitator: text('facilitator').notNull().default(''),
  },
  (t) => [uniqueIndex('event_groups_number').on(t.programId, t.number)],
);
export type EventGroup = typeof eventGroups.$inferSelect;
