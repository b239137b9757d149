import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One-time submission keys of forms that were carried out: a double-clicked or replayed POST with
 * the same key is answered with the first one's result instead of running again. The key is stored
 * hashed with the submitter's CSRF token, so one visitor's key never blocks another's.
 */
export const formSubmissions = pgTable(
  'form_submissions',
  {
    keyHash: text('key_hash').primaryKey(),
    /** Where the first submission led (its POST-redirect-GET target). */
    location: text('location'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('form_submissions_created').on(t.createdAt)],
);
