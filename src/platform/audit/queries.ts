import { and, desc, eq, gte, like, lt, sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.js';
import { auditLog, type AuditRow } from './schema.js';

export interface AuditFilter {
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  programIds?: number[] | 'all';
  from?: Date;
  to?: Date;
}

function where(f: AuditFilter): SQL | undefined {
  const conds: SQL[] = [];
  if (f.actor) conds.push(eq(auditLog.actorLabel, f.actor));
  if (f.action) conds.push(like(auditLog.action, f.action.replace(/[%_]/g, '') + '%'));
  if (f.targetType) conds.push(eq(auditLog.targetType, f.targetType));
  if (f.targetId) conds.push(eq(auditLog.targetId, f.targetId));
  if (f.from) conds.push(gte(auditLog.at, f.from));
  if (f.to) conds.push(lt(auditLog.at, f.to));
  if (f.programIds !== 'all' && f.programIds) {
    conds.push(f.programIds.length ? sql`${auditLog.programId} in (${sql.join(f.programIds.map((id) => sql`${id}`), sql`, `)})` : sql`false`);
  }
  return conds.length ? and(...conds) : undefined;
}

export async function searchAudit(conn: Conn, f: AuditFilter, page: number, perPage: number): Promise<{ total: number; rows: AuditRow[] }> {
  const w = where(f);
  const [count] = await conn.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(w);
  const rows = await conn.select().from(auditLog).where(w).orderBy(desc(auditLog.id)).limit(perPage).offset((page - 1) * perPage);
  return { total: Number(count?.n ?? 0), rows };
}

/** Pages through every matching row, for exports. */
export async function* iterateAudit(conn: Conn, f: AuditFilter, pageSize = 2000): AsyncGenerator<AuditRow> {
  let before = Number.MAX_SAFE_INTEGER;
  for (;;) {
    const rows = await conn.select().from(auditLog).where(and(where(f), lt(auditLog.id, before))).orderBy(desc(auditLog.id)).limit(pageSize);
    if (!rows.length) return;
    yield* rows;
    before = rows[rows.length - 1]!.id;
  }
}
