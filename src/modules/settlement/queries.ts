import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Conn } from '../../db/client.js';
import { auditLog, type AuditRow } from '../../platform/audit/schema.js';
import { facilities, type Facility } from '../campaign/schema.js';
import { claims, facilityUsers, type Claim, type ClaimStatus } from './schema.js';

/** The facilities a business user may act for in a program. */
export async function facilitiesForUser(conn: Conn, programId: number, userId: number): Promise<Facility[]> {
  return conn
    .select({ f: facilities })
    .from(facilityUsers)
    .innerJoin(facilities, eq(facilities.id, facilityUsers.facilityId))
    .where(and(eq(facilityUsers.userId, userId), eq(facilities.programId, programId)))
    .orderBy(facilities.id)
    .then((rows) => rows.map((r) => r.f));
}

export async function claimsOfFacilities(conn: Conn, facilityIds: number[], limit = 200): Promise<Claim[]> {
  if (!facilityIds.length) return [];
  return conn.select().from(claims).where(inArray(claims.facilityId, facilityIds)).orderBy(desc(claims.id)).limit(limit);
}

export async function claimsByStatus(conn: Conn, programId: number, status: ClaimStatus, limit = 500): Promise<Array<Claim & { facilityName: string }>> {
  const rows = await conn
    .select({ c: claims, name: facilities.name })
    .from(claims)
    .innerJoin(facilities, eq(facilities.id, claims.facilityId))
    .where(and(eq(claims.programId, programId), eq(claims.status, status)))
    .orderBy(claims.checkOut, claims.id)
    .limit(limit);
  return rows.map((r) => ({ ...r.c, facilityName: r.name }));
}

export async function countClaimsByStatus(conn: Conn, programId: number): Promise<Record<string, number>> {
  const rows = await conn.select({ status: claims.status, n: sql<number>`count(*)::int` }).from(claims).where(eq(claims.programId, programId)).groupBy(claims.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** A program's settings changes from the audit trail (the rules' version history), newest first. */
export async function settingsChanges(conn: Conn, programId: number, limit = 50): Promise<AuditRow[]> {
  return conn
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.programId, programId), eq(auditLog.action, 'platform.program.settings_changed')))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
