import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { queryRows, type Conn } from '../../../db/client.js';
import { privacyFiles, type FileOwner } from '../schema.js';

/** The files of one owner (roster entry or handover), removed ones too, oldest first. */
export async function listFiles(conn: Conn, owner: FileOwner, ownerId: number) {
  return conn.select().from(privacyFiles).where(and(eq(privacyFiles.owner, owner), eq(privacyFiles.ownerId, ownerId))).orderBy(asc(privacyFiles.id));
}

/** How many files each owner of a program holds now (not removed), by owner id. */
export async function heldFileCounts(conn: Conn, programId: number, owner: FileOwner): Promise<Map<number, number>> {
  const rows = await queryRows<{ id: number; n: number }>(
    conn,
    sql`select owner_id as id, count(*)::int as n from privacy_files where program_id = ${programId} and owner = ${owner} and removed_at is null group by owner_id`,
  );
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** Files of the program still held (not removed): count and bytes, for the erasure plan. */
export async function heldFiles(conn: Conn, programId: number): Promise<{ files: number; bytes: number }> {
  const [row] = await conn
    .select({ files: sql<number>`count(*)::int`, bytes: sql<number>`coalesce(sum(${privacyFiles.size}), 0)::bigint` })
    .from(privacyFiles)
    .where(and(eq(privacyFiles.programId, programId), isNull(privacyFiles.removedAt)));
  return { files: Number(row!.files), bytes: Number(row!.bytes) };
}

/** The id of the owner's latest file still held, or null. */
export async function latestHeldFile(conn: Conn, owner: FileOwner, ownerId: number): Promise<number | null> {
  const [row] = await conn
    .select({ id: privacyFiles.id })
    .from(privacyFiles)
    .where(and(eq(privacyFiles.owner, owner), eq(privacyFiles.ownerId, ownerId), isNull(privacyFiles.removedAt)))
    .orderBy(desc(privacyFiles.id))
    .limit(1);
  return row?.id ?? null;
}
