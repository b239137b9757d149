import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { sam } from '../messages.js';
import { latestQuestionnaire } from '../queries.js';
import { surveyQuestionnaires, type SurveyQuestionnaire } from '../schema.js';
import { lockProgram } from './lock-program.js';

/** The City's decision on the questionnaire waiting for approval. */
export const decisionSchema = z.object({
  decision: z.enum(['approve', 'reject'], { error: sam('val.decision') }),
  comment: z.string().trim().max(2000).optional(),
});

/**
 * Approves or sends back the newest questionnaire version, which must still be a draft: a second
 * decision (or one on a version replaced meanwhile) is 409.
 */
export async function decideQuestionnaire(ctx: CommandContext, programId: number, raw: unknown, seenVersion?: number): Promise<SurveyQuestionnaire> {
  const d = parseOrThrow(decisionSchema, raw);
  await lockProgram(ctx, programId);
  const latest = await latestQuestionnaire(ctx.tx, programId);
  if (!latest) throw new AppError('not-found', sam('err.noQuestionnaire'));
  if (seenVersion !== undefined && seenVersion !== latest.version) throw new AppError('conflict', sam('err.notDraft'));
  const [row] = await ctx.tx
    .update(surveyQuestionnaires)
    .set({ status: d.decision === 'approve' ? 'approved' : 'rejected', decisionComment: d.comment || null, decidedBy: ctx.actor.userId, decidedAt: ctx.now, updatedAt: ctx.now })
    .where(and(eq(surveyQuestionnaires.id, latest.id), eq(surveyQuestionnaires.status, 'draft')))
    .returning();
  if (!row) throw new AppError('conflict', sam('err.notDraft'));
  ctx.audit({
    action: d.decision === 'approve' ? 'surveys.questionnaire.approved' : 'surveys.questionnaire.rejected',
    programId,
    targetType: 'survey_questionnaire',
    targetId: row.id,
    diff: { version: row.version, ...(d.comment ? { comment: d.comment } : {}) },
  });
  return row;
}
