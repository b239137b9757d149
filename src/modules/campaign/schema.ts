import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, pgView, text, timestamp, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { programs } from '../../platform/programs/schema.js';

export const FACILITY_TYPES = ['hotel', 'ryokan', 'simple', 'other'] as const;
export type FacilityType = (typeof FACILITY_TYPES)[number];
export const WARDS = ['青葉区', '宮城野区', '若林区', '太白区', '泉区'] as const;
export type Ward = (typeof WARDS)[number];

/**
 * A registered accommodation facility (登録施設). Its public fields are not personal data; the
 * operator's contact and bank data live with the application, sealed in the vault.
 */
export const facilities = pgTable(
  'facilities',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    nameKana: text('name_kana').notNull(),
    /** The name in English, optional ('' = none: English pages show the reading in Hepburn beside the name). */
    nameEn: text('name_en').notNull().default(''),
    type: text('type', { enum: FACILITY_TYPES }).notNull(),
    postalCode: text('postal_code').notNull(),
    address: text('address').notNull(),
    ward: text('ward', { enum: WARDS }).notNull(),
    phone: text('phone').notNull().default(''),
    url: text('url').notNull().default(''),
    rooms: integer('rooms'),
    features: jsonb('features').$type<string[]>().notNull().default([]),
    description: text('description').notNull().default(''),
    registrationNumber: text('registration_number'),
    registeredOn: date('registered_on'),
    status: text('status', { enum: ['registered', 'suspended', 'withdrawn'] }).notNull().default('registered'),
    soldOutOn: date('sold_out_on'),
    /** The application it was registered from; null for facilities loaded by `facilities import`. */
    applicationId: integer('application_id'),
    /**
     * 旅館業許可番号, from the approved application (null for imported facilities). A registered
     * facility holds its number exclusively within the program: applications may share one (a
     * possible duplicate for the reviewer), facilities may not.
     */
    licenseNumber: text('license_number'),
    /** Public profile changes a business submitted, waiting for the operator's review. */
    pendingProfile: jsonb('pending_profile').$type<FacilityProfile | null>(),
    pendingSince: timestamp('pending_since', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('facilities_program').on(t.programId, t.status),
    uniqueIndex('facilities_registration_number').on(t.programId, t.registrationNumber).where(sql`${t.registrationNumber} is not null`),
    // Only a facility holds a licence number, and only one at a time (a withdrawn facility lets it go).
    uniqueIndex('facilities_license').on(t.programId, t.licenseNumber).where(sql`${t.licenseNumber} is not null and ${t.status} <> 'withdrawn'`),
  ],
);

export type Facility = typeof facilities.$inferSelect;

/** The columns of a facility other modules may read (the directory view, and a locked read of one entry). */
export const facilityEntryColumns = {
  id: facilities.id,
  programId: facilities.programId,
  name: facilities.name,
  registrationNumber: facilities.registrationNumber,
  registeredOn: facilities.registeredOn,
  status: facilities.status,
  soldOutOn: facilities.soldOutOn,
};

/**
 * The register of facilities as other modules see it: settlement's claims, reports and month-end
 * close read facilities here, in SQL (a join, or a one-statement hot path), never `facilities`
 * itself. These columns are campaign's promise; the table behind them may change. A plain
 * projection of one table, so PostgreSQL inlines it: reading it costs what reading the table does.
 * Created by the `campaign_facility_directory` migration; exported by `index.ts`.
 */
export const facilityDirectory = pgView('facility_directory').as((qb) =>
  qb
    .select(facilityEntryColumns)
    .from(facilities),
);

/** One row of the facility directory. */
export type FacilityEntry = typeof facilityDirectory.$inferSelect;

/**
 * `facilities.id`, for other modules' foreign keys ONLY (`.references(facilityIdColumn)`): a row
 * of settlement that names a facility must not outlive it, and PostgreSQL can say so only on the
 * table. Reading or writing through the column is not allowed (the dependency test cannot see
 * that: review does). A function declaration, so that another module's schema may name it while
 * this module is still loading (ESM import cycle).
 */
export function facilityIdColumn(): AnyPgColumn {
  return facilities.id;
}

/**
 * The bank account a facility is paid to (振込先), when it is not (or no longer) the one of its
 * application: given by `facilities import`, or changed through a profile change the secretariat
 * approved. Sealed JSON `{ bankCode, branchCode, accountType, accountNumber, accountHolderKana }`
 * under the program's vault key; `pending_sealed` is a change waiting for approval (it belongs to
 * the facility's pending profile change, `facilities.pending_since`).
 */
export const facilityPayoutAccounts = pgTable('facility_payout_accounts', {
  facilityId: integer('facility_id')
    .primaryKey()
    .references(() => facilities.id, { onDelete: 'cascade' }),
  programId: integer('program_id')
    .notNull()
    .references(() => programs.id, { onDelete: 'cascade' }),
  accountSealed: text('account_sealed'),
  pendingSealed: text('pending_sealed'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The public, editable part of a facility (not personal data). */
export interface FacilityProfile {
  name: string;
  nameKana: string;
  /** Optional English name (absent in profiles submitted before it existed). */
  nameEn?: string;
  type: FacilityType;
  postalCode: string;
  address: string;
  ward: Ward;
  phone: string;
  url: string;
  rooms: number | null;
  features: string[];
  description: string;
}

export const APPLICATION_STATUSES = ['draft', 'submitted', 'returned', 'escalated', 'answered', 'approved', 'rejected'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_CHANNELS = ['web', 'api', 'staff'] as const;

/**
 * A business's application to take part (参加申請). Facility fields are public information and kept
 * in clear (the queue filters on them); operator, contact and bank data are one sealed JSON value
 * (`personal`), opened only for staff views that are audited.
 */
export const campaignApplications = pgTable(
  'campaign_applications',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    /** 申請番号, e.g. `A-000012`; assigned at first submission. */
    number: text('number'),
    status: text('status', { enum: APPLICATION_STATUSES }).notNull().default('draft'),
    channel: text('channel', { enum: APPLICATION_CHANNELS }).notNull().default('web'),
    applicantUserId: integer('applicant_user_id'),
    /** Raw (draft) or normalised (submitted) facility fields. */
    facility: jsonb('facility').$type<Record<string, unknown>>().notNull().default({}),
    /** Sealed JSON `{ operator, bankAccount }`. */
    personal: text('personal'),
    /** Blind index of the contact e-mail (lookup without decrypting). */
    contactEmailIndex: text('contact_email_index'),
    licenseNumber: text('license_number'),
    licenseIssuedOn: text('license_issued_on'),
    agreedAt: timestamp('agreed_at', { withTimezone: true }),
    assigneeUserId: integer('assignee_user_id'),
    checklist: jsonb('checklist').$type<Record<string, boolean>>().notNull().default({}),
    /** What the applicant had submitted when it was returned, to show the reviewer a diff. */
    returnedSnapshot: jsonb('returned_snapshot').$type<ApplicationSnapshot | null>(),
    cityQuestion: text('city_question'),
    cityAnswer: text('city_answer'),
    cityRecommendation: text('city_recommendation'),
    lastReason: text('last_reason'),
    facilityId: integer('facility_id'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('campaign_applications_program').on(t.programId, t.status),
    uniqueIndex('campaign_applications_number').on(t.programId, t.number).where(sql`${t.number} is not null`),
    // Not unique: anyone may apply with any number (the public API is anonymous), so a number
    // never blocks the real business; applications sharing one are flagged to the reviewer, and
    // the facility an approval registers holds it (facilities_license).
    index('campaign_applications_license_number').on(t.programId, t.licenseNumber),
    index('campaign_applications_applicant').on(t.applicantUserId),
  ],
);

export type Application = typeof campaignApplications.$inferSelect;

export interface ApplicationSnapshot {
  facility: Record<string, unknown>;
  personal: string | null;
  licenseNumber: string | null;
  licenseIssuedOn: string | null;
}

/** The application's history: every submission, decision, escalation, answer and note. */
export const campaignApplicationEvents = pgTable(
  'campaign_application_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => campaignApplications.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    actorUserId: integer('actor_user_id'),
    actorRole: text('actor_role'),
    text: text('text'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('campaign_application_events_app').on(t.applicationId)],
);

export type ApplicationEvent = typeof campaignApplicationEvents.$inferSelect;

/**
 * Uploaded documents (licence copy, photos). Stored in the database, sealed with the program's
 * data key (base64 inside the sealed value): every app instance can serve them, nothing sits under
 * the web root, and erasing the program's key erases them with everything else.
 */
export const campaignDocuments = pgTable(
  'campaign_documents',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => campaignApplications.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['license', 'photo'] }).notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: text('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('campaign_documents_app').on(t.applicationId)],
);

export type CampaignDocument = typeof campaignDocuments.$inferSelect;

/** Notices from the secretariat to the program's businesses (お知らせ). */
export const campaignNotices = pgTable(
  'campaign_notices',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdBy: integer('created_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('campaign_notices_program').on(t.programId, t.publishedAt)],
);

export type Notice = typeof campaignNotices.$inferSelect;
