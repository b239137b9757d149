// The plan's tables (schedule, meetings, minutes); re-exported by ../schema.ts for drizzle-kit.
export {};
