import { createHash } from 'node:crypto';
import { asc, desc, eq } from 'drizzle-orm';
import type { Conn } from '../../../../db/client.js';
import { deliverableStatusByKey } from '../../../deliverables/index.js';
import { recordsScheduleSubmissions, recordsScheduleTasks, type ScheduleSubmission, type ScheduleTask } from '../schema.js';

export const SCHEDULE_KEY = 'schedule';

export async function listTasks(conn: Conn, programId: number): Promise<ScheduleTask[]> {
  return conn.select().from(recordsScheduleTasks).where(eq(recordsScheduleTasks.programId, programId)).orderBy(asc(recordsScheduleTasks.position), asc(recordsScheduleTasks.id));
}

export async function findTask(conn: Conn, id: number): Promise<ScheduleTask | undefined> {
  const [row] = await conn.select().from(recordsScheduleTasks).where(eq(recordsScheduleTasks.id, id));
  return row;
}

export async function listSubmissions(conn: Conn, programId: number): Promise<ScheduleSubmission[]> {
  return conn.select().from(recordsScheduleSubmissions).where(eq(recordsScheduleSubmissions.programId, programId)).orderBy(desc(recordsScheduleSubmissions.version));
}

/** What the City approves: titles, dates, owners and dependencies (progress updates need no new approval). */
export function scheduleHash(tasks: ScheduleTask[]): string {
  const plan = tasks.map((t) => [t.id, t.title, t.startsOn, t.endsOn, t.milestone, t.owner, t.ownerName, [...t.dependsOn].sort((a, b) => a - b)]);
  return createHash('sha256').update(JSON.stringify(plan)).digest('hex');
}

export type ApprovalState = 'draft' | 'submitted' | 'changed' | 'approved' | 'reapproval';

export interface ScheduleApproval {
  state: ApprovalState;
  /** When the City approved the schedule as it stands now; null when it does not. */
  approvedAt: Date | null;
  /** The approved submission (its hash is the approved snapshot), if any was approved. */
  approved: ScheduleSubmission | null;
  latest: ScheduleSubmission | null;
  hash: string;
  deliverableId: number | null;
}

/**
 * The schedule against its approval: the City approves versions of the `schedule` deliverable;
 * the approved submission is the last one sent before the last approval. The schedule is approved
 * while its tasks hash as that submission did and nothing was sent since; a change or a newer
 * version after an approval is 要再承認.
 */
export async function scheduleApproval(conn: Conn, programId: number, tasks?: ScheduleTask[]): Promise<ScheduleApproval> {
  const list = tasks ?? (await listTasks(conn, programId));
  const hash = scheduleHash(list);
  const subs = await listSubmissions(conn, programId);
  const latest = subs[0] ?? null;
  const status = await deliverableStatusByKey(conn, programId, SCHEDULE_KEY);
  const approvedAt = status?.approvedAt ?? null;
  const approved = approvedAt ? (subs.find((s) => s.submittedAt.getTime() <= approvedAt.getTime()) ?? null) : null;
  const base = { approved, latest, hash, deliverableId: status?.id ?? null, approvedAt: null };
  if (!latest) return { ...base, state: 'draft' };
  if (approved) {
    if (approved.id === latest.id && approved.hash === hash) return { ...base, state: 'approved', approvedAt };
    return { ...base, state: 'reapproval' };
  }
  return { ...base, state: latest.hash === hash ? 'submitted' : 'changed' };
}

/** Late: not done and its end date has passed. */
export function isLate(t: Pick<ScheduleTask, 'endsOn' | 'progress'>, today: string): boolean {
  return t.progress < 100 && t.endsOn < today;
}
