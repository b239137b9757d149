import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/schema.js';
import { programs } from '../../platform/programs/schema.js';

export const STAFF_KINDS = ['officer', 'manager', 'worker'] as const;
export type StaffKind = (typeof STAFF_KINDS)[number];
export const STAFF_STATUSES = ['requested', 'approved', 'rejected', 'ended'] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];

/**
 * The staff roster (個人情報 特記仕様書 §4): who of the contractor may handle a program's personal
 * data — 個人情報保護責任者 (officer), 作業責任者 (manager), 作業従事者 (worker) — each named by the
 * contractor and approved by the City. A row is one request and its fate; rows are never deleted,
 * so the table is also the roster's history (an end or a change is a new state, not an erasure).
 */
export const privacyStaff = pgTable(
  'privacy_staff',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id').notNull().references(() => programs.id),
    userId: integer('user_id').notNull().references(() => users.id),
    kind: text('kind', { enum: STAFF_KINDS }).notNull(),
    affiliation: text('affiliation').notNull().default(''),
    duties: text('duties').notNull(),
    trainedOn: date('trained_on', { mode: 'string' }),
    pledgedOn: date('pledged_on', { mode: 'string' }),
    /** Why the entry is asked for (addition or change), shown to the City. */
    reason: text('reason').notNull().default(''),
    status: text('status', { enum: STAFF_STATUSES }).notNull().default('requested'),
    requestedBy: integer('requested_by').references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionComment: text('decision_comment').notNull().default(''),
    endedBy: integer('ended_by').references(() => users.id),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    index('privacy_staff_program').on(t.programId, t.status),
    // One live entry (requested or approved) per person and program.
    uniqueIndex('privacy_staff_live').on(t.programId, t.userId).where(sql`status in ('requested', 'approved')`),
  ],
);

export type StaffEntry = typeof privacyStaff.$inferSelect;

/** What the erasure found holding the program's personal data, table by table (counts only). */
export interface ErasureHolding {
  module: string;
  table: string;
  rows: number | null;
  sealedColumns: string[];
}

/** The check after the key was destroyed: each sampled sealed value, tried with every key left. */
export interface ErasureVerification {
  sampled: Array<{ table: string; column: string; values: number; opened: number }>;
  keysTried: number;
  keyDestroyed: boolean;
  /** Stored files of the program still on disk after the erasure (must be 0). */
  filesLeft?: number;
  /** The program's sent-mail rows whose body was not blanked (must be 0). */
  mailBodiesLeft?: number;
  ok: boolean;
}

/** What the erasure removed besides the key: stored files and sent-mail bodies (counts only). */
export interface ErasurePurge {
  files: number;
  fileBytes: number;
  mailBodies: number;
}

/** A backup archive recorded by `jimukyoku backup`, as the erasure saw it: did it hold the program's key, is it covered. */
export interface ErasureBackup {
  id: number;
  path: string;
  takenAt: string;
  size: number;
  sha256: string;
  masterKeyId: string;
  /** The archive holds the program's data key (wrapped by `masterKeyId`). */
  holdsKey: boolean;
  /** It cannot reveal the program's data with the keys that exist after the erasure. */
  covered: boolean;
}

/**
 * Erasure at contract end (行政情報 特記仕様書 §2(6)): one row per program, written by `erasure execute`.
 * Counts, never personal data; the basis of the データ消去報告書 (NIST SP 800-88 certificate).
 */
export const privacyErasures = pgTable('privacy_erasures', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  programId: integer('program_id').notNull().unique().references(() => programs.id),
  executedAt: timestamp('executed_at', { withTimezone: true }).notNull(),
  /** Actor label of who performed it (`user:12`, `cli:…`). */
  performedBy: text('performed_by').notNull(),
  /** Who confirmed it (the second person of the back-office flow), when not the CLI alone. */
  verifiedBy: text('verified_by'),
  holdings: jsonb('holdings').$type<ErasureHolding[]>().notNull(),
  verification: jsonb('verification').$type<ErasureVerification>().notNull(),
  /** Whether the master key was replaced in the same step (backups taken before cannot be opened). */
  masterRotated: boolean('master_rotated').notNull(),
  oldMasterKeyId: text('old_master_key_id').notNull(),
  newMasterKeyId: text('new_master_key_id'),
  /** The report is due within 5 business days of execution (§2(6)). */
  certificateDueOn: date('certificate_due_on', { mode: 'string' }).notNull(),
  certificateIssuedAt: timestamp('certificate_issued_at', { withTimezone: true }),
  purged: jsonb('purged').$type<ErasurePurge>(),
  /** The backups recorded before the erasure and whether each is covered (the certificate lists them). */
  backups: jsonb('backups').$type<ErasureBackup[]>(),
});

export type Erasure = typeof privacyErasures.$inferSelect;

/**
 * An incident (事故: loss, theft, tampering, leak) reported to the City at once (行政情報 §2(5)),
 * with the deadlines of the personal information law for a reportable leak. Its text describes the
 * incident; the mail to the City carries none of it (numbers, dates and a link only).
 */
export const privacyIncidents = pgTable(
  'privacy_incidents',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id').notNull().references(() => programs.id),
    title: text('title').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }),
    discoveredOn: date('discovered_on', { mode: 'string' }).notNull(),
    dataKinds: text('data_kinds').notNull(),
    people: integer('people'),
    cause: text('cause').notNull().default(''),
    measures: text('measures').notNull().default(''),
    prevention: text('prevention').notNull().default(''),
    /** A leak reportable under the law (要配慮, misuse, malicious act, over 1,000 people…). */
    reportable: boolean('reportable').notNull(),
    /** A malicious act: the final report is due in 60 days instead of 30. */
    malicious: boolean('malicious').notNull(),
    status: text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
    preliminaryDueOn: date('preliminary_due_on', { mode: 'string' }),
    finalDueOn: date('final_due_on', { mode: 'string' }),
    preliminaryReportedOn: date('preliminary_reported_on', { mode: 'string' }),
    finalReportedOn: date('final_reported_on', { mode: 'string' }),
    reportedBy: integer('reported_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('privacy_incidents_program').on(t.programId, t.status)],
);

/** The timeline of an incident: each update, who wrote it and when. */
export const privacyIncidentUpdates = pgTable(
  'privacy_incident_updates',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    incidentId: integer('incident_id').notNull().references(() => privacyIncidents.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorUserId: integer('actor_user_id').references(() => users.id),
    kind: text('kind', { enum: ['note', 'preliminary', 'final', 'closed'] }).notNull(),
    note: text('note').notNull(),
  },
  (t) => [index('privacy_incident_updates_incident').on(t.incidentId)],
);

export type Incident = typeof privacyIncidents.$inferSelect;
export type IncidentUpdate = typeof privacyIncidentUpdates.$inferSelect;

/**
 * The back office's erasure needs two people: an admin asks for it (this row), a second person
 * (another admin or the City) confirms and it runs. One open request per program.
 */
export const privacyErasureRequests = pgTable('privacy_erasure_requests', {
  programId: integer('program_id').primaryKey().references(() => programs.id),
  requestedBy: integer('requested_by').notNull().references(() => users.id),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
});

/**
 * A handover or transport of personal data (個人情報 §5), planned and then recorded once done,
 * confirmed by one person on each side. Data received from the City (`from-city`) carries a
 * use-until date and is erased after use (the record is kept).
 */
export const privacyHandovers = pgTable(
  'privacy_handovers',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id').notNull().references(() => programs.id),
    direction: text('direction', { enum: ['to-city', 'from-city', 'transport'] }).notNull(),
    plannedOn: date('planned_on', { mode: 'string' }).notNull(),
    place: text('place').notNull(),
    people: text('people').notNull(),
    content: text('content').notNull(),
    quantity: text('quantity').notNull(),
    route: text('route').notNull().default(''),
    packing: text('packing').notNull().default(''),
    useUntil: date('use_until', { mode: 'string' }),
    status: text('status', { enum: ['planned', 'done', 'erased'] }).notNull().default('planned'),
    doneOn: date('done_on', { mode: 'string' }),
    contractorConfirmedBy: integer('contractor_confirmed_by').references(() => users.id),
    contractorConfirmedAt: timestamp('contractor_confirmed_at', { withTimezone: true }),
    cityConfirmedBy: integer('city_confirmed_by').references(() => users.id),
    cityConfirmedAt: timestamp('city_confirmed_at', { withTimezone: true }),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('privacy_handovers_program').on(t.programId)],
);

export type Handover = typeof privacyHandovers.$inferSelect;

export const FILE_OWNERS = ['staff', 'handover'] as const;
export type FileOwner = (typeof FILE_OWNERS)[number];

/**
 * Files attached to a roster entry (the signed pledge's scan, 誓約書) or a handover record (the
 * data received from the City). The bytes are on disk under DATA_DIR/privacy, encrypted with a
 * key of their own (AES-256-GCM) that is sealed under the program's data key (`sealed_key`). A
 * removed file (handover data erased, program erased) keeps its row — what was held, when it went —
 * and loses its bytes and key.
 */
export const privacyFiles = pgTable(
  'privacy_files',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id').notNull().references(() => programs.id),
    owner: text('owner', { enum: FILE_OWNERS }).notNull(),
    ownerId: integer('owner_id').notNull(),
    storageKey: text('storage_key').notNull().unique(),
    /** `key.iv.tag` (base64) sealed with the program's data key; null once removed. */
    sealedKey: text('sealed_key'),
    type: text('type', { enum: ['pdf', 'png', 'jpeg'] }).notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    removedReason: text('removed_reason', { enum: ['handover-erased', 'program-erased'] }),
  },
  (t) => [index('privacy_files_owner').on(t.owner, t.ownerId), index('privacy_files_program').on(t.programId)],
);

export type PrivacyFile = typeof privacyFiles.$inferSelect;
