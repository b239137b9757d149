import { and, desc, eq, gte, like, lt, sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../../db/client.js';
import { users } from '../auth/schema.js';
import { auditLog, type AuditRow } from './schema.js';

/** An entry with its actor's e-mail address (resolved now from users; null for CLI, system, anonymous). */
export type AuditListRow = AuditRow & { actorEmail: string | null };

export interface AuditFilter {
  actor?: string;
  /** The acting user's id (the page resolves an e-mail address to it; 0 matches nothing). */
  actorUserId?: number;
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
  if (f.actorUserId !== undefined) conds.push(eq(auditLog.actorUserId, f.actorUserId));
  // A prefix search: LIKE's own characters in the text are matched literally (actions contain '_').
  if (f.action) conds.push(like(auditLog.action, f.action.replace(/[\\%_]/g, (ch) => '\\' + ch) + '%'));
  if (f.targetType) conds.push(eq(auditLog.targetType, f.targetType));
  if (f.targetId) conds.push(eq(auditLog.targetId, f.targetId));
  if (f.from) conds.push(gte(auditLog.at, f.from));
  if (f.to) conds.push(lt(auditLog.at, f.to));
  if (f.programIds !== 'all' && f.programIds) {
    conds.push(f.programIds.length ? sql`${auditLog.programId} in (${sql.join(f.programIds.map((id) => sql`${id}`), sql`, `)})` : sql`false`);
  }
  return conds.length ? and(...conds) : undefined;
}

function withEmail(conn: Conn) {
  return conn.select({ entry: auditLog, actorEmail: users.email }).from(auditLog).leftJoin(users, eq(users.id, auditLog.actorUserId));
}

const flat = (r: { entry: AuditRow; actorEmail: string | null }): AuditListRow => ({ ...r.entry, actorEmail: r.actorEmail });

export async function searchAudit(conn: Conn, f: AuditFilter, page: number, perPage: number): Promise<{ total: number; rows: AuditListRow[] }> {
  const w = where(f);
  const [count] = await conn.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(w);
  const rows = await withEmail(conn).where(w).orderBy(desc(auditLog.id)).limit(perPage).offset((page - 1) * perPage);
  return { total: Number(count?.n ?? 0), rows: rows.map(flat) };
}

/** Pages through every matching row, for exports. */
export async function* iterateAudit(conn: Conn, f: AuditFilter, pageSize = 2000): AsyncGenerator<AuditListRow> {
  let before = Number.MAX_SAFE_INTEGER;
  for (;;) {
    const rows = await withEmail(conn).where(and(where(f), lt(auditLog.id, before))).orderBy(desc(auditLog.id)).limit(pageSize);
    if (!rows.length) return;
    yield* rows.map(flat);
    before = rows[rows.length - 1]!.entry.id;
  }
}

/** Whether the trail holds an entry of `action` whose diff has `field` = `value` (a daily job's "done today"). */
export async function auditedWith(conn: Conn, action: string, field: string, value: string): Promise<boolean> {
  const [row] = await conn
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), sql`${auditLog.diff}->>${field} = ${value}`))
    .limit(1);
  return !!row;
}
