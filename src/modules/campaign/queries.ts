import { and, asc, desc, eq, gte, inArray, isNull, lt, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.js';
import { addDays, startOfTokyoDay } from '../../platform/calendar/index.js';
import { facilityIdsOfUser } from '../settlement/index.js';
import { campaignApplications, campaignNotices, facilities, type Application, type ApplicationStatus, type Facility, type Notice } from './schema.js';

export async function listRegisteredFacilities(conn: Conn, programId: number): Promise<Facility[]> {
  return conn
    .select()
    .from(facilities)
    .where(and(eq(facilities.programId, programId), eq(facilities.status, 'registered')))
    .orderBy(asc(facilities.nameKana));
}

export async function countFacilities(conn: Conn, programId: number): Promise<number> {
  const [row] = await conn.select({ n: sql<number>`count(*)::int` }).from(facilities).where(eq(facilities.programId, programId));
  return Number(row?.n ?? 0);
}

export async function findFacility(conn: Conn, id: number): Promise<Facility | undefined> {
  const [row] = await conn.select().from(facilities).where(eq(facilities.id, id));
  return row;
}

export async function facilitiesWithPendingProfile(conn: Conn, programId: number): Promise<Facility[]> {
  return conn
    .select()
    .from(facilities)
    .where(and(eq(facilities.programId, programId), sql`${facilities.pendingProfile} is not null`))
    .orderBy(asc(facilities.pendingSince));
}

export async function findApplication(conn: Conn, id: number): Promise<Application | undefined> {
  const [row] = await conn.select().from(campaignApplications).where(eq(campaignApplications.id, id));
  return row;
}

/** The signed-in applicant's application in a program (one per account), newest first. */
export async function findApplicantApplication(conn: Conn, programId: number, userId: number): Promise<Application | undefined> {
  const [row] = await conn
    .select()
    .from(campaignApplications)
    .where(and(eq(campaignApplications.programId, programId), eq(campaignApplications.applicantUserId, userId)))
    .orderBy(desc(campaignApplications.id))
    .limit(1);
  return row;
}

/**
 * The program's other submitted applications (any state but draft) with this licence number: the
 * possible duplicates a reviewer sees beside it.
 */
export async function applicationsWithLicense(conn: Conn, programId: number, licenseNumber: string, exceptId: number): Promise<Application[]> {
  return conn
    .select()
    .from(campaignApplications)
    .where(
      and(
        eq(campaignApplications.programId, programId),
        eq(campaignApplications.licenseNumber, licenseNumber),
        ne(campaignApplications.status, 'draft'),
        ne(campaignApplications.id, exceptId),
      ),
    )
    .orderBy(asc(campaignApplications.id));
}

/** The licence numbers that more than one live application (not draft, not rejected) of the program gives. */
export async function sharedLicenseNumbers(conn: Conn, programId: number): Promise<Set<string>> {
  const rows = await conn
    .select({ licenseNumber: campaignApplications.licenseNumber })
    .from(campaignApplications)
    .where(and(eq(campaignApplications.programId, programId), notInArray(campaignApplications.status, ['draft', 'rejected']), sql`${campaignApplications.licenseNumber} is not null`))
    .groupBy(campaignApplications.licenseNumber)
    .having(sql`count(*) > 1`);
  return new Set(rows.map((r) => r.licenseNumber!));
}

/** The facility of the program that holds this licence number (registered or suspended), if any. */
export async function findLicenseHolder(conn: Conn, programId: number, licenseNumber: string): Promise<Facility | undefined> {
  const [row] = await conn
    .select()
    .from(facilities)
    .where(and(eq(facilities.programId, programId), eq(facilities.licenseNumber, licenseNumber), ne(facilities.status, 'withdrawn')));
  return row;
}

export interface QueueFilter {
  status?: ApplicationStatus[];
  ward?: string;
  type?: string;
  /** Tokyo calendar days, inclusive. */
  submittedFrom?: string;
  submittedTo?: string;
  /** A user id, or 'none' for unassigned. */
  assignee?: number | 'none';
}

export async function listApplications(conn: Conn, programId: number, f: QueueFilter = {}): Promise<Application[]> {
  const where: Array<SQL | undefined> = [eq(campaignApplications.programId, programId), ne(campaignApplications.status, 'draft')];
  if (f.status?.length) where.push(inArray(campaignApplications.status, f.status));
  if (f.ward) where.push(sql`${campaignApplications.facility}->>'ward' = ${f.ward}`);
  if (f.type) where.push(sql`${campaignApplications.facility}->>'type' = ${f.type}`);
  if (f.submittedFrom) where.push(gte(campaignApplications.submittedAt, startOfTokyoDay(f.submittedFrom)));
  if (f.submittedTo) where.push(lt(campaignApplications.submittedAt, startOfTokyoDay(addDays(f.submittedTo, 1))));
  if (f.assignee === 'none') where.push(isNull(campaignApplications.assigneeUserId));
  else if (typeof f.assignee === 'number') where.push(eq(campaignApplications.assigneeUserId, f.assignee));
  return conn.select().from(campaignApplications).where(and(...where)).orderBy(asc(campaignApplications.submittedAt), asc(campaignApplications.id));
}

export async function listNotices(conn: Conn, programId: number): Promise<Notice[]> {
  return conn.select().from(campaignNotices).where(eq(campaignNotices.programId, programId)).orderBy(desc(campaignNotices.publishedAt), desc(campaignNotices.id));
}

/** Facilities a business user may act for (settlement keeps the links; approval writes them). */
export async function facilitiesOfUser(conn: Conn, programId: number, userId: number): Promise<Facility[]> {
  const ids = await facilityIdsOfUser(conn, userId);
  if (!ids.length) return [];
  return conn
    .select()
    .from(facilities)
    .where(and(eq(facilities.programId, programId), inArray(facilities.id, ids)))
    .orderBy(asc(facilities.id));
}
