import { eq } from 'drizzle-orm';
import type { CommandContext } from '../../../../platform/command.js';
import { AppError } from '../../../../platform/errors/index.js';
import { parseOrThrow } from '../../../../platform/validation.js';
import { plm } from '../messages.js';
import { recordsActionItems, recordsMeetings, type Meeting } from '../schema.js';
import { addTask } from '../schedule/commands.js';
import { actionItemSchema, answerSchema, meetingSchema, minutesSchema } from './validators.js';

/** Records a meeting (date, place or online, attendees of both sides, agenda). */
export async function createMeeting(ctx: CommandContext, programId: number, input: unknown): Promise<Meeting> {
  const v = parseOrThrow(meetingSchema, input);
  const [row] = await ctx.tx.insert(recordsMeetings).values({ programId, ...v, createdAt: ctx.now, updatedAt: ctx.now }).returning();
  ctx.audit({ action: 'records.meeting.created', programId, targetType: 'meeting', targetId: String(row!.id), diff: { heldOn: v.heldOn, online: v.online } });
  return row!;
}

async function lockMeeting(ctx: CommandContext, id: number): Promise<Meeting> {
  const [m] = await ctx.tx.select().from(recordsMeetings).where(eq(recordsMeetings.id, id)).for('no key update');
  if (!m) throw new AppError('not-found');
  return m;
}

const editable = (m: Meeting) => m.minutesStatus === 'none' || m.minutesStatus === 'draft' || m.minutesStatus === 'commented';

/** Writes the minutes (not while the City has them, nor after it confirmed them). */
export async function saveMinutes(ctx: CommandContext, id: number, input: unknown): Promise<void> {
  const v = parseOrThrow(minutesSchema, input);
  const m = await lockMeeting(ctx, id);
  if (!editable(m)) throw new AppError('conflict', plm('err.minutesLocked'));
  await ctx.tx.update(recordsMeetings).set({ ...v, minutesStatus: m.minutesStatus === 'commented' ? 'commented' : 'draft', updatedAt: ctx.now }).where(eq(recordsMeetings.id, id));
  ctx.audit({ action: 'records.meeting.minutes_saved', programId: m.programId, targetType: 'meeting', targetId: String(id) });
}

/** Adds an action item (owner, due date) to the minutes; it becomes a task of the schedule ending on its due date. */
export async function addActionItem(ctx: CommandContext, id: number, input: unknown): Promise<void> {
  const v = parseOrThrow(actionItemSchema, input);
  const m = await lockMeeting(ctx, id);
  if (!editable(m)) throw new AppError('conflict', plm('err.minutesLocked'));
  const [item] = await ctx.tx.insert(recordsActionItems).values({ meetingId: id, programId: m.programId, ...v, createdAt: ctx.now }).returning();
  const startsOn = m.heldOn <= v.dueOn ? m.heldOn : v.dueOn;
  const task = await addTask(ctx, m.programId, { title: v.title, startsOn, endsOn: v.dueOn, owner: v.owner, ownerName: v.ownerName }, item!.id);
  await ctx.tx.update(recordsActionItems).set({ taskId: task.id }).where(eq(recordsActionItems.id, item!.id));
  ctx.audit({ action: 'records.meeting.action_added', programId: m.programId, targetType: 'meeting', targetId: String(id), diff: { item: item!.id, task: task.id, dueOn: v.dueOn } });
}

/** Sends the minutes to the City for confirmation (written, and not with the City or confirmed). */
export async function sendMinutes(ctx: CommandContext, id: number): Promise<void> {
  const m = await lockMeeting(ctx, id);
  if (!(m.minutesStatus === 'draft' || m.minutesStatus === 'commented') || !m.summary) throw new AppError('conflict', plm('err.notSendable'));
  await ctx.tx.update(recordsMeetings).set({ minutesStatus: 'sent', sentAt: ctx.now, updatedAt: ctx.now }).where(eq(recordsMeetings.id, id));
  ctx.audit({ action: 'records.meeting.minutes_sent', programId: m.programId, targetType: 'meeting', targetId: String(id) });
}

/** The City confirms the minutes, or returns them with a comment (only minutes awaiting it). */
export async function answerMinutes(ctx: CommandContext, id: number, input: unknown): Promise<'confirm' | 'comment'> {
  const v = parseOrThrow(answerSchema, input);
  const m = await lockMeeting(ctx, id);
  if (m.minutesStatus !== 'sent') throw new AppError('conflict', plm('err.notSent'));
  if (v.decision === 'confirm') {
    await ctx.tx.update(recordsMeetings).set({ minutesStatus: 'confirmed', confirmedAt: ctx.now, confirmedBy: ctx.actor.userId, updatedAt: ctx.now }).where(eq(recordsMeetings.id, id));
    ctx.audit({ action: 'records.meeting.minutes_confirmed', programId: m.programId, targetType: 'meeting', targetId: String(id) });
  } else {
    await ctx.tx.update(recordsMeetings).set({ minutesStatus: 'commented', cityComment: v.comment, updatedAt: ctx.now }).where(eq(recordsMeetings.id, id));
    ctx.audit({ action: 'records.meeting.minutes_commented', programId: m.programId, targetType: 'meeting', targetId: String(id) });
  }
  return v.decision;
}
