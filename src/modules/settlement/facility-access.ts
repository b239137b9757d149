import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.js';
import { rolesIn } from '../../platform/auth/memberships.js';
import { AppError } from '../../platform/errors/index.js';
import type { AuthState } from '../../platform/http/env.js';
import { authorizeProgram } from '../../platform/http/guards.js';
import { facilityDirectory, facilityDirectoryColumns, type FacilityEntry } from '../campaign/index.js';
import type { Program } from '../../platform/programs/schema.js';
import { sm } from './messages.js';
import { facilityUsers } from './schema.js';

/** Gives a business user the right to act for a facility (idempotent). */
export async function grantFacilityAccess(conn: Conn, facilityId: number, userId: number): Promise<void> {
  await conn.insert(facilityUsers).values({ facilityId, userId }).onConflictDoNothing();
}

/** The facilities a user may act for (any program), by id. */
export async function facilityIdsOfUser(conn: Conn, userId: number): Promise<number[]> {
  const rows = await conn.select({ id: facilityUsers.facilityId }).from(facilityUsers).where(eq(facilityUsers.userId, userId)).orderBy(facilityUsers.facilityId);
  return rows.map((r) => r.id);
}

/** The users who may act for a facility, by id. */
export async function userIdsOfFacility(conn: Conn, facilityId: number): Promise<number[]> {
  const rows = await conn.select({ id: facilityUsers.userId }).from(facilityUsers).where(eq(facilityUsers.facilityId, facilityId)).orderBy(facilityUsers.userId);
  return rows.map((r) => r.id);
}

/**
 * The facility, if the caller may act for it: operators and admins of its program for any
 * facility, a business only for its own. Anything else is 404, so nothing leaks across programs
 * or businesses.
 */
export async function facilityForActor(conn: Conn, auth: AuthState, program: Program, facilityId: number): Promise<FacilityEntry> {
  return (await claimTargetForActor(conn, auth, program, facilityId)).facility;
}

/** Ledger account ids a claim moves money between; undefined where the account does not exist yet. */
export interface ClaimAccountIds {
  available?: number;
  reserved?: number;
  pool?: number;
}

/**
 * facilityForActor with the facility's claim accounts, in one statement (the claim's hot path):
 * the facility, whether the caller is linked to it, and its `available`, `reserved` and the
 * program's `pool` account ids.
 */
export async function claimTargetForActor(conn: Conn, auth: AuthState, program: Program, facilityId: number): Promise<{ facility: FacilityEntry; accounts: ClaimAccountIds }> {
  const roles = authorizeProgram(auth, program, ['admin', 'operator', 'business']);
  const account = (kind: string, facility: SQL | null) =>
    sql<number | null>`(select a.id from ledger_accounts a where a.program_id = ${program.id} and a.kind = ${kind} and ${facility ? sql`a.facility_id = ${facility}` : sql`a.facility_id is null`})`;
  const [row] = await conn
    .select({
      facility: facilityDirectoryColumns(),
      linked: sql<boolean>`exists (select 1 from ${facilityUsers} fu where fu.facility_id = ${facilityDirectory.id} and fu.user_id = ${auth.user.id})`,
      available: account('available', sql`${facilityDirectory.id}`),
      reserved: account('reserved', sql`${facilityDirectory.id}`),
      pool: account('pool', null),
    })
    .from(facilityDirectory)
    .where(and(eq(facilityDirectory.id, facilityId), eq(facilityDirectory.programId, program.id)));
  const staff = roles.includes('admin') || roles.includes('operator');
  if (!row || (!staff && !row.linked)) throw new AppError('not-found', sm('cmd.facilityNotFound', { id: facilityId }));
  const id = (v: number | string | null) => (v === null ? undefined : Number(v));
  return { facility: row.facility, accounts: { available: id(row.available), reserved: id(row.reserved), pool: id(row.pool) } };
}

export function isProgramStaff(auth: AuthState, programId: number): boolean {
  return rolesIn(auth.grants, programId).some((r) => r === 'admin' || r === 'operator');
}

/**
 * A facility whose money the caller may read: any facility of the program for its staff (admin,
 * operator, city), a business only its own. Anything else is 404, like facilityForActor.
 */
export async function facilityForMoneyReader(conn: Conn, auth: AuthState, program: Program, facilityId: number): Promise<FacilityEntry> {
  const roles = authorizeProgram(auth, program, ['admin', 'operator', 'city', 'business']);
  const [row] = await conn
    .select({ facility: facilityDirectoryColumns(), linked: sql<boolean>`exists (select 1 from ${facilityUsers} fu where fu.facility_id = ${facilityDirectory.id} and fu.user_id = ${auth.user.id})` })
    .from(facilityDirectory)
    .where(and(eq(facilityDirectory.id, facilityId), eq(facilityDirectory.programId, program.id)));
  const staff = roles.some((r) => r !== 'business');
  if (!row || (!staff && !row.linked)) throw new AppError('not-found', sm('cmd.facilityNotFound', { id: facilityId }));
  return row.facility;
}
