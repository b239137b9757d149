import { and, eq } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { questionnaireSchema } from '../questionnaire.js';
import { isAnswered, latestQuestionnaire } from '../queries.js';
import { surveyQuestionnaires, type SurveyQuestionnaire } from '../schema.js';
import { lockProgram } from './lock-program.js';

/**
 * Saves a program's questionnaire as a draft for the City to approve. The newest version is
 * replaced while nobody has answered it; once it has answers, the change becomes the next version
 * and the answers keep the version they were given on.
 */
export async function saveQuestionnaire(ctx: CommandContext, programId: number, raw: unknown): Promise<SurveyQuestionnaire> {
  const d = parseOrThrow(questionnaireSchema, raw);
  await lockProgram(ctx, programId);
  const latest = await latestQuestionnaire(ctx.tx, programId);
  const values = { title: d.title, titleEn: d.titleEn || null, questions: d.questions, status: 'draft' as const, decisionComment: null, decidedBy: null, decidedAt: null, updatedAt: ctx.now };
  let saved: SurveyQuestionnaire;
  if (latest && !(await isAnswered(ctx.tx, latest.id))) {
    [saved] = (await ctx.tx
      .update(surveyQuestionnaires)
      .set(values)
      .where(and(eq(surveyQuestionnaires.id, latest.id)))
      .returning()) as [SurveyQuestionnaire];
  } else {
    [saved] = (await ctx.tx
      .insert(surveyQuestionnaires)
      .values({ ...values, programId, version: (latest?.version ?? 0) + 1, createdAt: ctx.now })
      .returning()) as [SurveyQuestionnaire];
  }
  ctx.audit({ action: 'surveys.questionnaire.saved', programId, targetType: 'survey_questionnaire', targetId: saved.id, diff: { version: saved.version, questions: d.questions.length } });
  return saved;
}
