/**
 * Reads of the site module. Facilities belong to the campaign module: their public fields come
 * from campaign's index (listPublicFacilities), never from its tables.
 */
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Conn } from '../../db/client.js';
import { siteContents, siteContentVersions, siteIndexVersions, type ContentKind, type SiteContent, type SiteContentVersion } from './schema.js';

export type { PublicFacility } from '../campaign/index.js';

/** The version the trigger on `facilities` keeps for the program; 0 before the first change. */
export async function readIndexVersion(conn: Conn, programId: number): Promise<number> {
  const [row] = await conn.select({ v: siteIndexVersions.version }).from(siteIndexVersions).where(eq(siteIndexVersions.programId, programId));
  return Number(row?.v ?? 0);
}

export async function listContents(conn: Conn, programId: number): Promise<SiteContent[]> {
  return conn.select().from(siteContents).where(eq(siteContents.programId, programId)).orderBy(asc(siteContents.kind), asc(siteContents.sortOrder), asc(siteContents.id));
}

export async function findContent(conn: Conn, programId: number, id: number): Promise<SiteContent | undefined> {
  const [row] = await conn.select().from(siteContents).where(and(eq(siteContents.programId, programId), eq(siteContents.id, id)));
  return row;
}

/** Which of `keys` the program has contents for. */
export async function presentContentKeys(conn: Conn, programId: number, keys: string[]): Promise<Array<{ key: string }>> {
  return conn.select({ key: siteContents.key }).from(siteContents).where(and(eq(siteContents.programId, programId), inArray(siteContents.key, keys)));
}

export async function findContentByKey(conn: Conn, programId: number, key: string): Promise<SiteContent | undefined> {
  const [row] = await conn.select().from(siteContents).where(and(eq(siteContents.programId, programId), eq(siteContents.key, key)));
  return row;
}

export async function listVersions(conn: Conn, contentId: number): Promise<SiteContentVersion[]> {
  return conn.select().from(siteContentVersions).where(eq(siteContentVersions.contentId, contentId)).orderBy(desc(siteContentVersions.number));
}

export async function findVersion(conn: Conn, programId: number, id: number): Promise<SiteContentVersion | undefined> {
  const [row] = await conn.select().from(siteContentVersions).where(and(eq(siteContentVersions.programId, programId), eq(siteContentVersions.id, id)));
  return row;
}

export async function nextVersionNumber(conn: Conn, contentId: number): Promise<number> {
  const [row] = await conn.select({ n: sql<number>`coalesce(max(${siteContentVersions.number}), 0)::int` }).from(siteContentVersions).where(eq(siteContentVersions.contentId, contentId));
  return Number(row?.n ?? 0) + 1;
}

export interface LiveContent {
  content: SiteContent;
  version: SiteContentVersion;
}

/**
 * What the public sees: per content, the newest approved version whose publication time has come.
 * Drafts, pending and rejected versions never appear.
 */
export async function listLiveContents(conn: Conn, programId: number, now: Date, kinds: ContentKind[]): Promise<LiveContent[]> {
  const rows = await conn
    .selectDistinctOn([siteContentVersions.contentId], { version: siteContentVersions, content: siteContents })
    .from(siteContentVersions)
    .innerJoin(siteContents, eq(siteContents.id, siteContentVersions.contentId))
    .where(
      and(
        eq(siteContentVersions.programId, programId),
        eq(siteContentVersions.status, 'approved'),
        lte(siteContentVersions.publishAt, now),
        inArray(siteContents.kind, kinds),
      ),
    )
    .orderBy(siteContentVersions.contentId, desc(siteContentVersions.number));
  return rows;
}
