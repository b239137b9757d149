import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Conn } from '../../db/client.js';
import { programs } from '../programs/schema.js';
import { memberships, type Role } from './schema.js';

export interface Grant {
  programId: number | null;
  programSlug: string | null;
  role: Role;
  /** The program's `requireTwoFactor` setting. */
  programRequiresMfa: boolean;
}

export async function grantsOf(conn: Conn, userId: number): Promise<Grant[]> {
  const [row] = await queryRows<{ grants: GrantRow[] }>(conn, sql`select ${grantsJson(sql`${userId}`)} as grants`);
  return toGrants(row!.grants);
}

/** A user's grants as one JSON array, for embedding in a lookup that finds the user (one statement). */
export function grantsJson(userId: SQL): SQL {
  return sql`coalesce((select json_agg(json_build_object('programId', m.program_id, 'programSlug', p.slug, 'role', m.role,
    'requiresMfa', coalesce((p.settings->>'requireTwoFactor')::boolean, false)) order by m.id)
    from ${memberships} m left join ${programs} p on p.id = m.program_id where m.user_id = ${userId}), '[]'::json)`;
}

export interface GrantRow {
  programId: number | null;
  programSlug: string | null;
  role: Role;
  requiresMfa: boolean;
}

/** Grants from grantsJson's column (drivers hand `json` over parsed; text is parsed here). */
export function toGrants(column: GrantRow[] | string): Grant[] {
  const rows: GrantRow[] = typeof column === 'string' ? JSON.parse(column) : column;
  return rows.map((r) => ({ programId: r.programId, programSlug: r.programSlug, role: r.role, programRequiresMfa: r.requiresMfa === true }));
}

export const STAFF_ROLES: readonly Role[] = ['admin', 'operator', 'agent', 'city'];

export function isInstallationAdmin(grants: Grant[]): boolean {
  return grants.some((g) => g.role === 'admin' && g.programId === null);
}

/** The roles a user holds in one program; an installation-wide admin is admin everywhere. */
export function rolesIn(grants: Grant[], programId: number): Role[] {
  const roles = grants.filter((g) => g.programId === programId).map((g) => g.role);
  if (isInstallationAdmin(grants) && !roles.includes('admin')) roles.push('admin');
  return roles;
}

/** Admins always; other staff roles where their program asks for it. Businesses never. */
export function mfaRequired(grants: Grant[]): boolean {
  return grants.some((g) => g.role === 'admin' || (g.role !== 'business' && g.programRequiresMfa));
}

export function isStaff(grants: Grant[]): boolean {
  return grants.some((g) => STAFF_ROLES.includes(g.role));
}

/**
 * Adds the role; false when the user already held it (one statement: two concurrent adds insert
 * one row, the unique index decides). Grants go through grantRole (./grant-role.ts), which audits.
 */
export async function addMembership(conn: Conn, userId: number, role: Role, programId: number | null): Promise<boolean> {
  const added = await conn.insert(memberships).values({ userId, role, programId }).onConflictDoNothing().returning({ id: memberships.id });
  return added.length > 0;
}

/** The roles the user holds in one program (`null`: installation-wide). */
export async function rolesHeldIn(conn: Conn, userId: number, programId: number | null): Promise<Role[]> {
  const rows = await conn
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), programId === null ? isNull(memberships.programId) : eq(memberships.programId, programId)));
  return rows.map((r) => r.role);
}

export async function removeMembership(conn: Conn, userId: number, role: Role, programId: number | null): Promise<number> {
  const rows = await conn
    .delete(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.role, role), programId === null ? isNull(memberships.programId) : eq(memberships.programId, programId)))
    .returning({ id: memberships.id });
  return rows.length;
}


/** Where a person lands after signing in: staff in the back office, a business in its portal. */
export function defaultLanding(grants: Grant[]): string {
  if (isStaff(grants)) return '/admin';
  const business = grants.find((g) => g.role === 'business' && g.programSlug);
  return business ? `/${business.programSlug}/business` : '/account';
}

/** The addresses of the active users holding `role` in one program (for mails to, say, its City staff). */
export async function programMemberEmails(conn: Conn, programId: number, role: Role): Promise<string[]> {
  const rows = await queryRows<{ email: string }>(
    conn,
    sql`select distinct u.email from ${memberships} m join users u on u.id = m.user_id
        where m.program_id = ${programId} and m.role = ${role} and u.status = 'active' order by u.email`,
  );
  return rows.map((r) => r.email);
}
