import { eq } from 'drizzle-orm';
import { systemActor } from '../audit/index.js';
import { runCommand } from '../command.js';
import type { Deps } from '../deps.js';
import { log } from '../log/index.js';
import { memberships } from './schema.js';
import { createUser } from './users.js';

/** With JIMUKYOKU_ADMIN_EMAIL and _PASSWORD set and no admin yet, creates that installation admin. */
export async function ensureInitialAdmin(deps: Deps): Promise<boolean> {
  const { adminEmail, adminPassword } = deps.config;
  if (!adminEmail || !adminPassword) return false;
  const admins = await deps.db.select({ id: memberships.id }).from(memberships).where(eq(memberships.role, 'admin')).limit(1);
  if (admins.length) return false;
  await runCommand(deps, systemActor('bootstrap'), (ctx) => createUser(ctx, { email: adminEmail, password: adminPassword, role: 'admin', programId: null }));
  log.info('initial admin created');
  return true;
}
