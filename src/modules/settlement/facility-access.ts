import { and, eq } from 'drizzle-orm';
import type { Conn } from '../../db/client.js';
import { rolesIn } from '../../platform/auth/memberships.js';
import { AppError } from '../../platform/errors/index.js';
import type { AuthState } from '../../platform/http/env.js';
import { authorizeProgram } from '../../platform/http/guards.js';
import { facilities, type Facility } from '../campaign/schema.js';
import type { Program } from '../programs/schema.js';
import { facilityUsers } from './schema.js';

/** Gives a business user the right to act for a facility (idempotent). */
export async function grantFacilityAccess(conn: Conn, facilityId: number, userId: number): Promise<void> {
  await conn.insert(facilityUsers).values({ facilityId, userId }).onConflictDoNothing();
}

/**
 * The facility, if the caller may act for it: operators and admins of its program for any
 * facility, a business only for its own. Anything else is 404, so nothing leaks across programs
 * or businesses.
 */
export async function facilityForActor(conn: Conn, auth: AuthState, program: Program, facilityId: number): Promise<Facility> {
  const roles = authorizeProgram(auth, program, ['admin', 'operator', 'business']);
  const [facility] = await conn.select().from(facilities).where(and(eq(facilities.id, facilityId), eq(facilities.programId, program.id)));
  if (!facility) throw new AppError('not-found', `施設 (id ${facilityId}) が見つかりません`);
  if (roles.includes('admin') || roles.includes('operator')) return facility;
  const [link] = await conn.select().from(facilityUsers).where(and(eq(facilityUsers.facilityId, facilityId), eq(facilityUsers.userId, auth.user.id)));
  if (!link) throw new AppError('not-found', `施設 (id ${facilityId}) が見つかりません`);
  return facility;
}

export function isProgramStaff(auth: AuthState, programId: number): boolean {
  return rolesIn(auth.grants, programId).some((r) => r === 'admin' || r === 'operator');
}
