import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { programs } from '../../platform/programs/schema.js';

/**
 * One row per program, bumped by a trigger on `facilities` (see the site migration). Every app
 * instance compares it with the version of its in-process search index and rebuilds when it moved.
 */
export const siteIndexVersions = pgTable('site_index_versions', {
  /** No foreign key: the trigger also fires while a program's facilities are deleted with it. */
  programId: integer('program_id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** `faq`: an entry of the call center's FAQ (calls module), made and edited there, approved here like any content. */
export const CONTENT_KINDS = ['page', 'news', 'banner', 'faq'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

/** A page, news item or banner of the campaign website. Its text lives in versions. */
export const siteContents = pgTable(
  'site_contents',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: CONTENT_KINDS }).notNull(),
    /** Pages: the page key (`howto`, `faq`…); news and banners: a generated key. */
    key: text('key').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('site_contents_key').on(t.programId, t.key), index('site_contents_kind').on(t.programId, t.kind)],
);

export type SiteContent = typeof siteContents.$inferSelect;

export const VERSION_STATUSES = ['draft', 'pending', 'approved', 'rejected'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/**
 * Every version is kept. The public sees the newest `approved` version whose `publish_at` has come
 * (scheduled publishing needs no job); a draft or pending version is never public.
 */
export const siteContentVersions = pgTable(
  'site_content_versions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    contentId: integer('content_id')
      .notNull()
      .references(() => siteContents.id, { onDelete: 'cascade' }),
    programId: integer('program_id').notNull(),
    number: integer('number').notNull(),
    status: text('status', { enum: VERSION_STATUSES }).notNull().default('draft'),
    titleJa: text('title_ja').notNull(),
    titleEn: text('title_en').notNull().default(''),
    /** Markdown subset (see markdown.tsx). For banners: unused. */
    bodyJa: text('body_ja').notNull().default(''),
    bodyEn: text('body_en').notNull().default(''),
    /** Banners: link target, image URL (optional, a path on this site only) and alt text. */
    linkUrl: text('link_url').notNull().default(''),
    imageUrl: text('image_url').notNull().default(''),
    /**
     * Banners: an uploaded image (PNG/JPEG/GIF/WebP by its bytes, base64), served from this site
     * at `/{slug}/banners/{versionId}/image` — the CSP allows images only from our origin. A new
     * draft carries the previous version's image unless a new one is uploaded or it is removed.
     */
    imageType: text('image_type').notNull().default(''),
    imageData: text('image_data'),
    /** Banners: display order on the top page (ascending); part of the version, so it is approved too. */
    sortOrder: integer('sort_order').notNull().default(0),
    altJa: text('alt_ja').notNull().default(''),
    altEn: text('alt_en').notNull().default(''),
    publishAt: timestamp('publish_at', { withTimezone: true }),
    restoredFrom: integer('restored_from'),
    note: text('note'),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedBy: integer('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('site_content_versions_number').on(t.contentId, t.number),
    index('site_content_versions_live').on(t.programId, t.status, t.publishAt).where(sql`${t.status} = 'approved'`),
  ],
);

export type SiteContentVersion = typeof siteContentVersions.$inferSelect;

export const A11Y_TEST_STATUSES = ['draft', 'pending', 'approved', 'returned'] as const;
export type A11yTestStatus = (typeof A11Y_TEST_STATUSES)[number];

/**
 * One accessibility test of the site (seed 002 §6-2-8(3)): when, which pages, against which
 * standard, by whom or with which tool. Recorded by the secretariat, submitted to the City; the
 * public policy page shows the newest test the City approved.
 */
export const siteA11yTests = pgTable(
  'site_a11y_tests',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    testedOn: date('tested_on', { mode: 'string' }).notNull(),
    standard: text('standard').notNull(),
    /** The tool and version ('axe-core 4.13.0') or the person who tested. */
    checker: text('checker').notNull(),
    /** The URLs tested, in order. */
    pages: jsonb('pages').$type<string[]>().notNull().default([]),
    status: text('status', { enum: A11Y_TEST_STATUSES }).notNull().default('draft'),
    /** The City's reason when it returned the test (差し戻しの理由). */
    note: text('note'),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedBy: integer('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [index('site_a11y_tests_program').on(t.programId, t.status)],
);

export type SiteA11yTest = typeof siteA11yTests.$inferSelect;

export const A11Y_RESULTS = ['pass', 'fail', 'na'] as const;
export type A11yResult = (typeof A11Y_RESULTS)[number];

/** The result of one success criterion on one tested page. */
export const siteA11yResults = pgTable(
  'site_a11y_results',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    testId: integer('test_id')
      .notNull()
      .references(() => siteA11yTests.id, { onDelete: 'cascade' }),
    pageUrl: text('page_url').notNull(),
    /** A WCAG 2.0 success criterion number ('1.4.3'); JIS X 8341-3:2016 uses the same numbers. */
    criterion: text('criterion').notNull(),
    result: text('result', { enum: A11Y_RESULTS }).notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [uniqueIndex('site_a11y_results_cell').on(t.testId, t.pageUrl, t.criterion)],
);

export type SiteA11yResultRow = typeof siteA11yResults.$inferSelect;

export const A11Y_RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type A11yRunStatus = (typeof A11Y_RUN_STATUSES)[number];

/** An automated axe run started from the back office (a job); when done it has made a test. */
export const siteA11yRuns = pgTable(
  'site_a11y_runs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    status: text('status', { enum: A11Y_RUN_STATUSES }).notNull().default('queued'),
    /** Why it failed, in Japanese (e.g. Chromium is not installed). */
    message: text('message'),
    testId: integer('test_id').references(() => siteA11yTests.id, { onDelete: 'set null' }),
    requestedBy: integer('requested_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('site_a11y_runs_program').on(t.programId, t.id)],
);

export type SiteA11yRun = typeof siteA11yRuns.$inferSelect;
