import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { grantsOf, isInstallationAdmin, rolesIn, type Grant } from '../auth/memberships.js';
import { memberships, users, type Role } from '../auth/schema.js';
import type { Deps } from '../deps.js';
import type { InboxItem } from '../module/manifest.js';
import { listPrograms } from '../programs/queries.js';
import type { Program } from '../programs/schema.js';

/** One kind of work waiting in one program, as the inbox page and the digest list it. */
export interface WaitingWork extends InboxItem {
  program: Pick<Program, 'id' | 'slug' | 'name' | 'kind'>;
}

/** The roles someone holds in a program; an installation admin acts as admin everywhere. */
export function rolesInProgram(grants: Grant[], programId: number): Role[] {
  return isInstallationAdmin(grants) ? ['admin'] : rolesIn(grants, programId);
}

/**
 * Everything waiting for someone with these grants, across programs and modules (each module
 * contributes through the manifest's `inbox` slot): oldest first, then the earliest due date.
 */
export async function waitingWork(deps: Deps, grants: Grant[]): Promise<WaitingWork[]> {
  const everywhere = isInstallationAdmin(grants);
  const programs = (await listPrograms(deps.db)).filter((p) => everywhere || grants.some((g) => g.programId === p.id));
  const out: WaitingWork[] = [];
  // Sequential: PGlite has one connection, and each module counts a handful of rows per program.
  for (const p of programs) {
    const roles = rolesInProgram(grants, p.id);
    for (const slot of deps.modules.inbox) {
      if (!slot.kinds.includes(p.kind) || !slot.roles.some((r) => roles.includes(r))) continue;
      for (const item of await slot.items(deps, p, roles)) {
        if (item.count > 0) out.push({ ...item, program: { id: p.id, slug: p.slug, name: p.name, kind: p.kind } });
      }
    }
  }
  return out.sort(byOldestThenDue);
}

function byOldestThenDue(a: InboxItem, b: InboxItem): number {
  const at = a.oldest?.getTime() ?? Infinity;
  const bt = b.oldest?.getTime() ?? Infinity;
  if (at !== bt) return at - bt;
  return (a.due ?? '9999').localeCompare(b.due ?? '9999');
}

/** Active users holding one of `roles` in some program, with all their grants (for the daily digest). */
export async function staffWithRoles(deps: Deps, roles: Role[]): Promise<Array<{ userId: number; email: string; grants: Grant[] }>> {
  const rows = await deps.db
    .selectDistinct({ userId: users.id, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(users.status, 'active'), inArray(memberships.role, roles), isNotNull(memberships.programId)))
    .orderBy(users.id);
  const out = [];
  for (const r of rows) out.push({ ...r, grants: await grantsOf(deps.db, r.userId) });
  return out;
}
