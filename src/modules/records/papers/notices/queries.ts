import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Conn } from '../../../../db/client.js';
import type { Program } from '../../../../platform/programs/schema.js';
import { recordsNotices, type IssuedNotice, type NoticeKind } from '../schema.js';
import { currentStructure, structureFingerprint } from './structure.js';

/** The last issue of each kind of notice of a program. */
export async function lastNotices(conn: Conn, programId: number): Promise<Map<NoticeKind, IssuedNotice>> {
  const rows = await conn.select().from(recordsNotices).where(eq(recordsNotices.programId, programId)).orderBy(desc(recordsNotices.id));
  const map = new Map<NoticeKind, IssuedNotice>();
  for (const r of rows) if (!map.has(r.kind)) map.set(r.kind, r);
  return map;
}

/** The notices that state the delivery structure: a later change of it asks for a 体制変更届. */
const STATING: NoticeKind[] = ['commencement', 'lead-person', 'structure-change'];

/**
 * Whether the lead person or the approved roster changed since the last notice that stated them
 * (false while no such notice was issued: there is nothing to change from yet).
 */
export async function structureChangedSinceNotice(conn: Conn, program: Program): Promise<{ changed: boolean; since: Date | null }> {
  const [last] = await conn
    .select()
    .from(recordsNotices)
    .where(and(eq(recordsNotices.programId, program.id), inArray(recordsNotices.kind, STATING)))
    .orderBy(desc(recordsNotices.id))
    .limit(1);
  if (!last) return { changed: false, since: null };
  const now = structureFingerprint(await currentStructure(conn, program));
  return { changed: now !== last.fingerprint, since: last.createdAt };
}
