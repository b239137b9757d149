import { boolean, date, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** A program (事業) is one contract with the City: the unit of tenancy, settings and personal-data keys. */
export const programs = pgTable('programs', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['campaign', 'event'] }).notNull(),
  client: text('client').notNull().default('仙台市'),
  contractor: text('contractor').notNull().default(''),
  startsOn: date('starts_on'),
  endsOn: date('ends_on'),
  /** Module settings, validated against the settings registry on every write. */
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type Program = typeof programs.$inferSelect;
