import { z } from 'zod';
import { QUESTION_TYPES, type Question } from './schema.js';
import { sam } from './messages.js';

const CHOICE_TYPES = new Set(['single', 'multi']);

const optionSchema = z.object({
  value: z.string().trim().min(1, sam('val.optionValue')).max(40, sam('val.optionValue')),
  label: z.string().trim().min(1, sam('val.label')).max(200, sam('val.label')),
  labelEn: z.string().trim().max(200, sam('val.label')).optional(),
});

const questionSchema = z
  .object({
    id: z.string().trim().regex(/^[A-Za-z0-9_-]{1,40}$/, sam('val.questionId')),
    type: z.enum(QUESTION_TYPES, { error: sam('val.questionType') }),
    label: z.string().trim().min(1, sam('val.label')).max(500, sam('val.label')),
    labelEn: z.string().trim().max(500, sam('val.label')).optional(),
    options: z.array(optionSchema).max(30, sam('val.options')).optional(),
    required: z.boolean().optional(),
  })
  .superRefine((q, ctx) => {
    if (CHOICE_TYPES.has(q.type) && !(q.options && q.options.length >= 2)) ctx.addIssue({ code: 'custom', path: ['options'], message: sam('val.options') });
    if (q.options && new Set(q.options.map((o) => o.value)).size !== q.options.length) ctx.addIssue({ code: 'custom', path: ['options'], message: sam('val.optionDuplicate') });
    if (q.type === 'scale' && q.options && q.options.some((o) => !/^[1-5]$/.test(o.value))) ctx.addIssue({ code: 'custom', path: ['options'], message: sam('val.scaleOptions') });
  });

/**
 * The questionnaire as `jimukyoku survey import` and the back office take it:
 * `{ title, titleEn?, questions: [{ id, type, label, labelEn?, options?, required? }] }`.
 * A scale question's options, if given, label its points 1–5.
 */
export const questionnaireSchema = z
  .object({
    title: z.string().trim().min(1, sam('val.title')).max(200, sam('val.title')),
    titleEn: z.string().trim().max(200, sam('val.title')).optional(),
    questions: z.array(questionSchema).min(1, sam('val.questions')).max(100, sam('val.questions')),
  })
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    d.questions.forEach((q, i) => {
      if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: sam('val.questionIdDuplicate') });
      seen.add(q.id);
    });
  });
export type QuestionnaireInput = z.infer<typeof questionnaireSchema>;

/** The questions that take an answer (not headings). */
export function answerable(questions: Question[]): Question[] {
  return questions.filter((q) => q.type !== 'heading');
}

/** A question's label in the reader's language. */
export function labelOf(q: { label: string; labelEn?: string }, locale: 'ja' | 'en'): string {
  return locale === 'en' && q.labelEn ? q.labelEn : q.label;
}

/** The value that lets a multi-choice answer carry "other" text (`answers["<id>.other"]`). */
export const OTHER_VALUE = 'other';
