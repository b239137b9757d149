// Every module's tables, for Drizzle's relational queries and drizzle-kit. Each module owns its file.
export * from '../modules/programs/schema.js';
export * from '../platform/auth/schema.js';
export * from '../platform/audit/schema.js';
export * from '../platform/vault/schema.js';
export * from '../platform/jobs/schema.js';
export * from '../platform/mail/schema.js';
export * from '../modules/campaign/schema.js';
export * from '../modules/events/schema.js';
export * from '../modules/settlement/schema.js';
export * from '../modules/site/schema.js';
