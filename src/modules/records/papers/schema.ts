// The papers' tables (notices, monthly reports, budget lines, expenses, honoraria); re-exported by ../schema.ts for drizzle-kit.
export {};
