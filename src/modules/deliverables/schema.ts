// Tables of the deliverables module: the register of 成果物, their versions, proof rounds and comments.
import { bigint, date, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/schema.js';
import { programs } from '../../platform/programs/schema.js';

export const DELIVERABLE_STATUSES = ['planned', 'in-proof', 'approved', 'delivered'] as const;
export type DeliverableStatus = (typeof DELIVERABLE_STATUSES)[number];
export const ROUND_DECISIONS = ['comments', 'approve'] as const;
export type RoundDecision = (typeof ROUND_DECISIONS)[number];

/** One row per program once its seed's preset deliverables were put in the register (never twice). */
export const deliverableRegisters = pgTable('deliverable_registers', {
  programId: integer('program_id')
    .primaryKey()
    .references(() => programs.id, { onDelete: 'cascade' }),
  seededAt: timestamp('seeded_at', { withTimezone: true }).notNull(),
});

/** A deliverable (成果物) of the contract: due date, required proof rounds, status and delivery (納品). */
export const deliverables = pgTable(
  'deliverables',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    title: text('title').notNull(),
    /** Quantity and format (部数・判型・形式) as the seed states it. */
    note: text('note').notNull().default(''),
    dueOn: date('due_on', { mode: 'string' }),
    requiredRounds: integer('required_rounds').notNull().default(0),
    status: text('status', { enum: DELIVERABLE_STATUSES }).notNull().default('planned'),
    position: integer('position').notNull().default(0),
    deliveredOn: date('delivered_on', { mode: 'string' }),
    deliveryForm: text('delivery_form'),
    deliveryQuantity: integer('delivery_quantity'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    receivedBy: integer('received_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('deliverables_program_key').on(t.programId, t.key)],
);

/**
 * One uploaded version of a deliverable. The file lives in the file store under `storageKey`,
 * encrypted (AES-256-GCM) with its own key, which is sealed by the program's data key (vault):
 * erasing the program's data key makes every file unreadable.
 */
export const deliverableVersions = pgTable(
  'deliverable_versions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    deliverableId: integer('deliverable_id')
      .notNull()
      .references(() => deliverables.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    sealedKey: text('sealed_key').notNull(),
    iv: text('iv').notNull(),
    tag: text('tag').notNull(),
    /** The text of an article version (for the diff between rounds); null for uploaded files. */
    text: text('text'),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('deliverable_versions_number').on(t.deliverableId, t.number)],
);

/** A proof round (校正 第k回): one version sent to the City, and the City's answer. */
export const deliverableRounds = pgTable(
  'deliverable_rounds',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    deliverableId: integer('deliverable_id')
      .notNull()
      .references(() => deliverables.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    versionId: integer('version_id')
      .notNull()
      .references(() => deliverableVersions.id),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    sentBy: integer('sent_by').references(() => users.id, { onDelete: 'set null' }),
    decision: text('decision', { enum: ROUND_DECISIONS }),
    /** Why the City approved before the required rounds. */
    reason: text('reason'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: integer('answered_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('deliverable_rounds_number').on(t.deliverableId, t.number)],
);

/** The City's comment on a round: general (no page) or pinned to a spot (x, y: 0–1 of the page). */
export const deliverableComments = pgTable(
  'deliverable_comments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    roundId: integer('round_id')
      .notNull()
      .references(() => deliverableRounds.id, { onDelete: 'cascade' }),
    page: integer('page'),
    x: real('x'),
    y: real('y'),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('deliverable_comments_round').on(t.roundId)],
);

export type Deliverable = typeof deliverables.$inferSelect;
export type DeliverableVersion = typeof deliverableVersions.$inferSelect;
export type DeliverableRound = typeof deliverableRounds.$inferSelect;
export type DeliverableComment = typeof deliverableComments.$inferSelect;

export const HEARING_STATUSES = ['candidate', 'heard', 'selected', 'declined'] as const;
export type HearingStatus = (typeof HEARING_STATUSES)[number];

/**
 * A group heard for the interview articles (seed 000 §6(4)): 候補 → ヒアリング済み → 発表団体に選定 /
 * 見送り. The contact person is sealed in the vault. A presenting group is due the honorarium
 * (謝礼, 10,000 yen by default, §6(1)コ(ｲ)) with its payment date.
 */
export const deliverableHearings = pgTable(
  'deliverable_hearings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    groupName: text('group_name').notNull(),
    contactSealed: text('contact_sealed'),
    visitOn: date('visit_on', { mode: 'string' }),
    place: text('place').notNull().default(''),
    cityStaff: text('city_staff').notNull().default(''),
    notes: text('notes').notNull().default(''),
    status: text('status', { enum: HEARING_STATUSES }).notNull().default('candidate'),
    honorariumYen: integer('honorarium_yen').notNull().default(10_000),
    honorariumPaidOn: date('honorarium_paid_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('deliverable_hearings_program').on(t.programId)],
);

export type Hearing = typeof deliverableHearings.$inferSelect;

/**
 * An interview article (ヒアリング記事) on one heard group: title of one to two lines, body of about
 * 1,500 characters, the speaker's title. Rendered to an A4 PDF that becomes a version of the
 * program's `hearing-articles` deliverable (with its text, for the diff between rounds).
 */
export const deliverableArticles = pgTable(
  'deliverable_articles',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    hearingId: integer('hearing_id')
      .notNull()
      .references(() => deliverableHearings.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    speakerTitle: text('speaker_title').notNull().default(''),
    /** The article's own deliverable (`hearing-article-{hearingId}`), whose rounds proof it. */
    deliverableId: integer('deliverable_id').references(() => deliverables.id, { onDelete: 'set null' }),
    /** When it was published on the program's public pages (after 校了), and what was published. */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    published: jsonb('published').$type<PublishedArticle | null>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('deliverable_articles_hearing').on(t.hearingId)],
);

export type Article = typeof deliverableArticles.$inferSelect;

/** What the public article page shows: the approved text and photos as they were published. */
export interface PublishedArticle {
  title: string;
  groupName: string;
  speakerTitle: string;
  body: string;
  /** The approved version of the article's deliverable. */
  version: number;
  photos: Array<{ id: number; caption: string; alt: string }>;
}

/**
 * A photo of an interview article (about two): encrypted in the file store like a version (it
 * may show people), with its caption (shown under it in the PDF and the page) and its alt text
 * (required: the page's text alternative). Removing one keeps the row (a published page may
 * still show it) but takes it out of the article.
 */
export const deliverableArticlePhotos = pgTable(
  'deliverable_article_photos',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    hearingId: integer('hearing_id')
      .notNull()
      .references(() => deliverableHearings.id, { onDelete: 'cascade' }),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    storageKey: text('storage_key').notNull(),
    sealedKey: text('sealed_key').notNull(),
    iv: text('iv').notNull(),
    tag: text('tag').notNull(),
    caption: text('caption').notNull().default(''),
    alt: text('alt').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [index('deliverable_article_photos_hearing').on(t.hearingId)],
);

export type ArticlePhoto = typeof deliverableArticlePhotos.$inferSelect;
