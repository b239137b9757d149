import { eq } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { addEvent } from '../history.js';
import { cm } from '../messages.js';
import { campaignApplications } from '../schema.js';
import { lockApplication } from './locks.js';

/** The reviewer's checklist (審査項目); the keys are fixed, unknown ones are ignored. */
export const CHECKLIST = (['license', 'location', 'operator', 'bank', 'terms'] as const).map((key) => ({ key, label: cm(`checklist.${key}`) }));

export async function saveChecklist(ctx: CommandContext, applicationId: number, checked: string[]): Promise<void> {
  const app = await lockApplication(ctx, applicationId);
  const checklist = Object.fromEntries(CHECKLIST.map((c) => [c.key, checked.includes(c.key)]));
  await ctx.tx.update(campaignApplications).set({ checklist, updatedAt: ctx.now }).where(eq(campaignApplications.id, app.id));
  await addEvent(ctx, app.id, 'checklist', CHECKLIST.filter((c) => checklist[c.key]).map((c) => c.key).join(',') || null);
  ctx.audit({ action: 'campaign.application.checklist_saved', programId: app.programId, targetType: 'campaign_application', targetId: app.id, diff: { checklist } });
}

export async function addNote(ctx: CommandContext, applicationId: number, text: string): Promise<void> {
  const note = text.trim();
  if (!note || note.length > 2000) {
    throw new AppError('validation-failed', cm('errNoteRequired'), { fieldErrors: [{ field: 'note', message: cm('errNoteLong') }] });
  }
  const app = await lockApplication(ctx, applicationId);
  await addEvent(ctx, app.id, 'note', note);
  ctx.audit({ action: 'campaign.application.note_added', programId: app.programId, targetType: 'campaign_application', targetId: app.id });
}

/** Takes (or gives away) the application; `null` leaves it unassigned. */
export async function assignApplication(ctx: CommandContext, applicationId: number, userId: number | null): Promise<void> {
  // Re-read under the lock: the audit entry's "before" is the assignee at the time of the change.
  const app = await lockApplication(ctx, applicationId);
  await ctx.tx.update(campaignApplications).set({ assigneeUserId: userId, updatedAt: ctx.now }).where(eq(campaignApplications.id, app.id));
  await addEvent(ctx, app.id, 'assigned', userId === null ? null : String(userId));
  ctx.audit({ action: 'campaign.application.assigned', programId: app.programId, targetType: 'campaign_application', targetId: app.id, diff: { assignee: [app.assigneeUserId, userId] } });
}
