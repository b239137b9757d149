import { and, eq, sql } from 'drizzle-orm';
import type { CommandContext } from '../../../../platform/command.js';
import { tokyoDate } from '../../../../platform/calendar/index.js';
import { AppError } from '../../../../platform/errors/index.js';
import { findProgramById } from '../../../../platform/programs/queries.js';
import { programs } from '../../../../platform/programs/schema.js';
import { parseOrThrow } from '../../../../platform/validation.js';
import { attachGeneratedVersion } from '../../../deliverables/index.js';
import { plm } from '../messages.js';
import { recordsScheduleSubmissions, recordsScheduleTasks, type ScheduleTask } from '../schema.js';
import { schedulePdf } from './pdf.js';
import { presetFor } from './preset.js';
import { listTasks, SCHEDULE_KEY, scheduleApproval, scheduleHash } from './queries.js';
import { taskSchema, type TaskInput } from './validators.js';

/** Serialises the program's schedule changes (edits and submissions) behind one row lock. */
async function lockSchedule(ctx: CommandContext, programId: number) {
  const [p] = await ctx.tx.select({ id: programs.id }).from(programs).where(eq(programs.id, programId)).for('no key update');
  if (!p) throw new AppError('not-found');
}

async function checkDeps(ctx: CommandContext, programId: number, v: TaskInput, selfId?: number) {
  if (!v.dependsOn.length) return;
  const tasks = await listTasks(ctx.tx, programId);
  const ids = new Set(tasks.map((t) => t.id));
  if (v.dependsOn.some((d) => d === selfId || !ids.has(d))) throw new AppError('validation-failed', plm('err.deps'), { fieldErrors: [{ field: 'dependsOn', message: plm('err.deps') }] });
}

const nextPosition = async (ctx: CommandContext, programId: number) =>
  Number(((await ctx.tx.select({ n: sql<number>`coalesce(max(${recordsScheduleTasks.position}), 0)::int + 1` }).from(recordsScheduleTasks).where(eq(recordsScheduleTasks.programId, programId))) as [{ n: number }])[0].n);

/** Fills an empty schedule from the preset of the program's kind (409 when it holds tasks). */
export async function applyPreset(ctx: CommandContext, programId: number): Promise<number> {
  await lockSchedule(ctx, programId);
  const program = (await findProgramById(ctx.tx, programId))!;
  if ((await listTasks(ctx.tx, programId)).length) throw new AppError('conflict', plm('err.notEmpty'));
  const preset = presetFor(program, tokyoDate(ctx.now));
  const ids: number[] = [];
  for (const [i, t] of preset.entries()) {
    const [row] = await ctx.tx
      .insert(recordsScheduleTasks)
      .values({ programId, title: t.title, startsOn: t.startsOn, endsOn: t.endsOn, milestone: t.milestone ?? false, owner: t.owner ?? 'contractor', dependsOn: (t.after ?? []).map((a) => ids[a]!), position: i + 1, createdAt: ctx.now, updatedAt: ctx.now })
      .returning({ id: recordsScheduleTasks.id });
    ids.push(row!.id);
  }
  ctx.audit({ action: 'records.schedule.preset', programId, targetType: 'program', targetId: String(programId), diff: { kind: program.kind, tasks: ids.length } });
  return ids.length;
}

/** Adds a task (from the form, or from a minutes' action item). */
export async function addTask(ctx: CommandContext, programId: number, input: unknown, actionItemId?: number): Promise<ScheduleTask> {
  const v = parseOrThrow(taskSchema, input);
  await lockSchedule(ctx, programId);
  await checkDeps(ctx, programId, v);
  const [row] = await ctx.tx
    .insert(recordsScheduleTasks)
    .values({ programId, ...v, actionItemId: actionItemId ?? null, position: await nextPosition(ctx, programId), createdAt: ctx.now, updatedAt: ctx.now })
    .returning();
  ctx.audit({ action: 'records.schedule.task_added', programId, targetType: 'schedule_task', targetId: String(row!.id), diff: { title: v.title, startsOn: v.startsOn, endsOn: v.endsOn } });
  await resendIfChangedAfterApproval(ctx, programId);
  return row!;
}

/** The task, locked with its schedule; 404 when there is none, 409 when it changed since `seenUpdatedAt` (what the form showed). */
async function lockTask(ctx: CommandContext, id: number, seenUpdatedAt: string | undefined): Promise<ScheduleTask> {
  const [found] = await ctx.tx.select({ programId: recordsScheduleTasks.programId }).from(recordsScheduleTasks).where(eq(recordsScheduleTasks.id, id));
  if (!found) throw new AppError('not-found');
  await lockSchedule(ctx, found.programId);
  const [t] = await ctx.tx.select().from(recordsScheduleTasks).where(eq(recordsScheduleTasks.id, id)).for('update');
  if (!t) throw new AppError('not-found');
  if (seenUpdatedAt && seenUpdatedAt !== t.updatedAt.toISOString()) throw new AppError('conflict', plm('err.stale'));
  return t;
}

/**
 * Changes a task; `seenUpdatedAt` (what the form showed) must still be its state, else 409.
 * A change to an approved schedule sends the changed schedule as a new version (要再承認).
 */
export async function updateTask(ctx: CommandContext, id: number, input: unknown, seenUpdatedAt?: string): Promise<{ resent: boolean }> {
  const v = parseOrThrow(taskSchema, input);
  const t = await lockTask(ctx, id, seenUpdatedAt);
  await checkDeps(ctx, t.programId, v, t.id);
  await ctx.tx.update(recordsScheduleTasks).set({ ...v, updatedAt: ctx.now }).where(eq(recordsScheduleTasks.id, id));
  const diff: Record<string, unknown> = {};
  for (const k of ['title', 'startsOn', 'endsOn', 'milestone', 'owner', 'ownerName', 'progress'] as const) if (t[k] !== v[k]) diff[k] = { from: t[k], to: v[k] };
  if (JSON.stringify(t.dependsOn) !== JSON.stringify(v.dependsOn)) diff.dependsOn = { from: t.dependsOn, to: v.dependsOn };
  ctx.audit({ action: 'records.schedule.task_updated', programId: t.programId, targetType: 'schedule_task', targetId: String(id), diff });
  return { resent: await resendIfChangedAfterApproval(ctx, t.programId) };
}

/** Removes a task no other task depends on. */
export async function removeTask(ctx: CommandContext, id: number, seenUpdatedAt?: string): Promise<void> {
  const t = await lockTask(ctx, id, seenUpdatedAt);
  const tasks = await listTasks(ctx.tx, t.programId);
  if (tasks.some((o) => o.dependsOn.includes(id))) throw new AppError('conflict', plm('err.dependedOn'));
  await ctx.tx.delete(recordsScheduleTasks).where(and(eq(recordsScheduleTasks.id, id), eq(recordsScheduleTasks.programId, t.programId)));
  ctx.audit({ action: 'records.schedule.task_removed', programId: t.programId, targetType: 'schedule_task', targetId: String(id), diff: { title: t.title } });
  await resendIfChangedAfterApproval(ctx, t.programId);
}

async function sendVersion(ctx: CommandContext, programId: number, reason: 'first' | 'changed-after-approval' | 'manual', tasks: ScheduleTask[]) {
  const program = (await findProgramById(ctx.tx, programId))!;
  const today = tokyoDate(ctx.now);
  const bytes = await schedulePdf(program, tasks, today);
  const note = plm(reason === 'first' ? 'note.first' : reason === 'manual' ? 'note.manual' : 'note.changed');
  const { deliverableId, version } = await attachGeneratedVersion(ctx, { programId, key: SCHEDULE_KEY, filename: `業務工程表_${today}.pdf`, bytes, note });
  const hash = scheduleHash(tasks);
  await ctx.tx.insert(recordsScheduleSubmissions).values({
    programId,
    deliverableId,
    version,
    hash,
    tasks: tasks.map((t) => ({ id: t.id, title: t.title, startsOn: t.startsOn, endsOn: t.endsOn, progress: t.progress, milestone: t.milestone })),
    reason,
    submittedAt: ctx.now,
    submittedBy: ctx.actor.userId,
  });
  ctx.audit({ action: 'records.schedule.submitted', programId, targetType: 'deliverable', targetId: String(deliverableId), diff: { version, reason, hash, tasks: tasks.length } });
  return version;
}

/** The operator sends the schedule as it stands (409 when nothing changed since the last version sent). */
export async function submitSchedule(ctx: CommandContext, programId: number): Promise<number> {
  await lockSchedule(ctx, programId);
  const tasks = await listTasks(ctx.tx, programId);
  if (!tasks.length) throw new AppError('conflict', plm('err.noTasks'));
  const a = await scheduleApproval(ctx.tx, programId, tasks);
  if (a.latest && a.latest.hash === a.hash) throw new AppError('conflict', plm('err.unchanged'));
  return sendVersion(ctx, programId, a.latest ? 'manual' : 'first', tasks);
}

/**
 * After the City approved the schedule, the first change to it sends the changed schedule as the
 * next version (the approval no longer covers it: 要再承認). Later changes before the new approval
 * are sent with 再提出 on the page. Progress updates change nothing the City approved.
 */
async function resendIfChangedAfterApproval(ctx: CommandContext, programId: number): Promise<boolean> {
  const tasks = await listTasks(ctx.tx, programId);
  const a = await scheduleApproval(ctx.tx, programId, tasks);
  if (!a.approved || a.latest?.id !== a.approved.id || a.approved.hash === a.hash) return false;
  await sendVersion(ctx, programId, 'changed-after-approval', tasks);
  return true;
}
