// Tables of the surveys module: questionnaires (versioned), responses, lottery entries and draw,
// paper sheets entered twice, prizes and their shipments.
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/schema.js';
import { programs } from '../../platform/programs/schema.js';

export const QUESTION_TYPES = ['single', 'multi', 'scale', 'number', 'text', 'heading'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const QUESTIONNAIRE_STATUSES = ['draft', 'approved', 'rejected'] as const;
export type QuestionnaireStatus = (typeof QUESTIONNAIRE_STATUSES)[number];
export const RESPONSE_CHANNELS = ['web', 'paper'] as const;
export type ResponseChannel = (typeof RESPONSE_CHANNELS)[number];
export const SHIPMENT_STATUSES = ['preparing', 'shipped', 'delivered', 'undelivered'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

export interface QuestionOption {
  value: string;
  label: string;
  labelEn?: string;
}
export interface Question {
  id: string;
  type: QuestionType;
  label: string;
  labelEn?: string;
  options?: QuestionOption[];
  required?: boolean;
}
/** One answer as stored: a choice, the choices (and "other" text), a scale point, a number or a text. */
export type AnswerValue = string | number | string[];
export type Answers = Record<string, AnswerValue>;

/**
 * One version of a program's questionnaire. The newest version is the one edited; the newest
 * approved one is the one answered. A version that has answers is never changed: an import then
 * makes the next version (a draft until the City approves it).
 */
export const surveyQuestionnaires = pgTable(
  'survey_questionnaires',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    status: text('status', { enum: QUESTIONNAIRE_STATUSES }).notNull().default('draft'),
    title: text('title').notNull(),
    titleEn: text('title_en'),
    questions: jsonb('questions').$type<Question[]>().notNull(),
    decisionComment: text('decision_comment'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('survey_questionnaires_version').on(t.programId, t.version)],
);
export type SurveyQuestionnaire = typeof surveyQuestionnaires.$inferSelect;

/** One answered questionnaire (web, or a settled paper sheet). No personal data: that is in entries. */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    questionnaireId: integer('questionnaire_id')
      .notNull()
      .references(() => surveyQuestionnaires.id),
    channel: text('channel', { enum: RESPONSE_CHANNELS }).notNull(),
    /** The facility code carried by a QR card (campaigns), for the per-facility response rate. */
    facilityCode: text('facility_code'),
    answers: jsonb('answers').$type<Answers>().notNull(),
    /** The receipt shown to the respondent (random, unguessable). */
    receipt: text('receipt').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('survey_responses_receipt').on(t.receipt),
    index('survey_responses_program').on(t.programId, t.createdAt),
    index('survey_responses_facility').on(t.programId, t.facilityCode),
  ],
);
export type SurveyResponse = typeof surveyResponses.$inferSelect;

/**
 * A lottery entry given with a response: personal data sealed in the vault; one entry per person
 * is a uniqueness rule on the normalised blind indexes of the e-mail and of the phone number.
 */
export const surveyEntries = pgTable(
  'survey_entries',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    responseId: integer('response_id')
      .notNull()
      .references(() => surveyResponses.id),
    nameSealed: text('name_sealed'),
    postalCodeSealed: text('postal_code_sealed'),
    addressSealed: text('address_sealed'),
    phoneSealed: text('phone_sealed'),
    emailSealed: text('email_sealed'),
    emailIndex: text('email_index').notNull(),
    phoneIndex: text('phone_index').notNull(),
    /** Set when the entrants' personal data was erased (after every prize was settled). */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('survey_entries_email').on(t.programId, t.emailIndex),
    uniqueIndex('survey_entries_phone').on(t.programId, t.phoneIndex),
    uniqueIndex('survey_entries_response').on(t.responseId),
  ],
);
export type SurveyEntry = typeof surveyEntries.$inferSelect;

/**
 * A program's lottery: the seed is committed (its SHA-256 published) before entries close; at the
 * draw the entry list is frozen (its hash recorded), the seed revealed and the result recorded.
 */
export const surveyLotteries = pgTable('survey_lotteries', {
  programId: integer('program_id')
    .primaryKey()
    .references(() => programs.id, { onDelete: 'cascade' }),
  seedHash: text('seed_hash').notNull(),
  /**
   * The seed until the draw, in the vault's box of the program (not personal data: named so the
   * personal-data inventory, which looks for `*_sealed` columns, does not count it).
   */
  seedBox: text('seed_box'),
  committedAt: timestamp('committed_at', { withTimezone: true }).notNull(),
  /** The seed in clear (hex), published at the draw. */
  seed: text('seed'),
  entryListHash: text('entry_list_hash'),
  entryCount: integer('entry_count'),
  winners: integer('winners'),
  alternates: integer('alternates'),
  /** Entry ids in drawn order: the first `winners` win, the next `alternates` are alternates. */
  drawnOrder: jsonb('drawn_order').$type<number[]>(),
  drawnAt: timestamp('drawn_at', { withTimezone: true }),
  /** The City confirmed the draw record (its inbox item then clears). */
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  confirmedBy: integer('confirmed_by').references(() => users.id),
});
export type SurveyLottery = typeof surveyLotteries.$inferSelect;

/** A paper sheet, numbered on entry; it becomes a response only when settled. */
export const surveyPaperSheets = pgTable(
  'survey_paper_sheets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    questionnaireId: integer('questionnaire_id')
      .notNull()
      .references(() => surveyQuestionnaires.id),
    facilityCode: text('facility_code'),
    /** The scanned sheet (PDF, PNG or JPEG), if attached: its storage key in the encrypted file store. */
    scan: text('scan'),
    scanType: text('scan_type'),
    /** The scan's own key, IV and tag (`key.iv.tag`, base64) sealed with the program's data key; null once removed. */
    scanKeySealed: text('scan_key_sealed'),
    scanSize: integer('scan_size'),
    scanUploadedAt: timestamp('scan_uploaded_at', { withTimezone: true }),
    /** The response it became once settled. */
    responseId: integer('response_id').references(() => surveyResponses.id),
    settledBy: integer('settled_by').references(() => users.id),
    settledAt: timestamp('settled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('survey_paper_sheets_number').on(t.programId, t.number)],
);
export type SurveyPaperSheet = typeof surveyPaperSheets.$inferSelect;

/** One of the two independent entries of a paper sheet, by two different staff members. */
export const surveyPaperEntries = pgTable(
  'survey_paper_entries',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sheetId: integer('sheet_id')
      .notNull()
      .references(() => surveyPaperSheets.id, { onDelete: 'cascade' }),
    pass: integer('pass').notNull(),
    enteredBy: integer('entered_by')
      .notNull()
      .references(() => users.id),
    answers: jsonb('answers').$type<Answers>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('survey_paper_entries_pass').on(t.sheetId, t.pass), uniqueIndex('survey_paper_entries_user').on(t.sheetId, t.enteredBy)],
);

/** A kind of prize in stock: how many and where they are kept until shipping. */
export const surveyPrizes = pgTable('survey_prizes', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  programId: integer('program_id')
    .notNull()
    .references(() => programs.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  stock: integer('stock').notNull(),
  keptAt: text('kept_at').notNull().default(''),
});
export type SurveyPrize = typeof surveyPrizes.$inferSelect;

/** A prize sent to a winner (or the alternate who took an undelivered prize's place). */
export const surveyShipments = pgTable(
  'survey_shipments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    entryId: integer('entry_id')
      .notNull()
      .references(() => surveyEntries.id),
    prizeId: integer('prize_id')
      .notNull()
      .references(() => surveyPrizes.id),
    status: text('status', { enum: SHIPMENT_STATUSES }).notNull().default('preparing'),
    carrier: text('carrier'),
    trackingNumber: text('tracking_number'),
    /** The City's decision on an undelivered prize. */
    decisionNote: text('decision_note'),
    /** The shipment this one replaced (an alternate's, after an undelivered prize). */
    replaces: integer('replaces'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('survey_shipments_entry').on(t.entryId), index('survey_shipments_status').on(t.programId, t.status).where(sql`${t.status} <> 'delivered'`)],
);
export type SurveyShipment = typeof surveyShipments.$inferSelect;
