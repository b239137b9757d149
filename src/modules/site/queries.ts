/**
 * Reads of the site module. Facilities belong to the campaign module; this module reads its
 * `facilities` table directly, read-only, only to build the public search index (noted in
 * docs/modules/site.md) — the campaign module is being changed in parallel and exports no such read.
 */
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Conn } from '../../db/client.js';
import { facilities } from '../campaign/schema.js';
import { siteContents, siteContentVersions, siteIndexVersions, type ContentKind, type SiteContent, type SiteContentVersion } from './schema.js';

export interface PublicFacility {
  id: number;
  name: string;
  nameKana: string;
  type: string;
  ward: string;
  postalCode: string;
  address: string;
  phone: string;
  website: string;
  rooms: number | null;
  features: string[];
  description: string;
  soldOutOn: string | null;
}

/** The public fields of a program's registered facilities (suspended and withdrawn ones are not listed). */
export async function listSearchableFacilities(conn: Conn, programId: number): Promise<PublicFacility[]> {
  return conn
    .select({
      id: facilities.id,
      name: facilities.name,
      nameKana: facilities.nameKana,
      type: facilities.type,
      ward: facilities.ward,
      postalCode: facilities.postalCode,
      address: facilities.address,
      phone: facilities.phone,
      website: facilities.url,
      rooms: facilities.rooms,
      features: facilities.features,
      description: facilities.description,
      soldOutOn: facilities.soldOutOn,
    })
    .from(facilities)
    .where(and(eq(facilities.programId, programId), eq(facilities.status, 'registered')))
    .orderBy(asc(facilities.id));
}

/** The version the trigger on `facilities` keeps for the program; 0 before the first change. */
export async function readIndexVersion(conn: Conn, programId: number): Promise<number> {
  const [row] = await conn.select({ v: siteIndexVersions.version }).from(siteIndexVersions).where(eq(siteIndexVersions.programId, programId));
  return Number(row?.v ?? 0);
}

export async function findFacilityForUpdate(conn: Conn, programId: number, facilityId: number) {
  const [row] = await conn
    .select({ id: facilities.id, soldOutOn: facilities.soldOutOn })
    .from(facilities)
    .where(and(eq(facilities.programId, programId), eq(facilities.id, facilityId)))
    .for('update');
  return row;
}

export async function listContents(conn: Conn, programId: number): Promise<SiteContent[]> {
  return conn.select().from(siteContents).where(eq(siteContents.programId, programId)).orderBy(asc(siteContents.kind), asc(siteContents.sortOrder), asc(siteContents.id));
}

export async function findContent(conn: Conn, programId: number, id: number): Promise<SiteContent | undefined> {
  const [row] = await conn.select().from(siteContents).where(and(eq(siteContents.programId, programId), eq(siteContents.id, id)));
  return row;
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
