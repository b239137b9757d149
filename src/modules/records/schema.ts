// The records module's tables, kept beside the area that owns them; drizzle-kit reads this file.
export * from './plan/schema.js';
export * from './papers/schema.js';
