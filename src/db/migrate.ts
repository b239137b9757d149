import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { Database } from './client.js';
import { appRoleGrants, roleOfUrl } from './roles.js';
import { fromRoot } from '../root.js';

export const migrationsFolder = fromRoot('drizzle');

/** Arbitrary constant: several app instances starting together apply migrations one at a time. */
const MIGRATION_LOCK = 720_145_001;

export interface MigrationRoles {
  /**
   * MIGRATION_DATABASE_URL: the schema owner's connection. Migrations run there, not on the app's
   * own connections, and then the app's role (the user of `appUrl`) is granted its rights.
   */
  ownerUrl?: string;
  /** DATABASE_URL: whose user is the app role. */
  appUrl?: string;
}

/**
 * Applies every committed migration not yet applied. Safe to call from several instances at once.
 * Returns the app role granted its rights (PostgreSQL with two roles), or null.
 */
export async function runMigrations(database: Database, roles: MigrationRoles = {}): Promise<string | null> {
  if (database.raw.pglite) {
    await migratePglite(drizzlePglite(database.raw.pglite), { migrationsFolder });
    return null;
  }
  if (!roles.ownerUrl) {
    await migrateOn(database.raw.pool!, null);
    return null;
  }
  const appRole = roles.appUrl ? roleOfUrl(roles.appUrl) : null;
  const grantTo = appRole && appRole !== roleOfUrl(roles.ownerUrl) ? appRole : null;
  const owner = new pg.Pool({ connectionString: roles.ownerUrl, max: 1, application_name: 'jimukyoku-migrate' });
  owner.on('error', () => undefined);
  try {
    await migrateOn(owner, grantTo);
  } finally {
    await owner.end();
  }
  return grantTo;
}

async function migrateOn(pool: pg.Pool, grantTo: string | null): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await migratePg(drizzlePg(client), { migrationsFolder });
    if (grantTo) for (const statement of appRoleGrants(grantTo)) await client.query(statement);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

/** Grants the app role its rights, as the owner (`jimukyoku db grant-app-role`). */
export async function grantAppRole(ownerUrl: string, role: string): Promise<void> {
  const owner = new pg.Client({ connectionString: ownerUrl, application_name: 'jimukyoku-migrate' });
  await owner.connect();
  try {
    for (const statement of appRoleGrants(role)) await owner.query(statement);
  } finally {
    await owner.end();
  }
}
