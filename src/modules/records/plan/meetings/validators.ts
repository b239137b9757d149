import { z } from 'zod';
import { isIsoDate } from '../../../../platform/calendar/index.js';
import { plm } from '../messages.js';
import { TASK_OWNER_ROLES } from '../schema.js';

const date = z.string().trim().refine(isIsoDate, plm('err.date'));
const req = (max: number) => z.string().trim().min(1, plm('err.required')).max(max, `${max}文字以内で入力してください`);

export const meetingSchema = z
  .object({
    heldOn: date,
    startTime: z.union([z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, plm('err.time')), z.literal('')]).default(''),
    place: z.string().trim().max(300).default(''),
    online: z.union([z.boolean(), z.string()]).optional().transform((v) => v === true || v === 'on' || v === 'true'),
    attendeesCity: req(1000),
    attendeesContractor: req(1000),
    agenda: req(3000),
  })
  .superRefine((v, ctx) => {
    if (!v.place && !v.online) ctx.addIssue({ code: 'custom', path: ['place'], message: plm('err.placeOrOnline') });
  });

export const minutesSchema = z.object({ summary: req(20000), decisions: z.string().trim().max(10000).default('') });

export const actionItemSchema = z.object({
  title: z.string().trim().min(1, plm('err.title')).max(200, plm('err.title')),
  owner: z.enum(TASK_OWNER_ROLES, { message: plm('err.required') }),
  ownerName: z.string().trim().max(100).default(''),
  dueOn: date,
});

export const answerSchema = z
  .object({ decision: z.enum(['confirm', 'comment'], { message: plm('err.decision') }), comment: z.string().trim().max(5000).default('') })
  .superRefine((v, ctx) => {
    if (v.decision === 'comment' && !v.comment) ctx.addIssue({ code: 'custom', path: ['comment'], message: plm('err.commentEmpty') });
  });
