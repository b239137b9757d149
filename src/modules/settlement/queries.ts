import { and, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Conn } from '../../db/client.js';
import { facilityDirectory, facilityDirectoryColumns, facilityNamesOf, type FacilityEntry } from '../campaign/index.js';
import { claims, facilitySalesStops, facilityUsers, paymentBatches, type Claim, type ClaimStatus, type PaymentBatch } from './schema.js';

/** The facilities a business user may act for in a program. */
export async function facilitiesForUser(conn: Conn, programId: number, userId: number): Promise<FacilityEntry[]> {
  return conn
    .select({ f: facilityDirectoryColumns() })
    .from(facilityUsers)
    .innerJoin(facilityDirectory, eq(facilityDirectory.id, facilityUsers.facilityId))
    .where(and(eq(facilityUsers.userId, userId), eq(facilityDirectory.programId, programId)))
    .orderBy(facilityDirectory.id)
    .then((rows) => rows.map((r) => r.f));
}

export async function claimsOfFacilities(conn: Conn, facilityIds: number[], limit = 200): Promise<Claim[]> {
  if (!facilityIds.length) return [];
  return conn.select().from(claims).where(inArray(claims.facilityId, facilityIds)).orderBy(desc(claims.id)).limit(limit);
}

export async function claimsByStatus(conn: Conn, programId: number, status: ClaimStatus, limit = 500): Promise<Array<Claim & { facilityName: string }>> {
  const rows = await conn
    .select({ c: claims, name: facilityDirectory.name })
    .from(claims)
    .innerJoin(facilityDirectory, eq(facilityDirectory.id, claims.facilityId))
    .where(and(eq(claims.programId, programId), eq(claims.status, status)))
    .orderBy(claims.checkOut, claims.id)
    .limit(limit);
  return rows.map((r) => ({ ...r.c, facilityName: r.name }));
}

export async function countClaimsByStatus(conn: Conn, programId: number): Promise<Record<string, number>> {
  const rows = await conn.select({ status: claims.status, n: sql<number>`count(*)::int` }).from(claims).where(eq(claims.programId, programId)).groupBy(claims.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

export interface ClaimFilter {
  status?: ClaimStatus;
  facilityId?: number;
  /** `YYYY-MM`: check-out in that month. */
  month?: { first: string; next: string };
}

/** One page of a program's claims for the review screen, oldest check-out first. */
export async function filteredClaims(conn: Conn, programId: number, f: ClaimFilter, page: number, perPage: number): Promise<{ total: number; rows: Array<Claim & { facilityName: string }> }> {
  const conds = [eq(claims.programId, programId)];
  if (f.status) conds.push(eq(claims.status, f.status));
  if (f.facilityId) conds.push(eq(claims.facilityId, f.facilityId));
  if (f.month) conds.push(gte(claims.checkOut, f.month.first), lt(claims.checkOut, f.month.next));
  const where = and(...conds);
  const [count] = await conn.select({ n: sql<number>`count(*)::int` }).from(claims).where(where);
  const rows = await conn
    .select({ c: claims, name: facilityDirectory.name })
    .from(claims)
    .innerJoin(facilityDirectory, eq(facilityDirectory.id, claims.facilityId))
    .where(where)
    .orderBy(claims.checkOut, claims.id)
    .limit(perPage)
    .offset((page - 1) * perPage);
  return { total: Number(count?.n ?? 0), rows: rows.map((r) => ({ ...r.c, facilityName: r.name })) };
}

/** id, name of each facility of a program (for filters and pickers). */
export async function programFacilityNames(conn: Conn, programId: number): Promise<Array<{ id: number; name: string }>> {
  return facilityNamesOf(conn, programId);
}

/** Of the facilities given, those whose business stopped sales itself, with the date. */
export async function salesStopsOf(conn: Conn, facilityIds: number[]): Promise<Map<number, string>> {
  if (!facilityIds.length) return new Map();
  const rows = await conn.select().from(facilitySalesStops).where(inArray(facilitySalesStops.facilityId, facilityIds));
  return new Map(rows.map((r) => [r.facilityId, r.stoppedOn]));
}

export async function findClaim(conn: Conn, id: number): Promise<Claim | undefined> {
  const [claim] = await conn.select().from(claims).where(eq(claims.id, id));
  return claim;
}

/** A program's month-end closes, newest month first. */
export async function listPaymentBatches(conn: Conn, programId: number): Promise<PaymentBatch[]> {
  return conn.select().from(paymentBatches).where(eq(paymentBatches.programId, programId)).orderBy(desc(paymentBatches.month));
}
